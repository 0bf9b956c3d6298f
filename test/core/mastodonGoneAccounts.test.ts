// Issue 10 item 2 on Mastodon: suspended accounts vanish from follower lists and relationships
// (GET /api/v1/accounts/:id says `suspended: true`, or 410 once the data is gone), deleted ones
// answer 404, and a moved account stays listed with `moved` set. A full sync must mark them gone
// with the reason (never "unfollowed you"), count only the instance's own list, keep triage and
// notes, and let a reinstated account come back as it was. Real engine and provider, fake on loopback.
import { afterEach, describe, expect, it } from 'vitest';
import type { SyncProgress } from '../../shared/domain';
import { settled, waitForAction } from './blueskyCoreKit';
import { callOk, syncEnd } from './coreTestKit';
import { startMastodonCore, type MastodonCoreKit } from './mastodonCoreKit';

let kit: MastodonCoreKit | null = null;
afterEach(async () => {
  await kit?.close();
  kit = null;
});

async function fullSync(k: MastodonCoreKit): Promise<SyncProgress> {
  const ended = syncEnd(k.core, k.account.id);
  await callOk(k.core, 'startSync', { accountId: k.account.id, full: true });
  return ended;
}

function eventsOf(k: MastodonCoreKit, fakeId: string): { kind: string; data: string | null }[] {
  return k.query('SELECT kind, data FROM events WHERE person_id = ? ORDER BY id', k.personId(fakeId));
}

/** What the instance itself lists as my followers now. */
function listedFollowers(k: MastodonCoreKit): number {
  return k.fake.state.followers.filter((e) => !k.fake.state.isHidden(e.accountId)).length;
}

async function followerTotal(k: MastodonCoreKit): Promise<number> {
  return (await callOk(k.core, 'getStats', { accountId: k.account.id })).totals.followers;
}

describe('Mastodon accounts that go away', () => {
  it('marks suspended (200 and 410), deleted (404) and moved followers gone with the reason, never as unfollows', async () => {
    kit = await startMastodonCore({ followers: 30, following: 5, label: 'masto-gone' });
    const { fake } = kit;
    const [suspended, suspendedFinal, deleted, moved, unfollower] = fake.state.followers.slice(0, 5).map((e) => e.accountId) as [
      string, string, string, string, string,
    ];
    const newHome = fake.state.createAccount({ username: 'ada', domain: 'new.example' });
    fake.state.setAccountState(suspended, 'suspended');
    fake.state.setAccountState(suspendedFinal, 'suspended-final');
    fake.state.setAccountState(deleted, 'deleted');
    fake.state.setAccountState(moved, { movedTo: newHome.id });
    fake.state.removeFollower(unfollower);

    expect((await fullSync(kit)).state).toBe('done');

    const reasons: Record<string, string> = { [suspended]: 'suspended', [suspendedFinal]: 'suspended', [deleted]: 'deleted' };
    for (const [id, reason] of Object.entries(reasons)) {
      expect(eventsOf(kit, id).map((e) => e.kind)).toEqual(['gone']);
      expect(JSON.parse(eventsOf(kit, id)[0]!.data ?? '{}')).toEqual({ reason });
      expect(await callOk(kit.core, 'getProfile', { accountId: kit.account.id, personId: kit.personId(id) })).toMatchObject({
        goneReason: reason,
        followsMe: false,
      });
    }
    // A moved account is still in the instance's list: it stays a follower, shown as moved.
    expect(await callOk(kit.core, 'getProfile', { accountId: kit.account.id, personId: kit.personId(moved) })).toMatchObject({
      goneReason: 'moved',
      movedTo: 'ada@new.example',
      followsMe: true,
    });
    expect(eventsOf(kit, moved).map((e) => e.kind)).not.toContain('unfollowed_me');
    const timeline = await callOk(kit.core, 'getTimeline', { accountId: kit.account.id, personId: kit.personId(deleted) });
    expect(timeline.map((t) => t.summary)).toContain('Deleted their account');
    // A real unfollow is still one.
    expect(eventsOf(kit, unfollower).map((e) => e.kind)).toEqual(['unfollowed_me']);
    expect(listedFollowers(kit)).toBe(26);
    expect(await followerTotal(kit)).toBe(26);
  });

  it('brings a reinstated account back as it was: same stage and note, "came back", no "followed you"', async () => {
    kit = await startMastodonCore({ followers: 20, following: 3, label: 'masto-back' });
    const { fake } = kit;
    const fakeId = fake.state.followers[0]!.accountId;
    const id = kit.personId(fakeId);
    await callOk(kit.core, 'moveCard', { accountId: kit.account.id, personId: id, stage: 'declined' });
    await callOk(kit.core, 'setNote', { accountId: kit.account.id, personId: id, text: 'Spam?' });

    fake.state.setAccountState(fakeId, 'suspended');
    expect((await fullSync(kit)).state).toBe('done');
    expect(await followerTotal(kit)).toBe(19);
    expect(await callOk(kit.core, 'getProfile', { accountId: kit.account.id, personId: id })).toMatchObject({
      stage: 'declined',
      goneReason: 'suspended',
      note: 'Spam?',
    });

    fake.state.setAccountState(fakeId, 'active');
    expect((await fullSync(kit)).state).toBe('done');
    const after = await callOk(kit.core, 'getProfile', { accountId: kit.account.id, personId: id });
    expect(after).toMatchObject({ stage: 'declined', followsMe: true, note: 'Spam?' });
    expect(after).not.toHaveProperty('goneReason');
    const kinds = eventsOf(kit, fakeId).map((e) => e.kind).filter((k) => k === 'gone' || k === 'came_back' || k.endsWith('followed_me'));
    expect(kinds).toEqual(['gone', 'came_back']);
    expect(await followerTotal(kit)).toBe(20);
  });

  it('still lets me unfollow an account that moved: it exists, and the follow is mine', async () => {
    kit = await startMastodonCore({ followers: 10, following: 5, mutualShare: 0.4, label: 'masto-moved-unfollow' });
    const { fake } = kit;
    const mutual = fake.state.following.map((e) => e.accountId).find((id) => fake.state.isFollower(id))!;
    const newHome = fake.state.createAccount({ username: 'cy', domain: 'new.example' });
    fake.state.setAccountState(mutual, { movedTo: newHome.id });
    expect((await fullSync(kit)).state).toBe('done');
    const id = kit.personId(mutual);
    expect(await callOk(kit.core, 'getProfile', { accountId: kit.account.id, personId: id })).toMatchObject({ goneReason: 'moved', iFollow: true, stage: 'connected' });

    const moved = await callOk(kit.core, 'moveCard', { accountId: kit.account.id, personId: id, stage: 'declined', unfollow: true });
    const action = await waitForAction(kit.core, kit.account.id, moved.action!.id, settled);
    expect(action).toMatchObject({ kind: 'unfollow', status: 'done' });
    expect(fake.state.isFollowing(mutual)).toBe(false);
  });
});
