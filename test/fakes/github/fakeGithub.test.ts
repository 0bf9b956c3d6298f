// The fake keeps GitHub's rules a client depends on; if it drifted, provider tests would pass
// against a GitHub that does not exist.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeGithub } from './fakeGithub';

let fake: FakeGithub;
let token: string;

beforeEach(async () => {
  fake = new FakeGithub();
  fake.state.generate({ followers: 250, following: 30 });
  await fake.start();
  token = fake.issueToken();
});

afterEach(() => fake.stop());

function get(path: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${fake.url}${path}`, { headers: { authorization: `token ${token}`, ...headers } });
}

describe('fake GitHub', () => {
  it('pages followers oldest first with a Link header, newest on the last page', async () => {
    const first = await get('/user/followers?per_page=100');
    expect(first.headers.get('link')).toContain('page=3>; rel="last"');
    const last = await get('/user/followers?per_page=100&page=3');
    const items = (await last.json()) as { id: number }[];
    expect(items).toHaveLength(50);
    expect(items.at(-1)?.id).toBe(fake.state.followers.at(-1)?.userId);
    expect(last.headers.get('link')).not.toContain('rel="next"');
  });

  it('answers an unchanged list with 304 and does not count it against the limit', async () => {
    const first = await get('/user/followers?per_page=100&page=3');
    const etag = first.headers.get('etag') ?? '';
    const used = fake.pointsUsed().core;
    const again = await get('/user/followers?per_page=100&page=3', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(fake.pointsUsed().core).toBe(used);
    fake.state.addFollower(fake.state.generateUser(99_999).id);
    const changed = await get('/user/followers?per_page=100&page=3', { 'if-none-match': etag });
    expect(changed.status).toBe(200);
  });

  it('refuses a bad token with 401 and names classic scopes', async () => {
    const bad = await fetch(`${fake.url}/user`, { headers: { authorization: 'token nope' } });
    expect(bad.status).toBe(401);
    const ok = await get('/user');
    expect(ok.headers.get('x-oauth-scopes')).toBe('read:user, user:follow');
  });

  it('sends the secondary limit as 403 with Retry-After', async () => {
    fake.knobs.secondary = { afterRequests: 1, count: 1, status: 403, retryAfterSeconds: 1 };
    expect((await get('/user')).status).toBe(200);
    const limited = await get('/user');
    expect(limited.status).toBe(403);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(((await limited.json()) as { message: string }).message).toContain('secondary rate limit');
    expect((await get('/user')).status).toBe(200);
  });

  it('keeps the id when a user is renamed; the old login is gone', async () => {
    const edge = fake.state.followers[0];
    const user = fake.state.requireUser(edge?.userId ?? 0);
    const old = user.login;
    fake.state.rename(user.id, 'brand-new-name');
    expect((await get(`/users/${old}`)).status).toBe(404);
    const byId = (await (await get(`/user/${user.id}`)).json()) as { login: string };
    expect(byId.login).toBe('brand-new-name');
  });

  it('pages the GraphQL followers backwards from the newest with full profiles', async () => {
    const query = 'query RapportFollowers($last: Int!, $before: String) { viewer { followers(last: $last, before: $before) { nodes { login } } } }';
    const post = async (variables: Record<string, unknown>) =>
      (await (await fetch(`${fake.url}/graphql`, { method: 'POST', headers: { authorization: `bearer ${token}` }, body: JSON.stringify({ query, variables }) })).json()) as {
        data: { viewer: { followers: { pageInfo: { hasPreviousPage: boolean; startCursor: string }; nodes: { databaseId: number; followers: { totalCount: number } }[] } } };
      };
    const newest = await post({ last: 100 });
    const page = newest.data.viewer.followers;
    expect(page.nodes).toHaveLength(100);
    expect(page.nodes.at(-1)?.databaseId).toBe(fake.state.followers.at(-1)?.userId);
    expect(typeof page.nodes[0]?.followers.totalCount).toBe('number');
    const older = await post({ last: 100, before: page.pageInfo.startCursor });
    expect(older.data.viewer.followers.nodes.at(-1)?.databaseId).toBe(fake.state.followers[149]?.userId);
    expect(fake.pointsUsed().graphql).toBe(2);
  });
});
