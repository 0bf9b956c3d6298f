// The fake answers as X documents: tests of Rapport's X reading are only as good as this.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeXApi } from './fakeXApi';

let x: FakeXApi;
let token: string;

beforeEach(async () => {
  x = new FakeXApi();
  await x.start();
  token = x.state.issueAppToken();
  x.state.addUser('1', { username: 'me' });
  x.state.setFollowers('1', Array.from({ length: 2500 }, (_, i) => String(1000 + i)));
});
afterEach(() => x.stop());

const get = (path: string, bearer = token) => fetch(`${x.url}${path}`, { headers: { authorization: `Bearer ${bearer}` } });

describe('fake X API v2', () => {
  it('pages followers 1000 at a time with meta.next_token and pagination_token', async () => {
    const seen: string[] = [];
    let next: string | undefined;
    do {
      const res = await get(`/2/users/1/followers?max_results=1000${next ? `&pagination_token=${next}` : ''}`);
      const body = (await res.json()) as { data: { id: string }[]; meta: { next_token?: string; result_count: number } };
      seen.push(...body.data.map((u) => u.id));
      next = body.meta.next_token;
    } while (next);
    expect(seen).toHaveLength(2500);
    expect(new Set(seen).size).toBe(2500);
    expect(x.countOf('GET /2/users/:id/followers')).toBe(3);
  });

  it('answers 401 to an unknown token and 429 with an epoch-second reset once the window is spent', async () => {
    expect((await get('/2/users/1/followers', 'nope')).status).toBe(401);
    x.knobs.limits.followers = 1;
    const first = await get('/2/users/1/followers');
    expect(first.headers.get('x-rate-limit-remaining')).toBe('0');
    const second = await get('/2/users/1/followers');
    expect(second.status).toBe(429);
    expect(Number(second.headers.get('x-rate-limit-reset'))).toBeGreaterThan(Date.now() / 1000);
  });

  it('looks up at most 100 ids, naming suspended and missing ones in errors', async () => {
    x.state.addUser('5', { protected: true });
    x.state.addUser('6');
    x.state.suspended.add('6');
    const res = await get('/2/users?ids=5,6,7&user.fields=protected,public_metrics');
    const body = (await res.json()) as { data: { id: string; protected: boolean }[]; errors: { resource_id: string; title: string }[] };
    expect(body.data).toEqual([expect.objectContaining({ id: '5', protected: true })]);
    expect(body.errors.map((e) => [e.resource_id, e.title])).toEqual([['6', 'Forbidden'], ['7', 'Not Found Error']]);
    const tooMany = await get(`/2/users?ids=${Array.from({ length: 101 }, (_, i) => i + 1).join(',')}`);
    expect(tooMany.status).toBe(400);
  });

  it('refuses /2/users/me to an app-only bearer token', async () => {
    expect((await get('/2/users/me')).status).toBe(403);
    expect((await get('/2/users/me', x.state.issueUserToken('1'))).status).toBe(200);
  });
});
