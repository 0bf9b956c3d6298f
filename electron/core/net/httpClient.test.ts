import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { HttpClient, RATE_LIMIT_MARGIN_MS } from './httpClient';
import type { LogFields, NetLogger } from './netLogger';
import { NetworkFailure } from './networkFailure';

type Handler = (req: IncomingMessage, res: ServerResponse, hit: number) => void;

const servers: Server[] = [];

async function serve(handler: Handler): Promise<{ base: string; hits: () => number }> {
  let hits = 0;
  const server = createServer((req, res) => {
    hits++;
    handler(req, res, hits);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { base: `http://127.0.0.1:${port}`, hits: () => hits };
}

afterEach(async () => {
  await Promise.all(
    servers.splice(0).map(
      (s) =>
        new Promise<void>((resolve) => {
          s.closeAllConnections();
          s.close(() => resolve());
        }),
    ),
  );
});

function recordingSleep(): { sleep: (ms: number) => Promise<void>; waits: number[] } {
  const waits: number[] = [];
  return { waits, sleep: async (ms) => void waits.push(ms) };
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

async function failure(promise: Promise<unknown>): Promise<NetworkFailure> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof NetworkFailure) return error;
    throw error;
  }
  throw new Error('expected the request to fail');
}

describe('HttpClient', () => {
  it('waits at least Retry-After (2 s) after a 429 and then completes', async () => {
    const { base, hits } = await serve((_req, res, hit) => {
      if (hit === 1) json(res, 429, { error: 'RateLimitExceeded', message: 'slow down' }, { 'retry-after': '2' });
      else json(res, 200, { ok: true });
    });
    const { sleep, waits } = recordingSleep();
    const client = new HttpClient({ sleep });
    const response = await client.request(`${base}/xrpc/app.bsky.graph.getFollowers?actor=x`);
    expect(await response.json()).toEqual({ ok: true });
    expect(hits()).toBe(2);
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThanOrEqual(2000);
  });

  it('stops with NETWORK_ERROR after five 500s in a row (bounded retries, jittered backoff)', async () => {
    const { base, hits } = await serve((_req, res) => json(res, 500, { error: 'InternalServerError' }));
    const { sleep, waits } = recordingSleep();
    const client = new HttpClient({ sleep, maxRetries: 4, backoff: { baseMs: 100, capMs: 1000 }, random: () => 0.999 });
    const error = await failure(client.request(`${base}/xrpc/app.bsky.graph.getFollows`));
    expect(error.code).toBe('NETWORK_ERROR');
    expect(error.message).toMatch(/server errors \(HTTP 500, 5 attempts\)/);
    expect(error.details.ambiguous).toBe(false);
    expect(hits()).toBe(5);
    // Full jitter: each wait is below min(cap, base·2^attempt).
    expect(waits).toHaveLength(4);
    waits.forEach((ms, attempt) => expect(ms).toBeLessThan(Math.min(1000, 100 * 2 ** attempt)));
    expect(waits[3]).toBeGreaterThan(waits[0] ?? 0);
  });

  it('recovers when a burst of 5xx ends within the retry budget', async () => {
    const { base, hits } = await serve((_req, res, hit) => (hit <= 3 ? json(res, 503, {}) : json(res, 200, { fine: 1 })));
    const { sleep } = recordingSleep();
    const response = await new HttpClient({ sleep }).request(`${base}/xrpc/x.y.z`);
    expect(response.status).toBe(200);
    expect(hits()).toBe(4);
  });

  it('never re-sends a write after a 5xx: the error says it may have been applied', async () => {
    const { base, hits } = await serve((_req, res) => json(res, 502, {}));
    const { sleep } = recordingSleep();
    const client = new HttpClient({ sleep });
    const error = await failure(client.request(`${base}/xrpc/com.atproto.repo.createRecord`, { method: 'POST', body: '{}' }));
    expect(error.code).toBe('NETWORK_ERROR');
    expect(error.details.ambiguous).toBe(true);
    expect(hits()).toBe(1);
  });

  it('never re-sends a write whose connection dropped after the server received it', async () => {
    const { base, hits } = await serve((req) => req.socket.destroy());
    const { sleep } = recordingSleep();
    const error = await failure(new HttpClient({ sleep }).request(`${base}/xrpc/w`, { method: 'POST', body: 'x' }));
    expect(error.code).toBe('NETWORK_ERROR');
    expect(error.details.ambiguous).toBe(true);
    expect(hits()).toBe(1);
  });

  it('re-sends a write after a 429, since the server did not act on it', async () => {
    const { base, hits } = await serve((_req, res, hit) => (hit === 1 ? json(res, 429, {}, { 'retry-after': '7' }) : json(res, 200, {})));
    const { sleep, waits } = recordingSleep();
    const response = await new HttpClient({ sleep }).request(`${base}/xrpc/w`, { method: 'POST', body: 'x' });
    expect(response.status).toBe(200);
    expect(hits()).toBe(2);
    expect(waits).toEqual([7000 + RATE_LIMIT_MARGIN_MS]);
  });

  it('retries a dropped GET and succeeds', async () => {
    const { base, hits } = await serve((req, res, hit) => (hit === 1 ? req.socket.destroy() : json(res, 200, { n: hit })));
    const { sleep } = recordingSleep();
    const response = await new HttpClient({ sleep }).request(`${base}/xrpc/r`);
    expect(await response.json()).toEqual({ n: 2 });
    expect(hits()).toBe(2);
  });

  it('reports OFFLINE when nothing listens', async () => {
    const { base } = await serve((_req, res) => json(res, 200, {}));
    await new Promise<void>((resolve) => servers.pop()?.close(() => resolve()));
    const { sleep } = recordingSleep();
    const error = await failure(new HttpClient({ sleep, maxRetries: 1 }).request(`${base}/xrpc/r`));
    expect(error.code).toBe('OFFLINE');
    expect(error.details.ambiguous).toBe(false);
  });

  it('times out a request that never answers and gives up after bounded retries', async () => {
    const { base, hits } = await serve(() => {
      /* never answers */
    });
    const { sleep } = recordingSleep();
    const error = await failure(new HttpClient({ sleep, timeoutMs: 100, maxRetries: 2 }).request(`${base}/xrpc/slow`));
    expect(error.code).toBe('NETWORK_ERROR');
    expect(error.message).toMatch(/did not answer/);
    expect(hits()).toBe(3);
  });

  it('waits for the reset before sending once RateLimit-Remaining reached 0', async () => {
    let clock = 1_800_000_000_000;
    const resetSeconds = clock / 1000 + 42;
    const { base, hits } = await serve((_req, res, hit) =>
      json(res, 200, { hit }, { 'ratelimit-limit': '10', 'ratelimit-remaining': hit === 1 ? '0' : '9', 'ratelimit-reset': String(resetSeconds) }),
    );
    const waits: number[] = [];
    const client = new HttpClient({
      now: () => clock,
      sleep: async (ms) => {
        waits.push(ms);
        clock += ms;
      },
    });
    await client.request(`${base}/xrpc/a`);
    await client.request(`${base}/xrpc/a`);
    expect(waits).toEqual([42_000 + RATE_LIMIT_MARGIN_MS]);
    expect(hits()).toBe(2);
  });

  it('keeps one window per resource the server names, so a spent GraphQL window does not hold up REST', async () => {
    let clock = 1_800_000_000_000;
    const resetSeconds = clock / 1000 + 42;
    const { base } = await serve((req, res) => {
      const graphql = req.url === '/graphql';
      json(res, 200, {}, {
        'x-ratelimit-resource': graphql ? 'graphql' : 'core',
        'x-ratelimit-remaining': graphql ? '0' : '4999',
        'x-ratelimit-reset': String(resetSeconds),
      });
    });
    const waits: number[] = [];
    const client = new HttpClient({
      now: () => clock,
      sleep: async (ms) => {
        waits.push(ms);
        clock += ms;
      },
    });
    await client.request(`${base}/graphql`, { method: 'POST', body: '{}' });
    await client.request(`${base}/users/octocat`);
    await client.request(`${base}/user/followers`);
    expect(waits).toEqual([]);
    await client.request(`${base}/users/octocat`);
    expect(waits).toEqual([]);
    await client.request(`${base}/graphql`, { method: 'POST', body: '{}' });
    expect(waits).toEqual([42_000 + RATE_LIMIT_MARGIN_MS]);
  });

  it('tells whoever watches the caller’s signal until when a 429 holds the request, and when it goes on', async () => {
    const clock = 1_800_000_000_000;
    const { base } = await serve((_req, res, hit) => (hit === 1 ? json(res, 429, {}, { 'retry-after': '30' }) : json(res, 200, {})));
    const heard: (number | null)[] = [];
    const client = new HttpClient({ now: () => clock, sleep: async () => void heard.push(-1) });
    const mine = new AbortController();
    const other = new AbortController();
    client.limitWaits.watch(mine.signal, (until) => heard.push(until));
    const stopOther = client.limitWaits.watch(other.signal, () => heard.push(-2));
    await client.request(`${base}/xrpc/a`, { signal: mine.signal });
    // Told before the sleep (-1) and after it; a request under another signal hears nothing.
    expect(heard).toEqual([clock + 30_000 + RATE_LIMIT_MARGIN_MS, -1, null]);
    stopOther();
  });

  it('ends with RATE_LIMITED when the server asks for a wait longer than allowed', async () => {
    const { base } = await serve((_req, res) => json(res, 429, {}, { 'retry-after': '3600' }));
    const error = await failure(new HttpClient({ maxRateLimitWaitMs: 60_000 }).request(`${base}/xrpc/a`));
    expect(error.code).toBe('RATE_LIMITED');
    expect(error.details.retryAt).not.toBeNull();
  });

  it('counts every request per endpoint, retries included', async () => {
    const { base } = await serve((req, res) => (req.url?.includes('flaky') && !req.headers['x-ok'] ? json(res, 500, {}) : json(res, 200, {})));
    const { sleep } = recordingSleep();
    const client = new HttpClient({ sleep, maxRetries: 1 });
    await client.request(`${base}/xrpc/app.bsky.actor.getProfiles?actors=a`);
    await client.request(`${base}/xrpc/app.bsky.actor.getProfiles?actors=b`);
    await failure(client.request(`${base}/xrpc/flaky`));
    await client.request(`${base}/media/a.png`);
    expect(client.counter.snapshot()).toEqual({
      'app.bsky.actor.getProfiles': 2,
      flaky: 2,
      [`${new URL(base).host}/media/a.png`]: 1,
    });
    expect(client.counter.total()).toBe(5);
  });

  it('talks plain http to this machine only, and not at all when https-only (the app)', async () => {
    const { base, hits } = await serve((_req, res) => json(res, 200, { ok: true }));
    expect((await new HttpClient().request(`${base}/xrpc/x.y.z`)).status).toBe(200);
    const refused = await failure(new HttpClient({ httpsOnly: true }).request(`${base}/xrpc/x.y.z`));
    expect(refused.code).toBe('NETWORK_ERROR');
    expect(refused.message).toMatch(/only connects to .* over https/);
    const elsewhere = await failure(new HttpClient().request('http://example.invalid/avatar.png'));
    expect(elsewhere.message).toMatch(/over https/);
    expect(hits()).toBe(1);
  });

  it('leaves no abort listener behind on the caller’s signal', async () => {
    const { base } = await serve((_req, res) => json(res, 200, { ok: true }));
    const controller = new AbortController();
    let added = 0;
    let removed = 0;
    const add = controller.signal.addEventListener.bind(controller.signal);
    const remove = controller.signal.removeEventListener.bind(controller.signal);
    controller.signal.addEventListener = ((...args: Parameters<AbortSignal['addEventListener']>) => {
      added++;
      add(...args);
    }) as AbortSignal['addEventListener'];
    controller.signal.removeEventListener = ((...args: Parameters<AbortSignal['removeEventListener']>) => {
      removed++;
      remove(...args);
    }) as AbortSignal['removeEventListener'];
    const client = new HttpClient();
    for (let i = 0; i < 5; i++) await client.request(`${base}/xrpc/x.y.z`, { signal: controller.signal });
    expect(added).toBe(removed);
  });

  it('refuses a body over the size cap', async () => {
    const { base } = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'image/png' });
      res.end(Buffer.alloc(5000));
    });
    const error = await failure(new HttpClient().request(`${base}/big.png`, undefined, { maxBodyBytes: 1000 }));
    expect(error.message).toMatch(/larger than 1000 bytes/);
  });

  it('rethrows a caller abort without retrying', async () => {
    const { base, hits } = await serve(() => {
      /* never answers */
    });
    const controller = new AbortController();
    const pending = new HttpClient().request(`${base}/xrpc/slow`, undefined, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('user cancelled')), 50);
    await expect(pending).rejects.toThrow('user cancelled');
    expect(hits()).toBe(1);
  });

  it('logs no Authorization header, token or password', async () => {
    const { base } = await serve((_req, res, hit) => (hit === 1 ? json(res, 500, {}) : json(res, 401, { error: 'AuthRequired' })));
    const lines: string[] = [];
    const capture = (message: string, fields?: LogFields) => void lines.push(message + JSON.stringify(fields ?? {}));
    const logger: NetLogger = { debug: capture, warn: capture };
    const { sleep } = recordingSleep();
    const client = new HttpClient({ sleep, logger });
    await client.request(`${base}/xrpc/com.atproto.server.getSession?token=query-secret-123`, {
      headers: { authorization: 'Bearer access-jwt-secret-xyz' },
    });
    await failure(
      client.request(`${base}/xrpc/com.atproto.server.createSession`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ identifier: 'ada.test', password: 'app-password-secret' }),
      }),
    ).catch(() => undefined);
    const logged = lines.join('\n');
    expect(lines.length).toBeGreaterThan(0);
    for (const secret of ['access-jwt-secret-xyz', 'Bearer', 'query-secret-123', 'app-password-secret', 'authorization']) {
      expect(logged).not.toContain(secret);
    }
  });
});
