// The figures behind choosing GraphQL for the lists, and the re-check's soundness: any change to
// a list, at its end or in its middle, must change the page the re-check looks at.
import { Octokit } from '@octokit/rest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeGithub } from '../../../../test/fakes/github/fakeGithub';
import { githubProviderFor } from '../../../../test/fakes/github/githubTestKit';
import { headPageSize } from './githubLists';

let fake: FakeGithub;

beforeEach(async () => {
  fake = new FakeGithub();
  await fake.start();
});

afterEach(() => fake.stop());

describe('GitHub lists', () => {
  it('picks a head page size that leaves the last page not full', () => {
    expect(headPageSize(5_050)).toBe(100);
    expect(headPageSize(5_000)).toBe(99);
    expect(5_000 % headPageSize(5_000)).not.toBe(0);
    expect(headPageSize(100)).toBe(99);
    expect(headPageSize(1)).toBe(100);
  });

  it('costs ceil(N/100) requests for N followers with full profiles through GraphQL, N + ceil(N/100) through REST', async () => {
    fake.state.generate({ followers: 1_000 });
    const token = fake.issueToken();

    // REST: list pages carry only login, id and avatar; each profile is one more GET.
    const octokit = new Octokit({ auth: token, baseUrl: fake.url });
    const people = await octokit.paginate('GET /user/followers', { per_page: 100 });
    for (const person of people) await octokit.request('GET /users/{username}', { username: person.login });
    const rest = fake.requests.length;
    fake.resetLog();

    const { provider } = githubProviderFor(fake, { token });
    await provider.getSelf();
    let cursor: string | null = null;
    let seen = 0;
    do {
      const page = await provider.listFollowers(cursor, 100);
      seen += page.items.length;
      expect(page.items.every((e) => e.profile.followersCount !== null && e.profile.joinedAt !== null)).toBe(true);
      cursor = page.cursor;
    } while (cursor !== null);
    expect(seen).toBe(1_000);
    expect(rest).toBe(10 + 1_000);
    // GET /user, the head's REST page (for the next re-check) and ten GraphQL pages.
    expect(fake.countsByRoute()).toEqual({ 'GET /user': 1, 'GET /user/followers': 1, 'POST /graphql': 10 });
  });

  it('notices a follower who left from the middle of the list', async () => {
    fake.state.generate({ followers: 450 });
    const { provider } = githubProviderFor(fake);
    await provider.getSelf();
    await provider.listFollowers(null, 100);
    await provider.getSelf();
    fake.resetLog();
    await provider.listFollowers(null, 100);
    expect(fake.requests.map((r) => r.status)).toEqual([304]);

    const leaver = fake.state.followers[10]?.userId ?? 0;
    fake.state.removeFollower(leaver);
    await provider.getSelf();
    fake.resetLog();
    await provider.listFollowers(null, 100);
    expect(fake.countOf('POST /graphql')).toBe(1);
  });

  it('notices a new follower when the list had a multiple of 100 people', async () => {
    fake.state.generate({ followers: 500 });
    const { provider } = githubProviderFor(fake);
    await provider.getSelf();
    await provider.listFollowers(null, 100);
    const newcomer = fake.state.generateUser(77_777);
    fake.state.addFollower(newcomer.id);
    await provider.getSelf();
    const head = await provider.listFollowers(null, 100);
    expect(head.items[0]?.profile.remoteId).toBe(String(newcomer.id));
  });
});
