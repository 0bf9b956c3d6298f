// Sample data goes through the outbox like a real network (simulated: nothing leaves the machine),
// and a follow made there survives a restart: the next full sync reports no unfollow.
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, DATABASE_FILE } from '../../electron/core/createCore';
import type { CoreHandle } from '../../electron/core/coreTypes';
import { callOk, makeTempDir, removeDir, signInAtOnce, waitForSync } from './coreTestKit';
import { waitForAction } from './blueskyCoreKit';

let core: CoreHandle | null = null;
let dataDir: string | null = null;
afterEach(async () => {
  await core?.close();
  core = null;
  if (dataDir) removeDir(dataDir);
  dataDir = null;
});

function unfollowEventsAndIFollow(dir: string, personId: number): { unfollows: number; iFollow: number } {
  const db = new Database(path.join(dir, DATABASE_FILE), { readonly: true });
  try {
    const unfollows = (db.prepare("SELECT count(*) AS n FROM events WHERE kind = 'i_unfollowed'").get() as { n: number }).n;
    const row = db.prepare('SELECT i_follow AS f FROM relationships WHERE person_id = ?').get(personId) as { f: number };
    return { unfollows, iFollow: row.f };
  } finally {
    db.close();
  }
}

describe('sample data and the outbox', () => {
  it('follows on a move to Connected, counts it in the budget, and keeps the follow through a restart and a full sync', async () => {
    dataDir = makeTempDir('sample-outbox');
    core = await createCore({ dataDir });
    const account = await signInAtOnce(core, { network: 'sample', followers: 40, following: 10, seed: 3 });
    await waitForSync(core, account.id);
    const [card] = (await callOk(core, 'getBoardPage', { accountId: account.id, stage: 'new', sort: 'newest', limit: 5 })).items.filter((c) => !c.iFollow);
    expect(card).toBeDefined();

    const moved = await callOk(core, 'moveCard', { accountId: account.id, personId: card!.personId, stage: 'connected' });
    expect(moved.action).toMatchObject({ kind: 'follow' });
    const action = await waitForAction(core, account.id, moved.action!.id, (a) => a.status === 'done' || a.status === 'failed');
    expect(action.status).toBe('done');
    const budget = await callOk(core, 'getActionBudget', { accountId: account.id });
    expect(budget).toMatchObject({ used: 1 });

    await core.close();
    core = await createCore({ dataDir });
    await callOk(core, 'startSync', { accountId: account.id, full: true });
    await waitForSync(core, account.id);

    expect(unfollowEventsAndIFollow(dataDir, card!.personId)).toEqual({ unfollows: 0, iFollow: 1 });
    const profile = await callOk(core, 'getProfile', { accountId: account.id, personId: card!.personId });
    expect(profile).toMatchObject({ iFollow: true, stage: 'connected' });
  });
});
