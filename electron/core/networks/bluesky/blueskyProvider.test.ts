// The provider's read side against the fake over real loopback HTTP: walks, hydration, request
// budgets, rate limits, server errors, token expiry, malformed pages and gone accounts.
import { afterEach, describe, expect, it } from 'vitest';
import { RATE_LIMIT_MARGIN_MS } from '../../net/httpClient';
import type { RemoteEdge, RemotePage } from '../provider';
import { BLUESKY_PAGE_MAX, BLUESKY_PROFILE_BATCH, type BlueskyProvider } from './blueskyProvider';
import { startBlueskyKit, type BlueskyKit } from '../../../../test/fakes/bluesky/blueskyTestKit';
import { rapportError } from '../../../../test/rapportErrorOf';

let kit: BlueskyKit | null = null;
afterEach(async () => {
  await kit?.close();
  kit = null;
});

/** Walks a list the way the sync engine does: page by page, hydrating each page 25 at a time. */
async function walk(provider: BlueskyProvider, list: 'followers' | 'following'): Promise<RemoteEdge[]> {
  const edges: RemoteEdge[] = [];
  let cursor: string | null = null;
  do {
    const page: RemotePage<RemoteEdge> = list === 'followers' ? await provider.listFollowers(cursor, BLUESKY_PAGE_MAX) : await provider.listFollowing(cursor, BLUESKY_PAGE_MAX);
    const ids = page.items.map((e) => e.profile.remoteId);
    const full = new Map((await provider.getProfiles(ids)).map((p) => [p.remoteId, p]));
    edges.push(...page.items.map((e) => ({ ...e, profile: full.get(e.profile.remoteId) ?? e.profile })));
    cursor = page.cursor;
  } while (cursor !== null);
  return edges;
}

describe('BlueskyProvider reads', () => {
  it('walks 5,000 followers and 3,000 follows within the request budget', async () => {
    kit = await startBlueskyKit({ followers: 5000, follows: 3000 });
    const { fake, provider, http } = kit;
    fake.requests.length = 0;
    http.counter.reset();

    const followers = await walk(provider, 'followers');
    const follows = await walk(provider, 'following');

    expect(new Set(followers.map((e) => e.profile.remoteId)).size).toBe(5000);
    expect(new Set(follows.map((e) => e.profile.remoteId)).size).toBe(3000);
    expect(followers.map((e) => e.profile.remoteId)).toEqual(fake.state.followers.map((e) => e.did).reverse());
    // Hydrated: counts present; follows carry the record reference needed to unfollow.
    expect(followers.every((e) => e.profile.followersCount !== null)).toBe(true);
    expect(follows.every((e) => e.followRef?.startsWith(`at://${fake.state.self.did}/app.bsky.graph.follow/`))).toBe(true);
    const mutual = followers.filter((e) => e.followRef !== null).length;
    expect(mutual).toBe(1500);

    const c = 2;
    const counts = fake.countsByEndpoint();
    expect(counts['app.bsky.graph.getFollowers']).toBeLessThanOrEqual(Math.ceil(5000 / BLUESKY_PAGE_MAX) + c);
    expect(counts['app.bsky.graph.getFollows']).toBeLessThanOrEqual(Math.ceil(3000 / BLUESKY_PAGE_MAX) + c);
    expect(counts['app.bsky.actor.getProfiles']).toBeLessThanOrEqual(Math.ceil(5000 / BLUESKY_PROFILE_BATCH) + Math.ceil(3000 / BLUESKY_PROFILE_BATCH) + c);
    // Our own counter agrees with what the server saw.
    expect(http.counter.snapshot()).toEqual(counts);
  });

  it('maps profiles, follow times from record keys, and recent posts without replies', async () => {
    kit = await startBlueskyKit({ followers: 3 });
    const { provider, fake } = kit;
    const page = await provider.listFollowers(null, 100);
    const newest = fake.state.followers[fake.state.followers.length - 1]!;
    expect(page.items[0]?.profile.remoteId).toBe(newest.did);
    // Follow time decoded from the follower's record key (a TID).
    expect(page.items[0]?.followedAt).toBe(newest.createdAt);
    expect(page.items[0]?.profile.followersCount).toBeNull(); // lists carry no counts
    expect(page.items[0]?.profile.profileUrl).toMatch(/^https:\/\/bsky\.app\/profile\//);

    const posts = await provider.getRecentPosts(newest.did, 20);
    expect(posts.length).toBeGreaterThan(0);
    expect(posts.length).toBeLessThanOrEqual(20);
    expect(posts.every((p) => !p.isReply)).toBe(true);
    expect(fake.requests.at(-1)?.endpoint).toBe('app.bsky.feed.getAuthorFeed');

    const self = await provider.getSelf();
    expect(self.handle).toBe('me.bsky.social');
    expect(self.followersCount).toBe(3);
  });

  it('waits at least 2 s on a 429 with Retry-After: 2 and completes', async () => {
    kit = await startBlueskyKit({ followers: 150 });
    const { fake, provider, sleeps } = kit;
    fake.knobs.tooManyRequests = { count: 1, retryAfterSeconds: 2, methods: ['app.bsky.graph.getFollowers'] };
    const first = await provider.listFollowers(null, 100);
    expect(sleeps).toHaveLength(1);
    expect(sleeps[0]).toBeGreaterThanOrEqual(2000);
    expect(first.items).toHaveLength(100);
    expect(fake.requests.filter((r) => r.endpoint === 'app.bsky.graph.getFollowers').map((r) => r.status)).toEqual([429, 200]);
  });

  it('waits for the window reset instead of collecting 429s when RateLimit-Remaining hits 0', async () => {
    // One clock for the fake's window and the client: a wait the client asks for moves it on, so
    // the window resets without a second of real time passing.
    let clock = Date.parse('2026-03-01T12:00:00.000Z');
    const waits: number[] = [];
    const sleep = (ms: number): Promise<void> => {
      waits.push(ms);
      clock += ms;
      return Promise.resolve();
    };
    kit = await startBlueskyKit({ followers: 10, now: () => clock, http: { now: () => clock, sleep } });
    const { fake, provider } = kit;
    fake.knobs.rateLimit = { limit: 3, windowMs: 1000 };
    for (let i = 0; i < 5; i++) await provider.getProfiles([fake.state.followers[i]!.did]);
    expect(fake.requests.filter((r) => r.status === 429)).toEqual([]);
    // After the third request the window is spent: one wait, until it resets (plus the margin).
    expect(waits).toEqual([1000 + RATE_LIMIT_MARGIN_MS]);
  });

  it('stops with a clear NETWORK_ERROR after five 500s in a row', async () => {
    kit = await startBlueskyKit({ followers: 10 });
    const { fake, provider, sleeps } = kit;
    fake.knobs.serverErrors = { count: 5, status: 500 };
    const error = await rapportError(provider.listFollowers(null, 100));
    expect(error.code).toBe('NETWORK_ERROR');
    expect(error.message).toMatch(/^Bluesky kept answering with server errors \(HTTP 500, 5 attempts\)/);
    expect(fake.countOf('app.bsky.graph.getFollowers')).toBe(5);
    expect(sleeps).toHaveLength(4);
  });

  it('refreshes an expired access token once mid-walk, never logs in again', async () => {
    kit = await startBlueskyKit({ followers: 1000 });
    const { fake, provider, store } = kit;
    const before = await store.load();
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await provider.listFollowers(cursor, 100);
      const ids = page.items.map((e) => e.profile.remoteId);
      // Mid-walk, three concurrent hydration requests all meet the same expired token.
      if (pages === 4) fake.sessions.expireAccessTokens();
      const hydrated = await Promise.all([0, 25, 50].map((at) => provider.getProfiles(ids.slice(at, at + 25))));
      expect(hydrated.flat()).toHaveLength(75);
      cursor = page.cursor;
      pages++;
    } while (cursor !== null);
    expect(pages).toBe(10);
    expect(fake.countOf('com.atproto.server.refreshSession')).toBe(1);
    expect(fake.countOf('com.atproto.server.createSession')).toBe(1); // the sign-in only
    const after = await store.load();
    expect(after?.accessJwt).not.toBe(before?.accessJwt);
    expect(after?.refreshJwt).not.toBe(before?.refreshJwt);
  });

  it('ends in AUTH_EXPIRED and forgets the session when the refresh token is dead too', async () => {
    kit = await startBlueskyKit({ followers: 5 });
    const { fake, provider, store } = kit;
    fake.sessions.expireAccessTokens();
    fake.sessions.revokeRefreshTokens();
    const error = await rapportError(provider.listFollowers(null, 100));
    expect(error.code).toBe('AUTH_EXPIRED');
    expect(await store.load()).toBeNull();
    expect(fake.countOf('com.atproto.server.createSession')).toBe(1);
  });

  it('leaves out a follower without a did and keeps the rest of the page, reporting it', async () => {
    kit = await startBlueskyKit({ followers: 20 });
    const { fake, provider } = kit;
    fake.knobs.malformed = 'follower-without-did';
    const page = await provider.listFollowers(null, 100);
    expect(page.items).toHaveLength(19);
    expect(page.unreadable).toEqual([{ kind: 'profile', remoteId: null, outcome: 'skipped', fields: [] }]);
  });

  it('keeps a profile whose count is not a number, without that count, and says which field', async () => {
    kit = await startBlueskyKit({ followers: 3 });
    const { fake, provider } = kit;
    fake.knobs.malformed = 'profile-bad-count';
    const profiles = await provider.getProfiles(fake.state.followers.map((e) => e.did));
    expect(profiles).toHaveLength(3);
    const cut = profiles.filter((p) => p.unreadable);
    expect(cut).toHaveLength(1);
    expect(cut[0]).toMatchObject({ followersCount: null, unreadable: { kind: 'profile', outcome: 'cut', fields: ['followersCount'] } });
  });

  it('maps knownFollowers of full profiles to shared connections; list views carry none', async () => {
    kit = await startBlueskyKit({ followers: 4, follows: 8 });
    const { fake, provider } = kit;
    const [withSeven, withOne] = fake.state.followers.map((e) => e.did);
    const mine = fake.state.follows.map((e) => e.did);
    fake.state.setKnownFollowers(withSeven!, mine.slice(0, 7));
    fake.state.setKnownFollowers(withOne!, mine.slice(7));

    const profiles = new Map((await provider.getProfiles(fake.state.followers.map((e) => e.did))).map((p) => [p.remoteId, p]));
    const named = (did: string) => {
      const actor = fake.state.actors.get(did)!;
      return { handle: actor.handle, displayName: actor.displayName, avatarUrl: null };
    };
    expect(profiles.get(withSeven!)?.sharedConnections).toEqual({ count: 7, people: mine.slice(0, 5).map(named) });
    expect(profiles.get(withOne!)?.sharedConnections).toEqual({ count: 1, people: [named(mine[7]!)] });
    expect(profiles.get(fake.state.followers[2]!.did)?.sharedConnections).toBeUndefined();
    const listed = await provider.listFollowers(null, 100);
    expect(listed.items.every((edge) => edge.profile.sharedConnections === undefined)).toBe(true);
  });

  it('ends the walk on an empty page that still carries a cursor', async () => {
    kit = await startBlueskyKit({ followers: 250 });
    const { fake, provider } = kit;
    fake.knobs.emptyLastPageWithCursor = true;
    const cursors: Array<string | null> = [];
    let cursor: string | null = null;
    let total = 0;
    do {
      const page = await provider.listFollowers(cursor, 100);
      total += page.items.length;
      cursor = page.cursor;
      cursors.push(cursor);
    } while (cursor !== null);
    expect(total).toBe(250);
    // Three full-ish pages, then the empty one with a cursor, which the provider reports as the end.
    expect(cursors).toHaveLength(4);
    expect(fake.countOf('app.bsky.graph.getFollowers')).toBe(4);
  });

  it('tells deactivated, taken-down and deleted accounts apart from unfollows, as the AppView answers', async () => {
    kit = await startBlueskyKit({ followers: 6 });
    const { fake, provider } = kit;
    const [deactivated, takendown, deleted, unfollower, stays] = fake.state.followers.map((e) => e.did);
    fake.state.setStatus(deactivated!, 'deactivated');
    fake.state.setStatus(takendown!, 'takendown');
    fake.state.setStatus(deleted!, 'deleted');
    fake.state.removeFollowers([unfollower!]);
    const all = [deactivated!, takendown!, deleted!, unfollower!, stays!];

    // getProfiles leaves every unavailable account out, without saying why.
    const profiles = await provider.getProfiles(all);
    expect(profiles.map((p) => p.remoteId).sort()).toEqual([unfollower!, stays!].sort());

    // getRelationships still reads the follow records: a deactivated or deleted follower "follows".
    const relationships = await provider.getRelationships(all);
    const byId = new Map(relationships.map((r) => [r.remoteId, r]));
    expect(byId.get(deactivated!)).toMatchObject({ gone: false, followsMe: true });
    expect(byId.get(deleted!)).toMatchObject({ gone: false, followsMe: true });
    expect(byId.get(unfollower!)).toMatchObject({ gone: false, followsMe: false });
    expect(byId.get(stays!)).toMatchObject({ gone: false, followsMe: true });

    // Only the account's status tells: getProfiles first, getProfile for the ones it left out.
    const before = fake.countOf('app.bsky.actor.getProfile');
    const statuses = new Map((await provider.accountStatus(all)).map((s) => [s.remoteId, s.state]));
    expect(Object.fromEntries(all.map((id) => [id, statuses.get(id)]))).toEqual({
      [deactivated!]: 'deactivated',
      [takendown!]: 'takendown',
      [deleted!]: 'deleted',
      [unfollower!]: 'active',
      [stays!]: 'active',
    });
    expect(fake.countOf('app.bsky.actor.getProfile') - before).toBe(3);
  });

  it('asks getRelationships 30 at a time', async () => {
    kit = await startBlueskyKit({ followers: 70 });
    const { fake, provider } = kit;
    const result = await provider.getRelationships(fake.state.followers.map((e) => e.did));
    expect(result).toHaveLength(70);
    expect(result.every((r) => r.followsMe)).toBe(true);
    expect(fake.countOf('app.bsky.graph.getRelationships')).toBe(3);
  });

  it('never logs the app password or any token', async () => {
    kit = await startBlueskyKit({ followers: 300 });
    const { fake, provider, logLines } = kit;
    fake.knobs.serverErrors = { count: 1, status: 503 };
    fake.sessions.expireAccessTokens();
    await provider.listFollowers(null, 100);
    await provider.getProfiles(fake.state.followers.slice(0, 25).map((e) => e.did));
    expect(logLines.length).toBeGreaterThan(3);
    const logged = logLines.join('\n');
    expect(fake.sessions.issuedTokens.length).toBeGreaterThanOrEqual(4);
    for (const secret of [fake.state.password, ...fake.sessions.issuedTokens]) expect(logged).not.toContain(secret);
    expect(logged.toLowerCase()).not.toContain('bearer');
  });

  it('stops at once when the caller aborts, with the caller\'s reason', async () => {
    kit = await startBlueskyKit({ followers: 10 });
    const { fake, provider } = kit;
    fake.knobs.latencyMs = 2000;
    const controller = new AbortController();
    const pending = provider.listFollowers(null, 100, controller.signal);
    setTimeout(() => controller.abort(new Error('sync cancelled')), 50);
    await expect(pending).rejects.toThrow('sync cancelled');
  });
});
