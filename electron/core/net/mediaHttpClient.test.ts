// The app's media client: with the test allowance off (as entryCoreOptions sets it for the app),
// nothing on this machine or the LAN is reachable, literal or by name, first URL or redirect hop.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { pngHeader } from '../../../test/fakes/imageBytes';
import { entryCoreOptions } from '../entryCoreOptions';
import { downloadImage } from './imageDownload';
import { createMediaHttpClient } from './mediaHttpClient';
import { NetworkFailure } from './networkFailure';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise<void>((resolve) => (s.closeAllConnections(), s.close(() => resolve())))));
});

/** A loopback image host that counts connections; `redirectTo` makes it answer 302 instead. */
async function imageHost(redirectTo?: string): Promise<{ origin: string; connections: () => number }> {
  let connections = 0;
  const server = createServer((_req, res) => {
    if (redirectTo) {
      res.writeHead(302, { location: redirectTo });
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': 'image/png' });
    res.end(pngHeader(32, 32));
  });
  server.on('connection', () => connections++);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, connections: () => connections };
}

const appHttp = entryCoreOptions({ dataDir: '/data' }, true).http;

async function refused(promise: Promise<unknown>): Promise<NetworkFailure> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(NetworkFailure);
  return error as NetworkFailure;
}

describe('createMediaHttpClient', () => {
  it('in the app, refuses private and loopback literals before connecting, whatever the scheme', async () => {
    const local = await imageHost();
    const media = createMediaHttpClient(appHttp);
    const port = new URL(local.origin).port;
    for (const url of [`https://127.0.0.1:${port}/a.png`, `https://[::ffff:127.0.0.1]:${port}/a.png`, `https://[::1]:${port}/a.png`, 'https://10.0.0.7/a.png', 'https://169.254.169.254/a.png', 'https://[fd00::7]/a.png']) {
      const error = await refused(downloadImage(media, url, { maxBytes: 1024 }));
      expect(error.details.reason, url).toMatch(/^REFUSED_/);
      expect(error.details.attempts).toBe(0);
    }
    expect(await refused(downloadImage(media, `http://127.0.0.1:${port}/a.png`, { maxBytes: 1024 }))).toMatchObject({ message: expect.stringMatching(/https/) });
    expect(local.connections()).toBe(0);
  });

  it('in the app, refuses a name that resolves to this machine, at connect time', async () => {
    const local = await imageHost();
    const media = createMediaHttpClient({ ...appHttp, resolveAll: async () => [{ address: '127.0.0.1', family: 4 }] });
    const error = await refused(downloadImage(media, `https://images.example:${new URL(local.origin).port}/a.png`, { maxBytes: 1024 }));
    expect(error.details.reason).toBe('REFUSED_ADDRESS');
    expect(local.connections()).toBe(0);
  });

  it('in tests, reaches the loopback fakes but not a redirect from them to a private address', async () => {
    const fake = await imageHost();
    const media = createMediaHttpClient({});
    const image = await downloadImage(media, `${fake.origin}/a.png`, { maxBytes: 1024 });
    expect(image.contentType).toBe('image/png');
    const redirecting = await imageHost('https://192.168.1.1/router.png');
    const error = await refused(downloadImage(media, `${redirecting.origin}/a.png`, { maxBytes: 1024 }));
    expect(error.details.reason).toBe('REFUSED_URL');
    expect(error.message).toMatch(/192\.168\.1\.1: not a public internet address/);
  });

  it('tries an image once: no retries on a refused connection, and the error names the image host', async () => {
    const media = createMediaHttpClient({});
    const closed = await imageHost();
    const origin = closed.origin;
    await new Promise<void>((resolve) => servers.splice(0)[0]!.close(() => resolve()));
    const error = await refused(downloadImage(media, `${origin}/a.png`, { maxBytes: 1024 }));
    expect(error.code).toBe('OFFLINE');
    expect(error.details.attempts).toBe(1);
    expect(error.message).toContain(new URL(origin).host);
  });
});
