// Redirects are followed by the HTTP layer itself, one checked hop at a time: an https URL that
// answers 302 to plain http on the user's machine must not be followed when https-only is on.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { HttpClient } from './httpClient';
import { NetworkFailure } from './networkFailure';

interface Seen {
  path: string;
  method: string;
  authorization: string | null;
  body: string;
}

const servers: Server[] = [];

async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ base: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push({ path: req.url ?? '', method: req.method ?? '', authorization: req.headers.authorization ?? null, body: Buffer.concat(chunks).toString() });
      handler(req, res);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise<void>((resolve) => (s.closeAllConnections(), s.close(() => resolve())))));
});

function redirect(res: ServerResponse, status: number, location: string): void {
  res.writeHead(status, { location });
  res.end();
}

/**
 * An https server we cannot run on loopback without certificates, played at the fetch boundary:
 * it answers 302 to `target`, and, like a real fetch, follows redirects itself unless told
 * `redirect: 'manual'`. Every other URL goes to the real network stack (the loopback servers).
 */
function httpsOriginRedirectingTo(target: string): { fetch: typeof globalThis.fetch; asked: string[] } {
  const asked: string[] = [];
  const fetchLike = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    asked.push(request.url);
    if (!request.url.startsWith('https://')) return globalThis.fetch(request, init);
    const answer = new Response(null, { status: 302, headers: { location: target } });
    return (init?.redirect ?? request.redirect) === 'manual' ? answer : fetchLike(target, { signal: init?.signal });
  };
  return { fetch: fetchLike as typeof globalThis.fetch, asked };
}

async function failure(promise: Promise<unknown>): Promise<NetworkFailure> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(NetworkFailure);
  return error as NetworkFailure;
}

describe('HttpClient redirects', () => {
  it('refuses an https URL that redirects to plain http on this machine when https-only is on', async () => {
    const local = await serve((_req, res) => res.end('secret from a local service'));
    const origin = httpsOriginRedirectingTo(`${local.base}/admin`);
    const http = new HttpClient({ fetch: origin.fetch, httpsOnly: true, serviceName: 'Bluesky', maxRetries: 0 });
    const error = await failure(http.request('https://cdn.example/avatar.jpg'));
    expect(error.message).toMatch(/only connects to Bluesky over https/);
    expect(error.details.reason).toBe('REFUSED_URL');
    expect(local.seen).toEqual([]);
    expect(origin.asked).toEqual(['https://cdn.example/avatar.jpg']);
  });

  it('checks every hop with the URL check the client was given (media: no private literals)', async () => {
    const origin = httpsOriginRedirectingTo('https://10.0.0.7/internal');
    const refuseUrl = (url: URL) => (url.hostname.startsWith('10.') ? `${url.hostname} is a private address.` : null);
    const http = new HttpClient({ fetch: origin.fetch, httpsOnly: true, refuseUrl, maxRetries: 0 });
    const error = await failure(http.request('https://cdn.example/a.png'));
    expect(error.message).toBe('10.0.0.7 is a private address.');
    expect(origin.asked).toEqual(['https://cdn.example/a.png']);
  });

  it('follows up to five hops on loopback in tests, and stops at the sixth', async () => {
    const chain = await serve((req, res) => {
      const left = Number(req.url?.split('/')[2]);
      if (left > 0) redirect(res, 302, `/hop/${left - 1}`);
      else res.end('arrived');
    });
    const http = new HttpClient({ maxRetries: 0 });
    expect(await (await http.request(`${chain.base}/hop/5`)).text()).toBe('arrived');
    expect(chain.seen).toHaveLength(6);
    const error = await failure(http.request(`${chain.base}/hop/6`));
    expect(error.details.reason).toBe('TOO_MANY_REDIRECTS');
    expect(chain.seen).toHaveLength(6 + 6);
  });

  it('drops credentials when a redirect changes origin, keeps them on the same origin', async () => {
    const other = await serve((_req, res) => res.end('other'));
    const first = await serve((req, res) => {
      if (req.url === '/same') redirect(res, 302, '/landed');
      else if (req.url === '/away') redirect(res, 302, `${other.base}/landed`);
      else res.end('here');
    });
    const http = new HttpClient({ maxRetries: 0 });
    const headers = { authorization: 'Bearer token-1' };
    await http.request(`${first.base}/same`, { headers });
    await http.request(`${first.base}/away`, { headers });
    expect(first.seen.map((s) => [s.path, s.authorization])).toEqual([
      ['/same', 'Bearer token-1'],
      ['/landed', 'Bearer token-1'],
      ['/away', 'Bearer token-1'],
    ]);
    expect(other.seen).toEqual([expect.objectContaining({ path: '/landed', authorization: null })]);
  });

  it('turns a POST into a GET on 303 and re-sends the body on 307', async () => {
    const server = await serve((req, res) => {
      if (req.url === '/see-other') redirect(res, 303, '/result');
      else if (req.url === '/temporary') redirect(res, 307, '/again');
      else res.end('ok');
    });
    const http = new HttpClient({ maxRetries: 0 });
    await http.request(`${server.base}/see-other`, { method: 'POST', body: 'payload' });
    await http.request(`${server.base}/temporary`, { method: 'POST', body: 'payload' });
    expect(server.seen.map((s) => `${s.method} ${s.path} ${s.body}`)).toEqual([
      'POST /see-other payload',
      'GET /result ',
      'POST /temporary payload',
      'POST /again payload',
    ]);
  });

  it('hands a redirect back untouched when the caller asked for manual redirects', async () => {
    const server = await serve((_req, res) => redirect(res, 302, '/elsewhere'));
    const response = await new HttpClient({ maxRetries: 0 }).request(`${server.base}/x`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/elsewhere');
    expect(server.seen).toHaveLength(1);
  });
});
