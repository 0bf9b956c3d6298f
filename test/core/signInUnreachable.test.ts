// A sign-in to a server that cannot be reached: nothing retries a sign-in, so the message says
// what to do (check the address and the connection, then try again), never "Rapport will try again
// when it is back", the wording for background syncs and queued actions.
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/createCore';
import type { CoreHandle } from '../../electron/core/coreTypes';
import type { Envelope } from '../../shared/api/errors';
import { coreOptions } from './blueskyCoreKit';
import { callOk, makeTempDir, removeDir } from './coreTestKit';

/** A loopback port nothing listens on: connecting to it is refused at once. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function expectSignInAdvice(envelope: Envelope<unknown>, server: string): void {
  expect(envelope.ok).toBe(false);
  if (envelope.ok) return;
  expect(envelope.error.code, envelope.error.message).toBe('OFFLINE');
  expect(envelope.error.message).toBe(
    `${server} could not be reached (ECONNREFUSED). Check the server address and your internet connection, then try again.`,
  );
  expect(envelope.error.message).not.toMatch(/try again when it is back/);
}

let core: CoreHandle;
let dataDir: string;

async function startCore(): Promise<void> {
  dataDir = makeTempDir('sign-in-unreachable');
  core = await createCore(coreOptions(dataDir, { allowLoopbackHttp: true }));
}

afterEach(async () => {
  await core.close();
  removeDir(dataDir);
});

describe('signing in to a server that cannot be reached', () => {
  it('Bluesky: says to check the address and the connection', async () => {
    await startCore();
    const serviceUrl = `http://127.0.0.1:${await closedPort()}`;
    const envelope = await core.call('beginSignIn', { network: 'bluesky', identifier: 'me.bsky.social', appPassword: 'abcd-efgh-ijkl-mnop', serviceUrl });
    expectSignInAdvice(envelope, 'The Bluesky server');
    expect(await callOk(core, 'listAccounts', {})).toEqual([]);
  });

  it('Mastodon: says the same when the sign-in starts', async () => {
    await startCore();
    expectSignInAdvice(await core.call('beginSignIn', { network: 'mastodon', instance: `http://127.0.0.1:${await closedPort()}` }), 'The Mastodon server');
  });
});
