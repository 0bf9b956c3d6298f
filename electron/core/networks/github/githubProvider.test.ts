// The GitHub provider against the fake on loopback: lists newest first with full profiles, the
// free re-check, limits waited out, renamed and deleted people, activity lines, the token errors.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeGithub } from '../../../../test/fakes/github/fakeGithub';
import { githubProviderFor } from '../../../../test/fakes/github/githubTestKit';
import type { RemoteEdge, RemotePage } from '../provider';
import { rapportError as rapportErrorOf } from '../../../../test/rapportErrorOf';

let fake: FakeGithub;

beforeEach(async () => {
  fake = new FakeGithub();
  fake.state.generate({ followers: 250, following: 40 });
  await fake.start();
});

afterEach(() => fake.stop());

async function walk(list: 'listFollowers' | 'listFollowing', provider: ReturnType<typeof githubProviderFor>['provider']): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const page: RemotePage<RemoteEdge> = await provider[list](cursor, 100);
    ids.push(...page.items.map((e) => e.profile.remoteId));
    cursor = page.cursor;
  } while (cursor !== null);
  return ids;
}

describe('GitHub provider', () => {
  it('lists followers newest first, 100 full profiles per request', async () => {
    const { provider } = githubProviderFor(fake);
    await provider.getSelf();
    fake.resetLog();
    const ids = await walk('listFollowers', provider);
    const expected = fake.state.followers.map((e) => String(e.userId)).reverse();
    expect(ids).toEqual(expected);
    expect(fake.countOf('POST /graphql')).toBe(3);
    // The head's REST page, read once so the next re-check can be conditional.
    expect(fake.countOf('GET /user/followers')).toBe(1);

    const first = await provider.listFollowers(null, 100);
    const newest = fake.state.requireUser(fake.state.followers.at(-1)?.userId ?? 0);
    const profile = first.items[0]?.profile;
    expect(profile?.handle).toBe(newest.login);
    expect(profile?.followersCount).toBe(newest.followers);
    expect(profile?.postsCount).toBe(newest.publicRepos);
    expect(profile?.joinedAt).toBe(newest.createdAt);
    expect(profile?.profileUrl).toBe(`${fake.url}/${newest.login}`);
  });

  it('re-checks an unchanged account with 304s that cost no rate-limit point', async () => {
    const { provider } = githubProviderFor(fake);
    await provider.getSelf();
    await provider.listFollowers(null, 100);
    await provider.listFollowing(null, 100);
    fake.resetLog();

    await provider.getSelf();
    const head = await provider.listFollowers(null, 100);
    await provider.listFollowing(null, 100);
    // GET /user is not asked again: the lists would have changed first.
    expect(fake.requests.map((r) => `${r.route} ${r.status}`)).toEqual(['GET /user/followers 304', 'GET /user/following 304']);
    expect(fake.pointsUsed()).toEqual({ core: 0, graphql: 0 });
    expect(head.items[0]?.profile.remoteId).toBe(String(fake.state.followers.at(-1)?.userId));

    const newcomer = fake.state.generateUser(9_000);
    fake.state.addFollower(newcomer.id);
    await provider.getSelf();
    const changed = await provider.listFollowers(null, 100);
    expect(changed.items[0]?.profile.remoteId).toBe(String(newcomer.id));
  });

  it('waits out a secondary limit (403 with Retry-After) and gets the page', async () => {
    const kit = githubProviderFor(fake);
    await kit.provider.getSelf();
    fake.knobs.secondary = { afterRequests: 0, count: 2, status: 403, retryAfterSeconds: 3, routes: ['POST /graphql'] };
    const page = await kit.provider.listFollowers(null, 100);
    expect(page.items).toHaveLength(100);
    expect(kit.waits).toEqual([3_000, 3_000]);
  });

  it('gives up with RATE_LIMITED when the primary window is spent for longer than it will wait', async () => {
    const kit = githubProviderFor(fake);
    fake.knobs.primary = { core: 1, graphql: 5_000, windowMs: 60 * 60 * 1000 };
    await kit.provider.getSelf();
    const error = await rapportErrorOf(kit.provider.getProfiles([String(fake.state.followers[0]?.userId)]));
    expect(error.code).toBe('RATE_LIMITED');
  });

  it('follows and unfollows by the current login after a rename', async () => {
    const { provider } = githubProviderFor(fake);
    const target = fake.state.followers[5]?.userId ?? 0;
    await provider.getSelf();
    await provider.listFollowers(null, 100);
    fake.state.rename(target, 'renamed-person');
    await provider.follow(String(target), 'key-1');
    expect(fake.state.following.some((e) => e.userId === target)).toBe(true);
    const [relationship] = await provider.getRelationships([String(target)]);
    expect(relationship).toMatchObject({ iFollow: true, followsMe: true, gone: false });
    await provider.unfollow(String(target), null);
    expect(fake.state.following.some((e) => e.userId === target)).toBe(false);
  });

  it('reports a deleted account as gone, not as an unfollower', async () => {
    const { provider } = githubProviderFor(fake);
    const live = fake.state.followers[0]?.userId ?? 0;
    const deleted = fake.state.followers[1]?.userId ?? 0;
    fake.state.requireUser(deleted).gone = 'deleted';
    const status = await provider.accountStatus([String(live), String(deleted)]);
    expect(status).toEqual([
      { remoteId: String(live), state: 'active' },
      { remoteId: String(deleted), state: 'deleted' },
    ]);
  });

  it('reads recent public activity as lines', async () => {
    const { provider } = githubProviderFor(fake);
    const user = fake.state.addUser({
      login: 'busy-dev',
      events: [
        { id: 'e1', type: 'PullRequestEvent', repo: 'acme/tool', createdAt: '2026-11-30T10:00:00Z', number: 12, title: 'Fix the parser' },
        { id: 'e2', type: 'PushEvent', repo: 'acme/tool', createdAt: '2026-11-29T10:00:00Z', commits: 3 },
        { id: 'e3', type: 'ReleaseEvent', repo: 'acme/tool', createdAt: '2026-11-28T10:00:00Z', tag: 'v2.0.0' },
        { id: 'e4', type: 'WatchEvent', repo: 'other/lib', createdAt: '2026-11-27T10:00:00Z' },
      ],
    });
    const posts = await provider.getRecentPosts(String(user.id), 10);
    expect(posts.map((p) => p.text)).toEqual([
      'Opened pull request #12 in acme/tool: Fix the parser',
      'Pushed 3 commits to acme/tool',
      'Released v2.0.0 of acme/tool',
      'Starred other/lib',
    ]);
  });

  it('says GitHub has no messages', async () => {
    const { provider } = githubProviderFor(fake);
    expect(provider.capabilities.canDm).toBe(false);
    const error = await rapportErrorOf(provider.sendDm());
    expect(error.message).toContain('no direct messages');
  });

  it('turns a revoked token into AUTH_EXPIRED', async () => {
    const token = fake.issueToken();
    const { provider } = githubProviderFor(fake, { token });
    const stored = fake.state.tokens.get(token);
    if (stored) stored.revoked = true;
    const error = await rapportErrorOf(provider.getSelf());
    expect(error.code).toBe('AUTH_EXPIRED');
    expect(error.message).not.toContain(token);
  });

  it('works against a GitHub Enterprise Server address (/api/v3 and /api/graphql)', async () => {
    const { provider } = githubProviderFor(fake, { enterprise: true });
    const self = await provider.getSelf();
    expect(self.handle).toBe('octo-self');
    const page = await provider.listFollowers(null, 100);
    expect(page.items).toHaveLength(100);
  });
});
