// The provider's read side against the fake over real loopback HTTP: Link-header walks and their
// request budget, batch and one-by-one account fetches, posts, relationships, rate limits, server
// errors, malformed pages and hostile HTML.
import { afterEach, describe, expect, it } from 'vitest';
import { RATE_LIMIT_MARGIN_MS } from '../../net/httpClient';
import type { RemoteEdge, RemotePage } from '../provider';
import type { MastodonProfile } from './mastodonMapping';
import { MASTODON_PAGE_MAX, type MastodonProvider } from './mastodonProvider';
import { startMastodonKit, type MastodonKit } from '../../../../test/fakes/mastodon/mastodonTestKit';
import { rapportError } from '../../../../test/rapportErrorOf';

let kit: MastodonKit | null = null;
afterEach(async () => {
  await kit?.close();
  kit = null;
});

async function walk(provider: MastodonProvider, list: 'followers' | 'following'): Promise<RemoteEdge[]> {
  const edges: RemoteEdge[] = [];
  let cursor: string | null = null;
  do {
    const page: RemotePage<RemoteEdge> = list === 'followers' ? await provider.listFollowers(cursor, MASTODON_PAGE_MAX) : await provider.listFollowing(cursor, MASTODON_PAGE_MAX);
    edges.push(...page.items);
    cursor = page.cursor;
  } while (cursor !== null);
  return edges;
}

const FOLLOWERS_ROUTE = 'GET /api/v1/accounts/:id/followers';

describe('MastodonProvider reads', () => {
  it('walks 5,000 followers in ceil(5000/80) requests, newest first, with full profiles', async () => {
    kit = await startMastodonKit({ followers: 5000, following: 300 });
    const { fake, provider } = kit;
    const edges = await walk(provider, 'followers');
    expect(edges).toHaveLength(5000);
    expect(new Set(edges.map((e) => e.profile.remoteId)).size).toBe(5000);
    expect(fake.countOf(FOLLOWERS_ROUTE)).toBe(Math.ceil(5000 / 80));
    expect(kit.http.counter.snapshot()).toEqual({ [`${new URL(fake.url).host}/api/v1/accounts/:id/followers`]: Math.ceil(5000 / 80) });
    // Newest first, and keyed by instance host + instance-local id.
    const newest = fake.state.followers[fake.state.followers.length - 1]!;
    expect(edges[0]!.profile.remoteId).toBe(kit.remoteId(newest.accountId));
    const account = fake.state.accounts.get(newest.accountId)!;
    expect(edges[0]!.profile).toMatchObject({
      handle: account.acct.includes('@') ? account.acct : `${account.acct}@127.0.0.1`,
      followersCount: account.followersCount,
      postsCount: account.statusesCount,
      avatarUrl: `${fake.url}/avatars/${account.id}.png`,
    });
    expect(edges[0]!.profile.bio).toMatch(/^I write about \w+s and \w+s\. #\w+$/);
    expect(edges[0]!.profile.bioHtml).toContain('rel="noopener noreferrer"');
    expect((await walk(provider, 'following')).length).toBe(300);
  });

  it('fetches accounts 40 at a time, and one by one on servers without the batch endpoint', async () => {
    kit = await startMastodonKit({ followers: 100 });
    const { fake, provider } = kit;
    const ids = fake.state.followers.slice(0, 45).map((e) => kit!.remoteId(e.accountId));
    expect((await provider.getProfiles(ids)).map((p) => p.remoteId)).toEqual(ids);
    expect(fake.countOf('GET /api/v1/accounts')).toBe(2);
    expect(provider.supportsBatchAccounts).toBe(true);

    await kit.close();
    kit = await startMastodonKit({ followers: 10 });
    kit.fake.knobs.batchAccounts = false;
    const few = kit.fake.state.followers.slice(0, 3).map((e) => kit!.remoteId(e.accountId));
    expect((await kit.provider.getProfiles(few)).map((p) => p.remoteId)).toEqual(few);
    expect(kit.provider.supportsBatchAccounts).toBe(false);
    await kit.provider.getProfiles(few);
    expect(kit.fake.countOf('GET /api/v1/accounts')).toBe(1); // tried once, then remembered
    expect(kit.fake.countOf('GET /api/v1/accounts/:id')).toBe(6);
  });

  it('refuses a remote id from another instance', async () => {
    kit = await startMastodonKit({ followers: 1 });
    expect((await rapportError(kit.provider.getProfiles(['mastodon.social:1']))).code).toBe('INVALID_INPUT');
  });

  it('reads recent posts without replies and boosts, sanitized', async () => {
    kit = await startMastodonKit({ followers: 2 });
    const id = kit.fake.state.followers[0]!.accountId;
    const posts = await kit.provider.getRecentPosts(kit.remoteId(id), 20);
    expect(posts).toHaveLength(2);
    expect(posts.every((p) => !p.isReply && !p.isRepost)).toBe(true);
    expect(posts[1]!.text).toMatch(/^Hello from .+\nsecond line$/);
    expect(kit.fake.requests.at(-1)).toMatchObject({ route: 'GET /api/v1/accounts/:id/statuses', status: 200 });
  });

  it('reads relationships in batches, and reports suspended accounts as gone, not unfollowed', async () => {
    kit = await startMastodonKit({ followers: 50, following: 20, mutualShare: 0.5 });
    const { fake, provider } = kit;
    const mutual = fake.state.following[0]!.accountId;
    const followerOnly = fake.state.followers[fake.state.followers.length - 1]!.accountId;
    const suspended = fake.state.followers[fake.state.followers.length - 2]!.accountId;
    fake.state.accounts.get(suspended)!.suspended = true;
    const rels = await provider.getRelationships([mutual, followerOnly, suspended].map((id) => kit!.remoteId(id)));
    expect(rels).toEqual([
      { remoteId: kit.remoteId(mutual), followsMe: true, iFollow: true, followRef: null, gone: false, requested: false, note: '' },
      { remoteId: kit.remoteId(followerOnly), followsMe: true, iFollow: false, followRef: null, gone: false, requested: false, note: '' },
      { remoteId: kit.remoteId(suspended), followsMe: false, iFollow: false, followRef: null, gone: true, requested: false, note: '' },
    ]);
    // A suspended follower drops out of the list walk.
    expect((await walk(provider, 'followers')).map((e) => e.profile.remoteId)).not.toContain(kit.remoteId(suspended));
  });

  it('keeps the rest of a page around one malformed account, and names the field of a malformed answer', async () => {
    kit = await startMastodonKit({ followers: 10 });
    kit.fake.knobs.malformed = 'follower-without-id';
    const withoutId = await kit.provider.listFollowers(null, 80);
    expect(withoutId.items).toHaveLength(9);
    expect(withoutId.unreadable).toEqual([{ kind: 'profile', remoteId: null, outcome: 'skipped', fields: [] }]);
    kit.fake.knobs.malformed = 'account-bad-count';
    const badCount = await kit.provider.listFollowers(null, 80);
    expect(badCount.items).toHaveLength(10);
    expect(badCount.unreadable).toMatchObject([{ kind: 'profile', outcome: 'cut', fields: ['followersCount'] }]);
    expect(badCount.items.filter((edge) => edge.profile.followersCount === null)).toHaveLength(1);
    kit.fake.knobs.malformed = 'relationship-bad-following';
    const id = kit.remoteId(kit.fake.state.followers[0]!.accountId);
    expect((await rapportError(kit.provider.getRelationships([id]))).message).toMatch(/relationships: \[0\]\.following /);
  });

  it('refuses a next link that leaves the instance, so the token is never sent elsewhere', async () => {
    kit = await startMastodonKit({ followers: 200 });
    kit.fake.knobs.foreignNextLink = 'https://evil.example';
    const error = await rapportError(kit.provider.listFollowers(null, 80));
    expect(error.message).toBe(
      "Mastodon sent a malformed answer to GET /api/v1/accounts/:id/followers: Link header's next link points to another server (evil.example). Nothing from it was saved.",
    );
    expect(kit.http.counter.total()).toBe(1);
  });

  it('honours 429 Retry-After and completes', async () => {
    kit = await startMastodonKit({ followers: 10 });
    kit.fake.knobs.tooManyRequests = { count: 1, retryAfterSeconds: 2, routes: [FOLLOWERS_ROUTE] };
    const page = await kit.provider.listFollowers(null, 80);
    expect(kit.sleeps).toHaveLength(1);
    expect(kit.sleeps[0]).toBeGreaterThanOrEqual(2000);
    expect(page.items).toHaveLength(10);
    expect(kit.fake.requests.map((r) => r.status)).toEqual([429, 200]);
  });

  it('waits for the ISO-8601 X-RateLimit-Reset once the window is spent', async () => {
    kit = await startMastodonKit({ followers: 10 });
    kit.fake.knobs.rateLimit = { limit: 1, windowMs: 60_000 };
    await kit.provider.listFollowers(null, 80);
    expect(kit.sleeps).toEqual([]);
    // Remaining: 0 with a reset about a minute away: the client waits instead of collecting a 429.
    kit.fake.knobs.rateLimit = null;
    await kit.provider.listFollowers(null, 80);
    expect(kit.sleeps).toHaveLength(1);
    expect(kit.sleeps[0]!).toBeGreaterThan(50_000 + RATE_LIMIT_MARGIN_MS);
    expect(kit.sleeps[0]!).toBeLessThanOrEqual(60_000 + RATE_LIMIT_MARGIN_MS);
  });

  it('stops with a clear error after a burst of 5xx, and recovers from a short one', async () => {
    kit = await startMastodonKit({ followers: 10 });
    kit.fake.knobs.serverErrors = { count: 5, status: 500, routes: [FOLLOWERS_ROUTE] };
    const error = await rapportError(kit.provider.listFollowers(null, 80));
    expect(error.code).toBe('NETWORK_ERROR');
    expect(error.message).toMatch(/^Mastodon kept answering with server errors \(HTTP 500, 5 attempts\); stopped/);
    expect(kit.fake.countOf(FOLLOWERS_ROUTE)).toBe(5);
    kit.fake.knobs.serverErrors = { count: 2, status: 503 };
    expect((await kit.provider.listFollowers(null, 80)).items).toHaveLength(10);
  });

  it('ends with AUTH_EXPIRED when the token is revoked', async () => {
    kit = await startMastodonKit({ followers: 1 });
    kit.fake.oauth.tokens.get(kit.accessToken)!.revoked = true;
    const error = await rapportError(kit.provider.getSelf());
    expect(error.code).toBe('AUTH_EXPIRED');
    expect(error.message).toBe('Your Mastodon sign-in has ended (the access was revoked or expired). Sign in again.');
  });

  it('sanitizes hostile bios, names, fields and posts from the server', async () => {
    kit = await startMastodonKit({ followers: 80, hostile: true });
    const { provider } = kit;
    const profiles = (await provider.listFollowers(null, 80)).items.map((e) => e.profile as MastodonProfile);
    // Markup only ever arrives sanitized; names stay plain text (shown as text, never parsed).
    const markup = JSON.stringify(profiles.map((p) => [p.bioHtml, p.mastodon.fields.map((f) => f.valueHtml)]));
    expect(markup).not.toMatch(/<script|onerror=|onload=|javascript:|<svg|<math|<iframe|style=/i);
    expect(profiles.map((p) => p.displayName)).toContain("<script>__xss('name-script')</script>");
    const named = profiles.find((p) => p.mastodon.displayNameTokens.some((t) => t.kind === 'emoji'));
    expect(named?.mastodon.displayNameTokens.filter((t) => t.kind === 'emoji').map((t) => t.kind === 'emoji' && t.url)).toEqual([
      'https://emoji.example/verified.png',
    ]);
    for (const p of profiles) {
      const posts = await provider.getRecentPosts(p.remoteId, 20);
      expect(JSON.stringify(posts.map((x) => x.html))).not.toMatch(/<script|onerror=|javascript:|<svg|<iframe/i);
    }
  });
});
