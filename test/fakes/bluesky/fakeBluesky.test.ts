// The fake itself, through plain fetch: the behaviours other tests rely on must hold.
import { afterEach, describe, expect, it } from 'vitest';
import { FakeBluesky } from './fakeBluesky';

let fake: FakeBluesky | null = null;
afterEach(async () => {
  await fake?.stop();
  fake = null;
});

async function signedIn(followers = 0, follows = 0): Promise<{ fake: FakeBluesky; get: (path: string, headers?: Record<string, string>) => Promise<{ status: number; body: Record<string, unknown> }> }> {
  fake = new FakeBluesky({ handle: 'me.bsky.social', password: 'pw-pw-pw-pw' });
  fake.state.generate({ followers, follows, seed: 3 });
  await fake.start();
  const server = fake;
  const login = await fetch(`${server.url}/xrpc/com.atproto.server.createSession`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ identifier: 'me.bsky.social', password: 'pw-pw-pw-pw' }),
  });
  const { accessJwt } = (await login.json()) as { accessJwt: string };
  const get = async (path: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${accessJwt}`, ...headers } });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  return { fake: server, get };
}

function dids(body: Record<string, unknown>, key: string): string[] {
  return (body[key] as Array<{ did: string }>).map((p) => p.did);
}

describe('FakeBluesky', () => {
  it('pages followers newest first, and a cursor survives new followers arriving mid-walk', async () => {
    const { fake, get } = await signedIn(250);
    const first = await get('/xrpc/app.bsky.graph.getFollowers?actor=me.bsky.social&limit=100');
    expect(dids(first.body, 'followers')[0]).toBe(fake.state.followers.at(-1)?.did);
    const added = fake.state.addFollowers(7);
    const second = await get(`/xrpc/app.bsky.graph.getFollowers?actor=me.bsky.social&limit=100&cursor=${String(first.body.cursor)}`);
    expect(dids(second.body, 'followers')[0]).toBe(fake.state.followers[149]?.did);
    const head = await get('/xrpc/app.bsky.graph.getFollowers?actor=me.bsky.social&limit=7');
    expect(dids(head.body, 'followers')).toEqual(added.map((a) => a.did).reverse());
  });

  it('caps pages at the page-size knob and at 100', async () => {
    const { fake, get } = await signedIn(150);
    expect((await get('/xrpc/app.bsky.graph.getFollowers?actor=me.bsky.social&limit=101')).status).toBe(400);
    fake.knobs.pageSize = 40;
    expect(dids((await get('/xrpc/app.bsky.graph.getFollowers?actor=me.bsky.social&limit=100')).body, 'followers')).toHaveLength(40);
  });

  it('answers an expired access token with 400 ExpiredToken, in the XRPC error shape', async () => {
    const { fake, get } = await signedIn(1);
    fake.sessions.expireAccessTokens();
    expect(await get('/xrpc/app.bsky.actor.getProfile?actor=me.bsky.social')).toEqual({
      status: 400,
      body: { error: 'ExpiredToken', message: 'Token has expired' },
    });
  });

  it('serves chat only behind the chat proxy header', async () => {
    const { fake, get } = await signedIn(1);
    const member = fake.state.followers[0]!.did;
    expect((await get(`/xrpc/chat.bsky.convo.getConvoAvailability?members=${member}`)).status).toBe(400);
    const proxied = await get(`/xrpc/chat.bsky.convo.getConvoAvailability?members=${member}`, { 'atproto-proxy': 'did:web:api.bsky.chat#bsky_chat' });
    expect(proxied).toEqual({ status: 200, body: { canChat: true } });
  });

  it('hides deactivated accounts from lists and names them in getProfile errors', async () => {
    const { fake, get } = await signedIn(3);
    const [a] = fake.state.followers.map((e) => e.did);
    fake.state.setStatus(a!, 'deactivated');
    expect(dids((await get('/xrpc/app.bsky.graph.getFollowers?actor=me.bsky.social')).body, 'followers')).not.toContain(a);
    expect((await get(`/xrpc/app.bsky.actor.getProfile?actor=${a}`)).body.error).toBe('AccountDeactivated');
  });

  it('sends 5xx bursts and 429s with Retry-After from its knobs, and logs every request', async () => {
    const { fake, get } = await signedIn(1);
    fake.knobs.serverErrors = { count: 2, status: 502 };
    fake.knobs.tooManyRequests = { count: 1, retryAfterSeconds: 9, methods: ['app.bsky.actor.getProfile'] };
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await get('/xrpc/app.bsky.actor.getProfile?actor=me.bsky.social')).status);
    expect(statuses).toEqual([429, 502, 502, 200]);
    expect(fake.countOf('app.bsky.actor.getProfile')).toBe(4);
  });

  it('expires access tokens after the configured number of uses', async () => {
    const { fake, get } = await signedIn(1);
    fake.knobs.accessTokenUses = 2;
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await get('/xrpc/app.bsky.actor.getProfile?actor=me.bsky.social')).status);
    expect(statuses).toEqual([200, 200, 400]);
  });

  it('builds the same network from the same seed', () => {
    const names = (seed: number) => {
      const f = new FakeBluesky();
      f.state.generate({ followers: 20, follows: 5, seed });
      return [...f.state.actors.values()].map((a) => `${a.did} ${a.handle} ${a.followersCount}`);
    };
    expect(names(5)).toEqual(names(5));
    expect(names(5)).not.toEqual(names(6));
  });

  it('generates 100,000 followers with unique DIDs', () => {
    const big = new FakeBluesky();
    big.state.generate({ followers: 100_000, follows: 10 });
    expect(new Set(big.state.followers.map((e) => e.did)).size).toBe(100_000);
    expect(big.state.self.followersCount).toBe(100_000);
  });
});
