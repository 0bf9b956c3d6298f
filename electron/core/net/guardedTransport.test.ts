// The media transport decides where a socket may go from the address it actually connects to.
// Names are resolved by an injected lookup, so no test asks a real DNS server.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { guardedFetch, type ResolveAll } from './guardedTransport';
import { HttpClient } from './httpClient';
import { NetworkFailure } from './networkFailure';

const servers: Server[] = [];

async function loopbackServer(): Promise<{ port: number; connections: () => number }> {
  let connections = 0;
  const server = createServer((_req, res) => res.end('local'));
  server.on('connection', () => connections++);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, connections: () => connections };
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise<void>((resolve) => (s.closeAllConnections(), s.close(() => resolve())))));
});

/** Every name resolves to these addresses (a rebinding attacker's DNS). */
const resolvesTo = (...addresses: string[]): ResolveAll => async () => addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

async function refusal(promise: Promise<unknown>): Promise<NetworkFailure> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(NetworkFailure);
  return error as NetworkFailure;
}

describe('guardedFetch', () => {
  it('refuses a name that resolves to loopback at connect time, before any connection', async () => {
    const local = await loopbackServer();
    const fetch = guardedFetch({ policy: 'public', resolveAll: resolvesTo('127.0.0.1') });
    const error = await refusal(fetch(`http://rebind.example:${local.port}/avatar.png`));
    expect(error.details.reason).toBe('REFUSED_ADDRESS');
    expect(error.message).toMatch(/rebind\.example \(127\.0\.0\.1\)/);
    expect(local.connections()).toBe(0);
  });

  it('refuses a name with one private address among public ones', async () => {
    const local = await loopbackServer();
    const fetch = guardedFetch({ policy: 'public', resolveAll: resolvesTo('93.184.216.34', '::ffff:127.0.0.1') });
    expect((await refusal(fetch(`http://mixed.example:${local.port}/`))).details.reason).toBe('REFUSED_ADDRESS');
    expect(local.connections()).toBe(0);
  });

  it('refuses private and loopback literals (IPv4, IPv6, IPv4-mapped) without connecting', async () => {
    const local = await loopbackServer();
    const fetch = guardedFetch({ policy: 'public' });
    for (const host of ['127.0.0.1', '[::ffff:127.0.0.1]', '[::1]']) {
      expect((await refusal(fetch(`http://${host}:${local.port}/`))).details.reason).toBe('REFUSED_ADDRESS');
    }
    await refusal(fetch('https://192.168.1.1/a.png'));
    await refusal(fetch('https://[fd00::1]/a.png'));
    await refusal(fetch('https://169.254.169.254/latest/meta-data'));
    expect(local.connections()).toBe(0);
  });

  it('reaches the loopback fakes when the test allowance is on', async () => {
    const local = await loopbackServer();
    const fetch = guardedFetch({ policy: 'public-or-loopback', resolveAll: resolvesTo('127.0.0.1') });
    expect(await (await fetch(`http://127.0.0.1:${local.port}/`)).text()).toBe('local');
    expect(await (await fetch(`http://fake.test:${local.port}/`)).text()).toBe('local');
  });

  it('reports a name that does not resolve as unreachable, with its DNS code, in one attempt', async () => {
    let lookups = 0;
    const notFound: ResolveAll = async (hostname) => {
      lookups++;
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND', hostname });
    };
    const http = new HttpClient({ fetch: guardedFetch({ policy: 'public', resolveAll: notFound }), maxRetries: 0 });
    const error = await refusal(http.request('https://avatars.invalid/a.png'));
    expect(error.code).toBe('OFFLINE');
    expect(error.details.reason).toBe('ENOTFOUND');
    expect(error.message).toMatch(/avatars\.invalid/);
    expect(lookups).toBe(1);
  });
});
