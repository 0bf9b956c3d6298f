// Issue 10 item 2 on Bluesky: followers who deactivate, delete their account or are taken down
// vanish from getFollowers and getProfiles while getRelationships still reads their follow as
// normal. A full sync must mark them gone with the reason (never "unfollowed you"), count only the
// network's own list, keep their triage and notes, and let a reactivated account come back as it
// was. The real engine and provider against the fake Bluesky on loopback.
import { afterEach, describe, expect, it } from 'vitest';
import type { SyncProgress } from '../../shared/domain';
import { callOk, syncEnd } from './coreTestKit';
import { startBlueskyCore, type BlueskyCoreKit } from './blueskyCoreKit';
import { queryDatabase } from './mastodonCoreKit';

let kit: BlueskyCoreKit | null = null;
afterEach(async () => {
  await kit?.close();
  kit = null;
});

async function fullSync(k: BlueskyCoreKit): Promise<SyncProgress> {
  const ended = syncEnd(k.core, k.account.id);
  await callOk(k.core, 'startSync', { accountId: k.account.id, full: true });
  return ended;
}

function personId(k: BlueskyCoreKit, did: string): number {
  return queryDatabase<{ id: number }>(k.dataDir, 'SELECT id FROM people WHERE remote_id = ?', did)[0]!.id;
}

function eventsOf(k: BlueskyCoreKit, did: string): { kind: string; data: string | null }[] {
  return queryDatabase(k.dataDir, 'SELECT e.kind, e.data FROM events e JOIN people p ON p.id = e.person_id WHERE p.remote_id = ? ORDER BY e.id', did);
}

/** What the network itself lists as my followers now. */
function listedFollowers(k: BlueskyCoreKit): number {
  return k.fake.state.followers.filter((e) => k.fake.state.actors.get(e.did)?.status === 'active').length;
}

async function followerTotal(k: BlueskyCoreKit): Promise<number> {
  return (await callOk(k.core, 'getStats', { accountId: k.account.id })).totals.followers;
}

describe('Bluesky accounts that go away', () => {
  it('marks deactivated, deleted and taken-down followers gone with the reason, never as unfollows, and counts only the list', async () => {
    kit = await startBlueskyCore({ followers: 40, follows: 10, label: 'bsky-gone' });
    const { fake } = kit;
    const [deactivated, deleted, takendown, unfollower] = fake.state.followers.slice(0, 4).map((e) => e.did) as [string, string, string, string];
    fake.state.setStatus(deactivated, 'deactivated');
    fake.state.setStatus(deleted, 'deleted');
    fake.state.setStatus(takendown, 'takendown');
    fake.state.removeFollowers([unfollower]);

    expect((await fullSync(kit)).state).toBe('done');

    const reasons: Record<string, string> = { [deactivated]: 'deactivated', [deleted]: 'deleted', [takendown]: 'takendown' };
    for (const [did, reason] of Object.entries(reasons)) {
      expect(eventsOf(kit, did).map((e) => e.kind)).toEqual(['gone']);
      expect(JSON.parse(eventsOf(kit, did)[0]!.data ?? '{}')).toEqual({ reason });
      const profile = await callOk(kit.core, 'getProfile', { accountId: kit.account.id, personId: personId(kit, did) });
      expect(profile).toMatchObject({ goneReason: reason, followsMe: false });
      expect(profile.goneAt).toBeTruthy();
    }
    const timeline = await callOk(kit.core, 'getTimeline', { accountId: kit.account.id, personId: personId(kit, deactivated) });
    expect(timeline.map((t) => t.summary)).toContain('Deactivated their account');
    // A real unfollow is still one.
    expect(eventsOf(kit, unfollower).map((e) => e.kind)).toEqual(['unfollowed_me']);
    expect(await followerTotal(kit)).toBe(listedFollowers(kit));
    expect(listedFollowers(kit)).toBe(36);

    // A second full sync records nothing new: gone stays gone, no repeated events.
    expect((await fullSync(kit)).state).toBe('done');
    expect(eventsOf(kit, deleted).map((e) => e.kind)).toEqual(['gone']);
    expect(await followerTotal(kit)).toBe(36);
  });

  it('brings a reactivated follower back as it was: same stage and note, "came back", no "followed you"', async () => {
    kit = await startBlueskyCore({ followers: 30, follows: 5, label: 'bsky-back' });
    const { fake } = kit;
    const did = fake.state.followers[0]!.did;
    const id = personId(kit, did);
    await callOk(kit.core, 'moveCard', { accountId: kit.account.id, personId: id, stage: 'evaluated' });
    await callOk(kit.core, 'setNote', { accountId: kit.account.id, personId: id, text: 'Met at the meetup' });
    const before = await callOk(kit.core, 'getProfile', { accountId: kit.account.id, personId: id });

    fake.state.setStatus(did, 'deactivated');
    expect((await fullSync(kit)).state).toBe('done');
    expect(await followerTotal(kit)).toBe(29);
    // Gone, but the card and the note stay.
    expect(await callOk(kit.core, 'getProfile', { accountId: kit.account.id, personId: id })).toMatchObject({
      stage: 'evaluated',
      goneReason: 'deactivated',
      note: 'Met at the meetup',
    });

    fake.state.setStatus(did, 'active');
    expect((await fullSync(kit)).state).toBe('done');
    const after = await callOk(kit.core, 'getProfile', { accountId: kit.account.id, personId: id });
    expect(after).toMatchObject({ stage: 'evaluated', followsMe: true, followedMeAt: before.followedMeAt, note: 'Met at the meetup' });
    expect(after).not.toHaveProperty('goneAt');
    expect(after).not.toHaveProperty('goneReason');
    expect(eventsOf(kit, did).map((e) => e.kind).filter((k) => k !== 'stage_changed' && k !== 'note_changed')).toEqual(['gone', 'came_back']);
    const timeline = await callOk(kit.core, 'getTimeline', { accountId: kit.account.id, personId: id });
    expect(timeline.map((t) => t.summary)).toContain('Came back: their account is active again');
    expect(await followerTotal(kit)).toBe(30);
  });
});
