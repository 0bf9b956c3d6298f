import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import type { RemoteEdge } from '../provider';
import { SampleProvider, SAMPLE_PAGE_MAX } from './sampleProvider';
import { generateSamplePerson } from './samplePerson';

const ANCHOR = Date.UTC(2026, 5, 1);

function provider(followers: number, following: number, seed = 5): SampleProvider {
  return new SampleProvider({ seed, followers, following, anchorMs: ANCHOR });
}

async function walk(list: (cursor: string | null) => Promise<{ items: RemoteEdge[]; cursor: string | null }>): Promise<RemoteEdge[]> {
  const all: RemoteEdge[] = [];
  let cursor: string | null = null;
  do {
    const page = await list(cursor);
    all.push(...page.items);
    cursor = page.cursor;
  } while (cursor !== null);
  return all;
}

describe('SampleProvider', () => {
  it('pages followers newest first, each person exactly once, with opaque cursors', async () => {
    const p = provider(1_234, 10);
    const followers = await walk((cursor) => p.listFollowers(cursor, SAMPLE_PAGE_MAX));
    expect(followers).toHaveLength(1_234);
    expect(new Set(followers.map((e) => e.profile.remoteId)).size).toBe(1_234);
    const dates = followers.map((e) => Date.parse(e.followedAt!));
    for (let i = 1; i < dates.length; i++) expect(dates[i]!).toBeLessThan(dates[i - 1]!);
    expect(p.listRequests).toBe(Math.ceil(1_234 / SAMPLE_PAGE_MAX));
    const first = await p.listFollowers(null, 10);
    expect(first.cursor).not.toMatch(/^\d+$/);
    await expect(p.listFollowers('garbage', 10)).rejects.toThrow(/cursor/);
  });

  it('makes person i a pure function of (seed, i): a deep page equals the same slice of a full walk', async () => {
    const a = provider(3_000, 0);
    const all = await walk((cursor) => a.listFollowers(cursor, 500));
    const b = provider(3_000, 0);
    const page = await b.listFollowers((await b.listFollowers(null, 500)).cursor, 500);
    expect(page.items).toEqual(all.slice(500, 1_000));
    // A different seed is a different network.
    const other = await provider(3_000, 0, 6).listFollowers(null, 5);
    expect(other.items.map((e) => e.profile.displayName)).not.toEqual(all.slice(0, 5).map((e) => e.profile.displayName));
  });

  it('reaches the end of a 1M-follower list without generating what lies before', async () => {
    const p = provider(1_000_000, 0);
    const last = await p.listFollowers(`off:${(999_990).toString(36)}`, 500);
    expect(last.items).toHaveLength(10);
    expect(last.cursor).toBeNull();
  });

  it('generates a realistic, varied crowd: bait, spam, empty bios, several scripts, emoji', () => {
    const people = Array.from({ length: 3_000 }, (_, i) => generateSamplePerson(9, { kind: 'f', index: i }, ANCHOR));
    const bios = people.map((p) => p.profile.bio);
    expect(bios.filter((b) => b === '').length).toBeGreaterThan(150);
    expect(bios.some((b) => /follow ?back|#TeamFollowBack|F4F/i.test(b))).toBe(true);
    expect(bios.some((b) => /\$|crypto|t\.me/i.test(b))).toBe(true);
    const text = people.map((p) => `${p.profile.displayName} ${p.profile.bio}`).join(' ');
    expect(text).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/); // Japanese
    expect(text).toMatch(/[\u0600-\u06ff]/); // Arabic
    expect(text).toMatch(/[ñáéíóú]/); // Spanish
    expect(text).toMatch(/[äöüß]/); // German
    expect(text).toMatch(/\p{Extended_Pictographic}/u);
    const followers = people.map((p) => p.profile.followersCount!).sort((x, y) => x - y);
    // Skewed: the top 1% has far more followers than the median.
    expect(followers[Math.floor(followers.length * 0.99)]!).toBeGreaterThan(20 * followers[Math.floor(followers.length / 2)]!);
    expect(new Set(people.map((p) => p.profile.handle)).size).toBe(people.length);
    for (const p of people) expect(p.profile.handle).toMatch(/^[a-z0-9._]+$/);
  });

  it('overlaps followers and following partly, and answers relationships consistently', async () => {
    const p = provider(2_000, 500);
    const followers = new Set((await walk((c) => p.listFollowers(c, 500))).map((e) => e.profile.remoteId));
    const following = await walk((c) => p.listFollowing(c, 500));
    expect(following).toHaveLength(500);
    const mutuals = following.filter((e) => followers.has(e.profile.remoteId));
    expect(mutuals).toHaveLength(200);
    const rels = await p.getRelationships([...following.slice(0, 20).map((e) => e.profile.remoteId), 'not-a-person']);
    for (const rel of rels.slice(0, 20)) {
      expect(rel.iFollow).toBe(true);
      expect(rel.followsMe).toBe(followers.has(rel.remoteId));
    }
    expect(rels[20]).toMatchObject({ remoteId: 'not-a-person', gone: true });
  });

  it('keeps most followers of a small account unfollowed, so its board starts with New cards', async () => {
    const p = provider(100, 600);
    const ids = (await p.listFollowers(null, 500)).items.map((e) => e.profile.remoteId);
    const followedBack = (await p.getRelationships(ids)).filter((rel) => rel.iFollow);
    expect(followedBack).toHaveLength(20);
    expect((await walk((c) => p.listFollowing(c, 500))).length).toBe(600);
  });

  it('follows, unfollows and sends DMs in memory', async () => {
    const p = provider(50, 5);
    const ids = (await p.listFollowers(null, 50)).items.map((e) => e.profile.remoteId);
    const before = (await p.getRelationships(ids)).find((rel) => !rel.iFollow)!;
    const id = before.remoteId;
    await p.follow(id, 'key-1');
    expect((await p.getRelationships([id]))[0]!.iFollow).toBe(true);
    expect((await p.listFollowing(null, 500)).items.map((e) => e.profile.remoteId)).toContain(id);
    await p.unfollow(id, null);
    expect((await p.getRelationships([id]))[0]!.iFollow).toBe(false);
    expect(before.followsMe).toBe(true);
    expect((await p.sendDm(id, 'hello', 'key-2')).messageId).toBeTruthy();
    await expect(p.follow('nobody', 'k')).rejects.toThrow();
  });

  it('draws avatars locally as PNG identicons, the same for the same person and different between people', async () => {
    const p = provider(100, 0);
    const withAvatars = (await p.listFollowers(null, 100)).items.filter((e) => e.profile.avatarUrl);
    const first = await p.fetchMedia(withAvatars[0]!.profile.avatarUrl!);
    expect(first.contentType).toBe('image/png');
    const image = PNG.sync.read(Buffer.from(first.bytes));
    expect([image.width, image.height]).toEqual([96, 96]);
    expect(Buffer.from((await p.fetchMedia(withAvatars[0]!.profile.avatarUrl!)).bytes).equals(Buffer.from(first.bytes))).toBe(true);
    const distinct = new Set<string>();
    for (const entry of withAvatars.slice(0, 20)) distinct.add(Buffer.from((await p.fetchMedia(entry.profile.avatarUrl!)).bytes).toString('base64'));
    expect(distinct.size).toBeGreaterThan(15);
    await expect(p.fetchMedia('https://example.com/a.png')).rejects.toThrow();
  });

  it('gives recent posts newest first, some replies and reposts, never more than the person posted', async () => {
    const p = provider(400, 0);
    const people = (await p.listFollowers(null, 400)).items;
    let replies = 0;
    let reposts = 0;
    for (const edge of people) {
      const posts = await p.getRecentPosts(edge.profile.remoteId, 10);
      expect(posts.length).toBeLessThanOrEqual(Math.min(10, edge.profile.postsCount ?? 0));
      const dates = posts.map((x) => x.createdAt);
      expect([...dates].sort().reverse()).toEqual(dates);
      replies += posts.filter((x) => x.isReply).length;
      reposts += posts.filter((x) => x.isRepost).length;
    }
    expect(replies).toBeGreaterThan(0);
    expect(reposts).toBeGreaterThan(0);
  });

  it('waits the configured delay per page and stops waiting when aborted', async () => {
    const p = new SampleProvider({ seed: 1, followers: 10, following: 0, anchorMs: ANCHOR, pageDelayMs: 60_000 });
    const controller = new AbortController();
    const pending = p.listFollowers(null, 10, controller.signal);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });
});
