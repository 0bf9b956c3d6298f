// The outbox against the fake Mastodon: a follow of a locked account that stays Requested until
// accepted, a direct message retried after a lost answer (Idempotency-Key), a queue that waits
// out an outage and a restart and is replayed once, and notes mirrored to private account notes.
import { afterEach, describe, expect, it } from 'vitest';
import type { CoreHandle } from '../../electron/core/coreTypes';
import { settled, waitForAction } from './blueskyCoreKit';
import { callOk, syncEnd } from './coreTestKit';
import { startMastodonCore, type MastodonCoreKit } from './mastodonCoreKit';

let kit: MastodonCoreKit | null = null;
afterEach(async () => {
  await kit?.close();
  kit = null;
});

const FOLLOW_ROUTE = 'POST /api/v1/accounts/:id/follow';

/** A follower I do not follow yet (the newest ones are never mutuals in the generated fake). */
function newestFollower(k: MastodonCoreKit, offset = 0): { fakeId: string; personId: number } {
  const edge = k.fake.state.followers[k.fake.state.followers.length - 1 - offset]!;
  return { fakeId: edge.accountId, personId: k.personId(edge.accountId) };
}

function relationship(k: MastodonCoreKit, personId: number) {
  return k.query<{ i_follow: number; follow_requested: number }>(
    'SELECT i_follow, follow_requested FROM relationships WHERE account_id = ? AND person_id = ?',
    k.account.id,
    personId,
  )[0]!;
}

/** Polls until `done()` holds (the outbox works in the background); fails after 20 s. */
async function until(done: () => boolean): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!done()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the outbox');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function sync(core: CoreHandle, accountId: number, full = false): Promise<string> {
  const ended = syncEnd(core, accountId);
  await callOk(core, 'startSync', { accountId, full });
  return (await ended).state;
}

describe('Mastodon outbox', () => {
  it('shows a follow of a locked account as requested until it is accepted, then connected', async () => {
    kit = await startMastodonCore({ followers: 20, following: 4, label: 'masto-locked' });
    const { core, account, fake } = kit;
    const target = newestFollower(kit);
    fake.state.accounts.get(target.fakeId)!.locked = true;

    const moved = await callOk(core, 'moveCard', { accountId: account.id, personId: target.personId, stage: 'connected' });
    expect(moved.action).toMatchObject({ kind: 'follow', status: 'queued' });
    const action = await waitForAction(core, account.id, moved.action!.id, settled);
    expect(action.status).toBe('done');
    expect(fake.state.pendingRequests.has(target.fakeId)).toBe(true);
    expect(relationship(kit, target.personId)).toEqual({ i_follow: 0, follow_requested: 1 });
    expect(kit.query("SELECT kind FROM events WHERE person_id = ? AND kind IN ('follow_requested', 'i_followed')", target.personId)).toEqual([
      { kind: 'follow_requested' },
    ]);
    // Moving the card again does not ask twice.
    await callOk(core, 'moveCard', { accountId: account.id, personId: target.personId, stage: 'evaluated' });
    await callOk(core, 'moveCard', { accountId: account.id, personId: target.personId, stage: 'connected' });
    expect(fake.countOf(FOLLOW_ROUTE)).toBe(1);

    // A sync while the request waits changes nothing; once accepted, the next sync sees the follow.
    expect(await sync(core, account.id)).toBe('done');
    expect(relationship(kit, target.personId)).toEqual({ i_follow: 0, follow_requested: 1 });
    fake.state.acceptFollowRequest(target.fakeId);
    expect(await sync(core, account.id)).toBe('done');
    expect(relationship(kit, target.personId)).toEqual({ i_follow: 1, follow_requested: 0 });
    const profile = await callOk(core, 'getProfile', { accountId: account.id, personId: target.personId });
    expect(profile).toMatchObject({ stage: 'connected', iFollow: true });
    // A full walk later keeps the follow (no "unfollowed" read from the request's absence).
    expect(await sync(core, account.id, true)).toBe('done');
    expect(kit.query("SELECT count(*) AS n FROM events WHERE kind = 'i_unfollowed'")).toEqual([{ n: 0 }]);
  });

  it('clears a follow request the person declined once their profile is opened', async () => {
    kit = await startMastodonCore({ followers: 10, following: 2, label: 'masto-declined' });
    const { core, account, fake } = kit;
    const target = newestFollower(kit);
    fake.state.accounts.get(target.fakeId)!.locked = true;
    const moved = await callOk(core, 'moveCard', { accountId: account.id, personId: target.personId, stage: 'connected' });
    await waitForAction(core, account.id, moved.action!.id, settled);
    expect(relationship(kit, target.personId)).toEqual({ i_follow: 0, follow_requested: 1 });
    // They decline: Mastodon simply drops the request.
    fake.state.pendingRequests.delete(target.fakeId);
    // Opening the drawer also fetches recent posts, which announce the person too: wait for the
    // announcement after which the request is gone (the test times out if it never goes).
    const started = kit;
    const cleared = new Promise<void>((resolve) =>
      core.onEvent(({ event, payload }) => {
        if (event !== 'people.changed' || !(payload as { personIds: number[] | null }).personIds?.includes(target.personId)) return;
        if (relationship(started, target.personId).follow_requested === 0) resolve();
      }),
    );
    await callOk(core, 'getProfile', { accountId: account.id, personId: target.personId });
    await cleared;
    expect(relationship(kit, target.personId)).toEqual({ i_follow: 0, follow_requested: 0 });
  });

  it('posts a direct message once when it is retried after a lost answer', async () => {
    kit = await startMastodonCore({ followers: 10, following: 2, label: 'masto-dm' });
    const { core, account, fake } = kit;
    const target = newestFollower(kit);
    fake.knobs.dropAfterCommit = { count: 1, routes: ['POST /api/v1/statuses'] };

    const queued = await callOk(core, 'sendMessage', { accountId: account.id, personId: target.personId, text: 'Thanks for the follow!' });
    const failed = await waitForAction(core, account.id, queued.id, settled);
    // The network may have it: the user is told, and decides.
    expect(failed.status).toBe('failed');
    expect(failed.error?.message).toMatch(/may or may not have been delivered/);
    await callOk(core, 'retryAction', { actionId: queued.id });
    const done = await waitForAction(core, account.id, queued.id, settled);
    expect(done.status, JSON.stringify(done.error)).toBe('done');

    expect(fake.countOf('POST /api/v1/statuses')).toBe(2);
    const messages = fake.state.directMessagesTo(target.fakeId);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.visibility).toBe('direct');
    expect(messages[0]!.content).toContain('Thanks for the follow!');
    expect(kit.query("SELECT count(*) AS n FROM events WHERE kind = 'dm_sent'")).toEqual([{ n: 1 }]);
  });

  it('queues a follow while the server is away and across a restart, and sends it once', async () => {
    kit = await startMastodonCore({ followers: 12, following: 2, label: 'masto-offline' });
    const { account, fake } = kit;
    const target = newestFollower(kit);
    const port = Number(new URL(fake.url).port);
    await fake.stop();

    const moved = await callOk(kit.core, 'moveCard', { accountId: account.id, personId: target.personId, stage: 'connected' });
    const waiting = await waitForAction(kit.core, account.id, moved.action!.id, (a) => a.attempts === 1 && a.status === 'queued');
    expect(['OFFLINE', 'NETWORK_ERROR']).toContain(waiting.error?.code);
    await kit.core.close();
    await fake.start(port);

    const core = await kit.reopen();
    const action = await waitForAction(core, account.id, moved.action!.id, settled);
    expect(action.status).toBe('done');
    expect(fake.countOf(FOLLOW_ROUTE)).toBe(1);
    expect(fake.state.following.filter((e) => e.accountId === target.fakeId)).toHaveLength(1);
    expect(relationship(kit, target.personId)).toEqual({ i_follow: 1, follow_requested: 0 });
    // A sync later sends nothing again.
    expect(await sync(core, account.id)).toBe('done');
    expect(fake.countOf(FOLLOW_ROUTE)).toBe(1);
  });

  it('mirrors my notes to the private account note when note sync is on', async () => {
    kit = await startMastodonCore({ followers: 8, following: 2, label: 'masto-notes', noteSync: true });
    const { core, account, fake } = kit;
    const target = newestFollower(kit);
    await callOk(core, 'setNote', { accountId: account.id, personId: target.personId, text: 'Met at the meetup' });
    const note = async () => (await callOk(core, 'listActions', { accountId: account.id })).length;
    await until(() => fake.state.notes.get(target.fakeId) === 'Met at the meetup');
    expect(fake.state.notes.get(target.fakeId)).toBe('Met at the meetup');
    // Note actions are not board actions: the card's action list stays empty.
    expect(await note()).toBe(0);
    await callOk(core, 'setNote', { accountId: account.id, personId: target.personId, text: '' });
    await until(() => !fake.state.notes.has(target.fakeId));
    expect(fake.state.notes.has(target.fakeId)).toBe(false);
    expect(kit.query("SELECT count(*) AS n FROM outbox WHERE kind = 'note' AND status = 'done'")).toEqual([{ n: 2 }]);
  });

  it('sends only the latest text after several edits while the server is away', async () => {
    kit = await startMastodonCore({ followers: 8, following: 2, label: 'masto-notes-offline', noteSync: true });
    const { account, fake } = kit;
    const target = newestFollower(kit);
    const port = Number(new URL(fake.url).port);
    await fake.stop();
    await callOk(kit.core, 'setNote', { accountId: account.id, personId: target.personId, text: 'first' });
    await until(() => {
      const [row] = kit!.query<{ attempts: number; status: string }>("SELECT attempts, status FROM outbox WHERE kind = 'note'");
      return row?.attempts === 1 && row.status === 'queued';
    });
    await callOk(kit.core, 'setNote', { accountId: account.id, personId: target.personId, text: 'second' });
    await callOk(kit.core, 'setNote', { accountId: account.id, personId: target.personId, text: 'third, final' });
    expect(kit.query("SELECT count(*) AS n FROM outbox WHERE kind = 'note'")).toEqual([{ n: 1 }]);
    await kit.core.close();
    await fake.start(port);

    const core = await kit.reopen();
    // A sync that goes through tells the outbox the server is back (no waiting out the backoff).
    expect(await sync(core, account.id)).toBe('done');
    await until(() => fake.state.notes.get(target.fakeId) === 'third, final');
    expect(fake.state.notes.get(target.fakeId)).toBe('third, final');
    expect(fake.countOf('POST /api/v1/accounts/:id/note')).toBe(1);
  });

  it('keeps notes local when note sync is off', async () => {
    kit = await startMastodonCore({ followers: 6, following: 1, label: 'masto-notes-off' });
    const target = newestFollower(kit);
    const saved = await kit.core.call('setNote', { accountId: kit.account.id, personId: target.personId, text: 'Private' });
    expect(saved.ok).toBe(true);
    expect(kit.query("SELECT count(*) AS n FROM outbox WHERE kind = 'note'")).toEqual([{ n: 0 }]);
    expect(kit.fake.countOf('POST /api/v1/accounts/:id/note')).toBe(0);
  });
});
