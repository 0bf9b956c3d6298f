import { mkdir, mkdtemp, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Account, SyncProgress } from '../../shared/domain';
import type { Envelope } from '../../shared/api/errors';
import { FakeBluesky } from '../fakes/bluesky/fakeBluesky';
import { BRIDGE_SCRIPT_TAG, HARNESS_KEY_FILE, startHarness } from './harnessServer';
import type { Harness } from './harnessServer';
import { mediaCookieName } from './requestGuards';

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** node:http rather than fetch: fetch refuses to send a forged Host header. */
function rawRequest(
  port: number,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

let dir: string;
let harness: Harness;

/** The cookie a page opened with the token receives, as `name=value`. */
async function mediaCookie(): Promise<string> {
  const page = await rawRequest(harness.port, `/?token=${harness.token}`);
  return String(page.headers['set-cookie']).split(';')[0]!;
}

function rpc(method: string, input: unknown, token = harness.token): Promise<RawResponse> {
  return rawRequest(harness.port, `/rpc/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-rapport-token': token },
    body: JSON.stringify(input),
  });
}

async function rpcValue<T>(method: string, input: unknown): Promise<T> {
  const res = await rpc(method, input);
  expect(res.status).toBe(200);
  const envelope = JSON.parse(res.body) as Envelope<T>;
  if (!envelope.ok) throw new Error(`${method} failed: ${envelope.error.code} ${envelope.error.message}`);
  return envelope.value;
}

/** Resolves with the socket's handshake status: 101 when accepted, else the HTTP refusal. */
function upgradeStatus(path: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${harness.port}${path}`, { headers });
    ws.on('open', () => {
      ws.close();
      resolve(101);
    });
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      res.resume();
    });
    ws.on('error', (error) => {
      if (!/Unexpected server response/.test(error.message)) reject(error);
    });
  });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rapport-harness-'));
  const rendererDir = join(dir, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(
    join(rendererDir, 'index.html'),
    `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'self'; connect-src 'self'; object-src 'none'" /><title>Rapport</title><script type="module" crossorigin src="./assets/app.js"></script></head><body><div id="root"></div></body></html>`,
  );
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log("renderer")');
  await mkdir(join(dir, 'data', 'media', 'avatars'), { recursive: true });
  await writeFile(join(dir, 'data', 'media', 'avatars', 'a.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  await writeFile(join(dir, 'secret.txt'), 'outside the media folder');
  await symlink(join(dir, 'secret.txt'), join(dir, 'data', 'media', 'escape.txt'));
  harness = await startHarness({ dataDir: join(dir, 'data'), rendererDir });
});

afterAll(async () => {
  await harness?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('browser harness', () => {
  it('listens on loopback with a fresh random token', () => {
    expect(harness.url).toBe(`http://127.0.0.1:${harness.port}/`);
    expect(harness.token.length).toBeGreaterThanOrEqual(40);
    expect(harness.appUrl).toBe(`${harness.url}?token=${harness.token}`);
  });

  it('round-trips contract calls to a real core and pushes its events over the socket', async () => {
    const socket = new WebSocket(`ws://127.0.0.1:${harness.port}/events?token=${harness.token}`);
    const received: { event: string; payload: unknown }[] = [];
    socket.on('message', (data) => received.push(JSON.parse(String(data)) as { event: string; payload: unknown }));
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));

    expect(await rpcValue<Account[]>('listAccounts', {})).toEqual([]);
    const { account } = await rpcValue<{ account: Account }>('beginSignIn', { network: 'sample', followers: 120, following: 30, seed: 7 });
    expect(account.network).toBe('sample');

    let status: SyncProgress | null = null;
    for (let i = 0; i < 600 && status?.state !== 'done'; i++) {
      status = await rpcValue<SyncProgress | null>('getSyncStatus', { accountId: account.id });
      if (status?.state === 'failed') throw new Error(`sync failed: ${status.error?.message}`);
      if (status?.state !== 'done') await new Promise((r) => setTimeout(r, 50));
    }
    expect(status?.state).toBe('done');
    const counts = await rpcValue<Record<string, number>>('getBoardCounts', { accountId: account.id });
    expect(counts.new).toBeGreaterThan(0);

    await expect.poll(() => received.some((m) => m.event === 'sync.progress')).toBe(true);
    expect(received.find((m) => m.event === 'sync.progress')?.payload).toMatchObject({ accountId: account.id });
    socket.close();
  });

  it('answers malformed requests with INVALID_INPUT envelopes', async () => {
    const notJson = await rawRequest(harness.port, '/rpc/listAccounts', {
      method: 'POST',
      headers: { 'x-rapport-token': harness.token },
      body: '{not json',
    });
    expect(notJson.status).toBe(400);
    expect(JSON.parse(notJson.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });

    const badInput = await rpc('getBoardCounts', { accountId: 'one' });
    expect(JSON.parse(badInput.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });

    const huge = await rpc('searchPeople', { accountId: 1, query: 'x'.repeat(2 * 1024 * 1024) });
    expect(huge.status).toBe(413);
    expect(JSON.parse(huge.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    // Without a Content-Length the limit is enforced while the body streams in.
    const streamed = await rawRequest(harness.port, '/rpc/listAccounts', {
      method: 'POST',
      headers: { 'x-rapport-token': harness.token, 'transfer-encoding': 'chunked' },
      body: Buffer.alloc(2 * 1024 * 1024, 32),
    });
    expect(streamed.status).toBe(413);
  });

  it('refuses unknown methods and non-POST calls', async () => {
    const unknown = await rpc('dropAllTables', {});
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const proto = await rpc('__proto__', {});
    expect(proto.status).toBe(404);
    const get = await rawRequest(harness.port, '/rpc/listAccounts', { headers: { 'x-rapport-token': harness.token } });
    expect(get.status).toBe(405);
  });

  it('refuses calls without the token or with a wrong one', async () => {
    const missing = await rawRequest(harness.port, '/rpc/listAccounts', { method: 'POST', body: '{}' });
    expect(missing.status).toBe(401);
    const wrong = await rpc('listAccounts', {}, 'x'.repeat(harness.token.length));
    expect(wrong.status).toBe(401);
    const short = await rpc('listAccounts', {}, 'abc');
    expect(short.status).toBe(401);
    expect(wrong.body).not.toContain(harness.token);
  });

  it('refuses event sockets without the right token, from another origin or path', async () => {
    expect(await upgradeStatus(`/events?token=${harness.token}`)).toBe(101);
    expect(await upgradeStatus('/events')).toBe(401);
    expect(await upgradeStatus('/events?token=wrong')).toBe(401);
    expect(await upgradeStatus(`/events?token=${harness.token}`, { origin: 'https://evil.example' })).toBe(403);
    expect(await upgradeStatus(`/elsewhere?token=${harness.token}`)).toBe(404);
  });

  it('refuses requests whose Host is not 127.0.0.1:<port> (DNS rebinding)', async () => {
    for (const host of ['evil.example', `evil.example:${harness.port}`, `localhost:${harness.port}`, '127.0.0.1']) {
      const page = await rawRequest(harness.port, '/', { headers: { host } });
      expect(page.status, host).toBe(403);
      const call = await rawRequest(harness.port, '/rpc/listAccounts', {
        method: 'POST',
        headers: { host, 'x-rapport-token': harness.token },
        body: '{}',
      });
      expect(call.status, host).toBe(403);
    }
    expect(await upgradeStatus(`/events?token=${harness.token}`, { host: 'evil.example' })).toBe(403);
  });

  it('serves index.html with the bridge before the renderer, under a strict CSP', async () => {
    const page = await rawRequest(harness.port, `/?token=${harness.token}`);
    expect(page.status).toBe(200);
    const bridgeAt = page.body.indexOf(BRIDGE_SCRIPT_TAG);
    expect(bridgeAt).toBeGreaterThan(0);
    expect(bridgeAt).toBeLessThan(page.body.indexOf('type="module"'));
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    // The app's meta policy has no socket; the harness allows its own event socket, on its port only.
    expect(page.body).toContain(`content="default-src 'self'; connect-src 'self' ws://127.0.0.1:${harness.port}; object-src 'none'"`);
    expect(String(page.headers['set-cookie'])).toMatch(new RegExp(`^${mediaCookieName(harness.port)}=[\\w-]{40,}; Path=/media/; HttpOnly; SameSite=Strict$`));
    expect(String(page.headers['set-cookie'])).not.toContain(harness.token);

    const anonymous = await rawRequest(harness.port, '/');
    expect(anonymous.status).toBe(200);
    expect(anonymous.headers['set-cookie']).toBeUndefined();

    const bridge = await rawRequest(harness.port, '/harness-bridge.js');
    expect(bridge.status).toBe(200);
    expect(bridge.headers['content-type']).toContain('javascript');
    expect(bridge.body).toContain('listAccounts');
    expect(bridge.body).not.toContain(harness.token);

    const asset = await rawRequest(harness.port, '/assets/app.js');
    expect(asset.body).toBe('console.log("renderer")');
  });

  it('serves cached media only to the page that holds the token', async () => {
    const cookie = await mediaCookie();
    const avatar = await rawRequest(harness.port, '/media/avatars/a.svg', { headers: { cookie } });
    expect(avatar.status).toBe(200);
    expect(avatar.headers['content-type']).toBe('image/svg+xml');
    expect((await rawRequest(harness.port, '/media/avatars/a.svg')).status).toBe(401);
    expect((await rawRequest(harness.port, '/media/avatars/missing.svg', { headers: { cookie } })).status).toBe(404);
  });

  it('serves no media for the RPC token as a cookie', async () => {
    const cookie = `${mediaCookieName(harness.port)}=${harness.token}`;
    expect((await rawRequest(harness.port, '/media/avatars/a.svg', { headers: { cookie } })).status).toBe(401);
  });

  it('the cookie, which every server on 127.0.0.1 receives, can neither call core nor open the event socket', async () => {
    const cookie = await mediaCookie();
    const mediaToken = cookie.slice(cookie.indexOf('=') + 1);
    expect((await rpc('listAccounts', {}, mediaToken)).status).toBe(401);
    const withCookie = await rawRequest(harness.port, '/rpc/listAccounts', { method: 'POST', headers: { cookie }, body: '{}' });
    expect(withCookie.status).toBe(401);
    expect(await upgradeStatus(`/events?token=${encodeURIComponent(mediaToken)}`)).toBe(401);
    expect(await upgradeStatus('/events', { cookie })).toBe(401);
  });

  it('refuses paths that escape the media folder or the renderer build', async () => {
    const cookie = await mediaCookie();
    for (const path of [
      '/media/..%2f..%2fsecret.txt',
      '/media/avatars%2f..%2f..%2f..%2fsecret.txt',
      '/media/%2e%2e%2fsecret.txt',
      '/media/..%5c..%5csecret.txt',
      '/media/avatars%00/a.svg',
      '/media/escape.txt',
      '/..%2fsecret.txt',
      '/assets%2f..%2f..%2fsecret.txt',
    ]) {
      const res = await rawRequest(harness.port, path, { headers: { cookie } });
      expect(res.status, path).toBe(403);
      expect(res.body).not.toContain('outside the media folder');
    }
  });

  it('fails to start on a port already taken, leaving nothing open', async () => {
    const dataDir = join(dir, 'second');
    await expect(startHarness({ dataDir, rendererDir: join(dir, 'renderer'), port: harness.port })).rejects.toThrow(/EADDRINUSE/);
    // The error reaches the caller (devWeb prints it) instead of leaving a half-started harness.
    await rm(dataDir, { recursive: true });
  });

  it('gives core a 0600 key file, so a network account can be added and its session sealed', async () => {
    const fake = new FakeBluesky({ handle: 'me.bsky.social', password: 'app-pass-word-1234' });
    fake.state.generate({ followers: 3, follows: 1 });
    await fake.start();
    try {
      const { account } = await rpcValue<{ account: Account }>('beginSignIn', {
        network: 'bluesky',
        identifier: 'me.bsky.social',
        appPassword: 'app-pass-word-1234',
        serviceUrl: fake.url,
      });
      expect(account).toMatchObject({ network: 'bluesky', handle: 'me.bsky.social' });
      const key = await stat(join(dir, 'data', HARNESS_KEY_FILE));
      expect(key.mode & 0o777).toBe(0o600);
      // Done by the fake's count, not a timer: the sync of 3 followers went through the harness core.
      await expect
        .poll(async () => (await rpcValue<SyncProgress | null>('getSyncStatus', { accountId: account.id }))?.state, { timeout: 20_000 })
        .toBe('done');
      expect(fake.countOf('app.bsky.graph.getFollowers')).toBe(1);
      await rpcValue('removeAccount', { accountId: account.id });
    } finally {
      await fake.stop();
    }
  });

  it('leaves network accounts off when told there is no data key', async () => {
    const other = await startHarness({ dataDir: join(dir, 'keyless'), rendererDir: join(dir, 'renderer'), coreOptions: { dataKey: null } });
    try {
      const envelope = await other.core.call('beginSignIn', { network: 'bluesky', identifier: 'me.bsky.social', appPassword: 'x', serviceUrl: 'http://127.0.0.1:9' });
      expect(envelope).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    } finally {
      await other.close();
    }
  });
});
