// The fake itself, spoken to with plain fetch: so the provider tests rest on a fake that behaves
// like Mastodon (Link headers, ISO rate-limit resets, PKCE, idempotency, scopes).
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeMastodon } from './fakeMastodon';
import { hostilePayloads } from './hostileContent';

let fake: FakeMastodon | null = null;
afterEach(async () => {
  await fake?.stop();
  fake = null;
});

async function started(followers = 0): Promise<FakeMastodon> {
  fake = new FakeMastodon();
  if (followers) fake.state.generate({ followers, following: 10, seed: 5 });
  await fake.start();
  return fake;
}

describe('FakeMastodon', () => {
  it('generates the same seeded world twice, with 6,000 followers', () => {
    const a = new FakeMastodon();
    const b = new FakeMastodon();
    a.state.generate({ followers: 6000, following: 100, seed: 9 });
    b.state.generate({ followers: 6000, following: 100, seed: 9 });
    expect(a.state.followers).toHaveLength(6000);
    const names = (f: FakeMastodon) => f.state.followers.slice(0, 50).map((e) => f.state.accounts.get(e.accountId)!.username);
    expect(names(a)).toEqual(names(b));
    expect([...a.state.accounts.values()].some((x) => x.locked)).toBe(true);
  });

  it('paginates followers newest first with Link headers, and refuses requests without a token', async () => {
    const f = await started(100);
    const token = f.issueToken();
    const auth = { authorization: `Bearer ${token}` };
    const first = await fetch(`${f.url}/api/v1/accounts/${f.state.self.id}/followers?limit=80`, { headers: auth });
    const body = (await first.json()) as Array<{ id: string }>;
    expect(body).toHaveLength(80);
    expect(body[0]!.id).toBe(f.state.followers.at(-1)!.accountId);
    const link = first.headers.get('link')!;
    expect(link).toMatch(/^<http:\/\/127\.0\.0\.1:\d+\/api\/v1\/accounts\/\d+\/followers\?limit=80&max_id=\d+>; rel="next", <.+since_id=\d+>; rel="prev"$/);
    const next = /<([^>]+)>; rel="next"/.exec(link)![1]!;
    const second = await fetch(next, { headers: auth });
    expect(((await second.json()) as unknown[]).length).toBe(20);
    expect(second.headers.get('link')).not.toContain('rel="next"');
    expect((await fetch(`${f.url}/api/v1/accounts/verify_credentials`)).status).toBe(401);
    expect(f.requests.map((r) => r.route)).toEqual([
      'GET /api/v1/accounts/:id/followers',
      'GET /api/v1/accounts/:id/followers',
      'GET /api/v1/accounts/verify_credentials',
    ]);
    expect(JSON.stringify(f.requests)).not.toContain(token);
  });

  it('sends X-RateLimit-* with an ISO-8601 reset, then 429s over the limit', async () => {
    const f = await started(1);
    const auth = { authorization: `Bearer ${f.issueToken()}` };
    f.knobs.rateLimit = { limit: 2, windowMs: 300_000 };
    const ok = await fetch(`${f.url}/api/v1/accounts/verify_credentials`, { headers: auth });
    expect(ok.headers.get('x-ratelimit-limit')).toBe('2');
    expect(ok.headers.get('x-ratelimit-remaining')).toBe('1');
    expect(ok.headers.get('x-ratelimit-reset')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    await fetch(`${f.url}/api/v1/accounts/verify_credentials`, { headers: auth });
    expect((await fetch(`${f.url}/api/v1/accounts/verify_credentials`, { headers: auth })).status).toBe(429);
  });

  it('checks PKCE for real at the token endpoint, and spends a code on any attempt', async () => {
    const f = await started();
    const app = f.oauth.registerApp({ client_name: 'x', redirect_uris: 'urn:ietf:wg:oauth:2.0:oob', scopes: 'read' });
    const verifier = 'v'.repeat(43);
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const authorize = async () => {
      const page = await fetch(
        `${f.url}/oauth/authorize?response_type=code&client_id=${app.clientId}&redirect_uri=urn:ietf:wg:oauth:2.0:oob&scope=read&code_challenge=${challenge}&code_challenge_method=S256`,
      );
      return /value="([^"]+)"/.exec(await page.text())![1]!;
    };
    const exchange = (code: string, codeVerifier: string) =>
      fetch(`${f.url}/oauth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'authorization_code', code, client_id: app.clientId, client_secret: app.clientSecret, redirect_uri: 'urn:ietf:wg:oauth:2.0:oob', code_verifier: codeVerifier }),
      });
    const code = await authorize();
    const wrong = await exchange(code, 'w'.repeat(43));
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { error: string }).error).toBe('invalid_grant');
    expect((await exchange(code, verifier)).status).toBe(400); // already spent
    const fresh = await authorize();
    const right = await exchange(fresh, verifier);
    expect(right.status).toBe(200);
    expect(((await right.json()) as { token_type: string }).token_type).toBe('Bearer');
  });

  it('answers the same Idempotency-Key with the same status, once', async () => {
    const f = await started(2);
    const auth = { authorization: `Bearer ${f.issueToken()}`, 'content-type': 'application/json', 'idempotency-key': 'same' };
    const post = () => fetch(`${f.url}/api/v1/statuses`, { method: 'POST', headers: auth, body: JSON.stringify({ status: 'hi', visibility: 'direct' }) });
    const a = (await (await post()).json()) as { id: string };
    const b = (await (await post()).json()) as { id: string };
    expect(a.id).toBe(b.id);
    expect(f.state.posted).toHaveLength(1);
  });

  it('seeds hostile content into followers when asked', () => {
    const f = new FakeMastodon();
    f.state.generate({ followers: 100, hostile: true, seed: 1 });
    const all = JSON.stringify([...f.state.accounts.values()].map((a) => [a.note, a.displayName, a.fields, a.posts?.map((p) => p.content)]));
    for (const { payload } of hostilePayloads().slice(0, 5)) expect(all).toContain(JSON.stringify(payload).slice(1, 20));
  });
});
