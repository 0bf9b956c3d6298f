// The outbox against the fake Bluesky: moves that follow, lost answers, a network that is gone and
// comes back, restarts mid-send, messages, cancel, retry and the daily budget.
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { PersonCard } from '../../shared/domain';
import { DATABASE_FILE } from '../../electron/core/createCore';
import type { CoreHandle } from '../../electron/core/coreTypes';
import { callOk, syncEnd } from './coreTestKit';
import { settled, startBlueskyCore, waitForAction, type BlueskyCoreKit } from './blueskyCoreKit';

let kit: BlueskyCoreKit | null = null;
afterEach(async () => {
  await kit?.close();
  kit = null;
});

async function newCards(core: CoreHandle, accountId: number, limit = 5): Promise<PersonCard[]> {
  return (await callOk(core, 'getBoardPage', { accountId, stage: 'new', sort: 'newest', limit })).items;
}

function remoteIdOf(dataDir: string, personId: number): string {
  const db = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true });
  try {
    return (db.prepare('SELECT remote_id AS r FROM people WHERE id = ?').get(personId) as { r: string }).r;
  } finally {
    db.close();
  }
}

async function errorOf(core: CoreHandle, method: Parameters<CoreHandle['call']>[0], input: unknown) {
  const envelope = await core.call(method, input);
  if (envelope.ok) throw new Error(`${method} unexpectedly succeeded`);
  return envelope.error;
}

describe('outbox', () => {
  it('follows back on a move to Connected, exactly once even when the answer is lost', async () => {
    kit = await startBlueskyCore({ followers: 20, follows: 2 });
    const { core, account, fake, dataDir } = kit;
    const [card] = await newCards(core, account.id, 1);
    const did = remoteIdOf(dataDir, card!.personId);
    fake.knobs.dropAfterCommit = { count: 1, methods: ['com.atproto.repo.createRecord'] };

    const moved = await callOk(core, 'moveCard', { accountId: account.id, personId: card!.personId, stage: 'connected' });
    expect(moved.action).toMatchObject({ kind: 'follow', status: 'queued' });
    // The lost answer leaves it waiting; the next attempt checks getRelationships first.
    await waitForAction(core, account.id, moved.action!.id, (a) => a.status === 'queued' && a.attempts === 1);
    await callOk(core, 'retryAction', { actionId: moved.action!.id });
    const action = await waitForAction(core, account.id, moved.action!.id, settled);

    expect(action.status).toBe('done');
    expect(fake.state.followRecordsOf(did)).toHaveLength(1);
    expect(fake.countOf('com.atproto.repo.createRecord')).toBe(1);
    const after = await callOk(core, 'getProfile', { accountId: account.id, personId: card!.personId });
    expect(after).toMatchObject({ iFollow: true, stage: 'connected', action: { id: action.id, status: 'done' } });
  });

  it('queues while the network is gone, serves the cache, and follows once when it is back', async () => {
    kit = await startBlueskyCore({ followers: 15, follows: 2 });
    const { core, account, fake, dataDir } = kit;
    const [card] = await newCards(core, account.id, 1);
    const did = remoteIdOf(dataDir, card!.personId);
    const port = Number(new URL(fake.url).port);
    let before = await callOk(core, 'getProfile', { accountId: account.id, personId: card!.personId });
    // Avatars arrive in the background after the sync: wait for this one before the network goes.
    while (before.avatarUrl === null) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      before = await callOk(core, 'getProfile', { accountId: account.id, personId: card!.personId });
    }
    await fake.stop();

    const moved = await callOk(core, 'moveCard', { accountId: account.id, personId: card!.personId, stage: 'connected' });
    const waiting = await waitForAction(core, account.id, moved.action!.id, (a) => a.attempts === 1 && a.status === 'queued');
    // Refused connection (OFFLINE) or a pooled socket found dead (NETWORK_ERROR): either way it waits.
    expect(['OFFLINE', 'NETWORK_ERROR']).toContain(waiting.error?.code);
    const cached = await callOk(core, 'getProfile', { accountId: account.id, personId: card!.personId });
    expect(cached.bio).toBe(before.bio);
    expect(cached.recentPosts).toEqual(before.recentPosts);
    expect(cached.avatarUrl).toBe(before.avatarUrl);
    expect(cached.avatarUrl).toMatch(/^media\//);

    await fake.start(port);
    const ended = syncEnd(core, account.id);
    await callOk(core, 'startSync', { accountId: account.id });
    expect((await ended).state).toBe('done');
    const action = await waitForAction(core, account.id, moved.action!.id, settled);
    expect(action.status).toBe('done');
    expect(fake.state.followRecordsOf(did)).toHaveLength(1);
  });

  it('re-checks an action a previous run left sending instead of sending it again', async () => {
    kit = await startBlueskyCore({ followers: 10, follows: 1 });
    const { account, fake, dataDir } = kit;
    const [card] = await newCards(kit.core, account.id, 1);
    const did = remoteIdOf(dataDir, card!.personId);
    const port = Number(new URL(fake.url).port);
    await fake.stop();
    const moved = await callOk(kit.core, 'moveCard', { accountId: account.id, personId: card!.personId, stage: 'connected' });
    await waitForAction(kit.core, account.id, moved.action!.id, (a) => a.attempts === 1 && a.status === 'queued');
    await kit.core.close();
    // As if core died right after the network applied the follow, before it could record that.
    fake.state.addFollowEdge(did);
    const db = new Database(path.join(dataDir, DATABASE_FILE));
    db.prepare("UPDATE outbox SET status = 'sending' WHERE id = ?").run(moved.action!.id);
    db.close();
    await fake.start(port);

    const core = await kit.reopen();
    const action = await waitForAction(core, account.id, moved.action!.id, settled);
    expect(action.status).toBe('done');
    expect(fake.countOf('com.atproto.repo.createRecord')).toBe(0);
    expect(fake.state.followRecordsOf(did)).toHaveLength(1);
    expect((await callOk(core, 'getProfile', { accountId: account.id, personId: card!.personId })).iFollow).toBe(true);
  });

  it('sends a message the user wrote, once, and records it', async () => {
    kit = await startBlueskyCore({ followers: 8, follows: 1 });
    const { core, account, fake } = kit;
    const [card] = await newCards(core, account.id, 1);
    const queued = await callOk(core, 'sendMessage', { accountId: account.id, personId: card!.personId, text: '  Thanks for the follow!  ' });
    expect(queued).toMatchObject({ kind: 'dm', status: 'queued', text: 'Thanks for the follow!' });
    const action = await waitForAction(core, account.id, queued.id, settled);
    expect(action.status, JSON.stringify(action.error)).toBe('done');
    expect(fake.state.messages.map((m) => m.text)).toEqual(['Thanks for the follow!']);
  });

  it('moves out of Connected cancel a queued follow, and unfollow only when asked', async () => {
    kit = await startBlueskyCore({ followers: 10, follows: 4 });
    const { core, account, fake } = kit;
    const [card] = await newCards(core, account.id, 1);
    const port = Number(new URL(fake.url).port);
    await fake.stop();
    const moved = await callOk(core, 'moveCard', { accountId: account.id, personId: card!.personId, stage: 'connected' });
    await waitForAction(core, account.id, moved.action!.id, (a) => a.attempts === 1 && a.status === 'queued');
    const undone = await callOk(core, 'moveCard', { accountId: account.id, personId: card!.personId, stage: 'new' });
    expect(undone.action).toBeUndefined();
    expect(await callOk(core, 'listActions', { accountId: account.id, personId: card!.personId }), JSON.stringify(undone)).toEqual([]);
    await fake.start(port);

    const connected = (await callOk(core, 'getBoardPage', { accountId: account.id, stage: 'connected', sort: 'newest', limit: 1 })).items[0]!;
    expect(connected.iFollow).toBe(true);
    const silent = await callOk(core, 'moveCard', { accountId: account.id, personId: connected.personId, stage: 'evaluated' });
    expect(silent.action).toBeUndefined();
    const asked = await callOk(core, 'moveCard', { accountId: account.id, personId: connected.personId, stage: 'declined', unfollow: true });
    expect(asked.action).toMatchObject({ kind: 'unfollow', status: 'queued' });
    const action = await waitForAction(core, account.id, asked.action!.id, settled);
    expect(action.status, JSON.stringify(action.error)).toBe('done');
    expect((await callOk(core, 'getProfile', { accountId: account.id, personId: connected.personId })).iFollow).toBe(false);
    expect(fake.countOf('com.atproto.repo.deleteRecord')).toBe(1);
  });

  it('enforces the daily budget, which can only be lowered', async () => {
    kit = await startBlueskyCore({ followers: 10, follows: 1 });
    const { core, account } = kit;
    expect(await callOk(core, 'getActionBudget', { accountId: account.id })).toMatchObject({ network: 'bluesky', limit: 100, maxLimit: 100, used: 0, resetsAt: null });
    expect((await errorOf(core, 'setActionBudget', { accountId: account.id, limit: 101 })).code).toBe('INVALID_INPUT');
    expect(await callOk(core, 'setActionBudget', { accountId: account.id, limit: 1 })).toMatchObject({ limit: 1, used: 0 });

    const [first, second] = await newCards(core, account.id, 2);
    await callOk(core, 'moveCard', { accountId: account.id, personId: first!.personId, stage: 'connected' });
    const refused = await errorOf(core, 'moveCard', { accountId: account.id, personId: second!.personId, stage: 'connected' });
    expect(refused.code).toBe('BUDGET_EXCEEDED');
    expect(refused.message).toMatch(/frees up in about 24 hours/);
    expect((await errorOf(core, 'sendMessage', { accountId: account.id, personId: second!.personId, text: 'hi' })).code).toBe('BUDGET_EXCEEDED');
    // Refused means nothing changed: the card stayed where it was.
    expect((await callOk(core, 'getProfile', { accountId: account.id, personId: second!.personId })).stage).toBe('new');
    const budget = await callOk(core, 'getActionBudget', { accountId: account.id });
    expect(budget).toMatchObject({ limit: 1, used: 1 });
    expect(Date.parse(budget.resetsAt!)).toBeGreaterThan(Date.now() + 23 * 3_600_000);
  });
});
