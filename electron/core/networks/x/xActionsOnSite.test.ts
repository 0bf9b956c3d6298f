// Following and writing on X happen on X's own pages: a move to Connected or a message answers the
// page to open and records the action 'opened' (counted against the budget, never sent by the
// outbox); the person marks it done, or the next archive import shows the follow.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Envelope } from '../../../../shared/api/errors';
import type { Account } from '../../../../shared/domain';
import { createCore } from '../../createCore';
import type { CoreHandle } from '../../coreTypes';
import { callOk, makeTempDir, removeDir, signInAtOnce } from '../../../../test/core/coreTestKit';
import { writeXArchiveZip, type XArchiveSpec } from '../../../../test/fakes/x/xArchiveBuilder';

const OWNER = { id: '4242', username: 'rapport_me', displayName: 'Me Myself' };
let dir: string;
let core: CoreHandle;
let account: Account;

async function archive(name: string, overrides: Partial<XArchiveSpec> = {}): Promise<string> {
  const file = path.join(dir, name);
  await writeXArchiveZip(file, { owner: OWNER, generatedAt: '2026-11-20T08:00:00.000Z', followers: ['101', '102', '103'], following: ['102'], ...overrides });
  return file;
}

/** People known only by id carry it as their handle until something names them. */
async function personIdOf(remoteId: string): Promise<number> {
  const page = await callOk(core, 'getBoardPage', { accountId: account.id, stage: 'new', sort: 'newest', limit: 50 });
  const card = page.items.find((c) => c.handle === remoteId);
  if (!card) throw new Error(`no card for ${remoteId}`);
  return card.personId;
}

beforeEach(async () => {
  dir = makeTempDir('x-on-site');
  core = await createCore({ dataDir: dir });
  account = await signInAtOnce(core, { network: 'x', archivePath: await archive('a.zip') });
});
afterEach(async () => {
  await core.close();
  removeDir(dir);
});

describe('follows and messages on X open X’s own pages', () => {
  it('a move to Connected answers the follow intent and waits, opened, without sending anything', async () => {
    const personId = await personIdOf('101');
    const moved = await callOk(core, 'moveCard', { accountId: account.id, personId, stage: 'connected' });
    expect(moved.action).toMatchObject({ kind: 'follow', status: 'opened', openUrl: 'https://x.com/intent/follow?user_id=101' });
    expect(moved.card.iFollow).toBe(false);
    // The outbox never takes it: X has no provider to send with, and it stays opened.
    expect(await callOk(core, 'listActions', { accountId: account.id, personId })).toMatchObject([{ kind: 'follow', status: 'opened' }]);
    expect(await callOk(core, 'getActionBudget', { accountId: account.id })).toMatchObject({ used: 1, limit: 50, maxLimit: 50 });
  });

  it('“mark done” records the follow: the card follows them and the timeline says so', async () => {
    const personId = await personIdOf('101');
    const moved = await callOk(core, 'moveCard', { accountId: account.id, personId, stage: 'connected' });
    const done = await callOk(core, 'markActionDone', { actionId: moved.action?.id ?? 0 });
    expect(done).toMatchObject({ kind: 'follow', status: 'done' });
    const connected = await callOk(core, 'getBoardPage', { accountId: account.id, stage: 'connected', sort: 'newest', limit: 50 });
    expect(connected.items.find((c) => c.personId === personId)).toMatchObject({ iFollow: true });
    const timeline = await callOk(core, 'getTimeline', { accountId: account.id, personId });
    expect(timeline.map((e) => e.kind)).toContain('i_followed');
    // Marking twice is harmless; a follow that was never opened cannot be marked.
    expect(await callOk(core, 'markActionDone', { actionId: done.id })).toMatchObject({ status: 'done' });
  });

  it('moving the card back out of Connected forgets the opened follow', async () => {
    const personId = await personIdOf('101');
    await callOk(core, 'moveCard', { accountId: account.id, personId, stage: 'connected' });
    const back = await callOk(core, 'moveCard', { accountId: account.id, personId, stage: 'new' });
    expect(back.action).toBeUndefined();
    expect(await callOk(core, 'listActions', { accountId: account.id, personId })).toEqual([]);
  });

  it('Send answers X’s message page with the text filled in, and mark done records the message', async () => {
    const personId = await personIdOf('103');
    const text = 'Hi & welcome — glad you’re here? #1';
    const sent = await callOk(core, 'sendMessage', { accountId: account.id, personId, text });
    expect(sent).toMatchObject({ kind: 'dm', status: 'opened', text });
    const url = new URL(sent.openUrl ?? '');
    expect(url.origin + url.pathname).toBe('https://x.com/messages/compose');
    expect(Object.fromEntries(url.searchParams)).toEqual({ recipient_id: '103', text });
    await callOk(core, 'markActionDone', { actionId: sent.id });
    const timeline = await callOk(core, 'getTimeline', { accountId: account.id, personId });
    expect(timeline.map((e) => e.kind)).toContain('dm_sent');
  });

  it('every opening counts against the daily budget: past it, nothing more opens', async () => {
    await callOk(core, 'setActionBudget', { accountId: account.id, limit: 1 });
    await callOk(core, 'moveCard', { accountId: account.id, personId: await personIdOf('101'), stage: 'connected' });
    const refused = (await core.call('sendMessage', { accountId: account.id, personId: await personIdOf('103'), text: 'hello' })) as Envelope<unknown>;
    expect(refused).toMatchObject({ ok: false, error: { code: 'BUDGET_EXCEEDED' } });
    expect(await callOk(core, 'listActions', { accountId: account.id })).toHaveLength(1);
  });

  it('the next archive import confirms an opened follow it shows, and leaves the others opened', async () => {
    const followed = await personIdOf('101');
    const notYet = await personIdOf('103');
    const a = await callOk(core, 'moveCard', { accountId: account.id, personId: followed, stage: 'connected' });
    const b = await callOk(core, 'moveCard', { accountId: account.id, personId: notYet, stage: 'connected' });
    await signInAtOnce(core, {
      network: 'x',
      accountId: account.id,
      archivePath: await archive('b.zip', { generatedAt: '2026-12-01T08:00:00.000Z', following: ['101', '102'] }),
    });
    const actions = await callOk(core, 'listActions', { accountId: account.id });
    expect(actions.find((x) => x.id === a.action?.id)).toMatchObject({ status: 'done' });
    expect(actions.find((x) => x.id === b.action?.id)).toMatchObject({ status: 'opened' });
  });

  it('only an opened action can be marked done', async () => {
    const result = (await core.call('markActionDone', { actionId: 999 })) as Envelope<unknown>;
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
