// Forgetting a person keeps the decision: a Declined person forgotten from the board does not
// come back to New when the next full sync lists them again; one forgotten completely does.
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, DATABASE_FILE } from '../../electron/core/createCore';
import type { CoreHandle } from '../../electron/core/coreTypes';
import { callOk, makeTempDir, removeDir, signInAtOnce, waitForSync } from './coreTestKit';

let dir: string;
let core: CoreHandle;
beforeEach(async () => {
  dir = makeTempDir('forget-keeps-decision');
  core = await createCore({ dataDir: dir });
});
afterEach(async () => {
  await core.close();
  removeDir(dir);
});

describe('forget keeps the decision', () => {
  it('a forgotten Declined follower is Declined again after a full sync; forgotten completely, New', async () => {
    const account = await signInAtOnce(core, { network: 'sample', followers: 120, following: 0, seed: 5 });
    await waitForSync(core, account.id);
    const page = await callOk(core, 'getBoardPage', { accountId: account.id, stage: 'new', sort: 'newest', limit: 2 });
    const [kept, wiped] = page.items;
    if (!kept || !wiped) throw new Error('expected two new followers');
    await callOk(core, 'moveCard', { accountId: account.id, personId: kept.personId, stage: 'declined' });
    await callOk(core, 'moveCard', { accountId: account.id, personId: wiped.personId, stage: 'declined' });
    const db = new Database(path.join(dir, DATABASE_FILE), { readonly: true });
    try {
      const remoteIdOf = (personId: number) => db.prepare('SELECT remote_id FROM people WHERE id = ?').pluck().get(personId) as string;
      const keptRemote = remoteIdOf(kept.personId);
      const wipedRemote = remoteIdOf(wiped.personId);

      expect(await callOk(core, 'forgetPerson', { accountId: account.id, personId: kept.personId })).toEqual({ forgotten: true, keptStage: 'declined' });
      await callOk(core, 'forgetPerson', { accountId: account.id, personId: wiped.personId, completely: true });
      expect(db.prepare('SELECT count(*) FROM people WHERE remote_id IN (?, ?)').pluck().get(keptRemote, wipedRemote)).toBe(0);

      await callOk(core, 'startSync', { accountId: account.id, full: true });
      await waitForSync(core, account.id);

      const stageOf = (remoteId: string) =>
        db.prepare('SELECT t.stage FROM triage t JOIN people p ON p.id = t.person_id WHERE t.account_id = ? AND p.remote_id = ?').pluck().get(account.id, remoteId);
      expect(stageOf(keptRemote)).toBe('declined');
      expect(stageOf(wipedRemote)).toBe('new');
    } finally {
      db.close();
    }
  });
});
