import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/openDatabase';
import { SecretBox } from '../../secrets/secretBox';
import { SettingsSecretStorage } from '../../secrets/secretStorage';
import { FakeBluesky } from '../../../../test/fakes/bluesky/fakeBluesky';
import { HttpClient } from '../../net/httpClient';
import { BlueskyProvider } from './blueskyProvider';
import { BlueskySession } from './blueskySession';
import { MemorySessionStore, sealedBlueskySessionStore } from './blueskySessionStore';
import { rapportError } from '../../../../test/rapportErrorOf';

let fake: FakeBluesky | null = null;
afterEach(async () => {
  await fake?.stop();
  fake = null;
});

async function started(): Promise<FakeBluesky> {
  fake = new FakeBluesky({ handle: 'ada.bsky.social', password: 'aaaa-bbbb-cccc-dddd', email: 'ada@example.com' });
  fake.state.generate({ followers: 5, follows: 0 });
  await fake.start();
  return fake;
}

describe('BlueskySession', () => {
  it('signs in with a handle (resolved to a DID first) or an email, and stores the session', async () => {
    const server = await started();
    const store = new MemorySessionStore();
    const session = await BlueskySession.signIn(new HttpClient(), store, { identifier: '@ada.bsky.social', password: 'aaaa-bbbb-cccc-dddd', serviceUrl: server.url });
    expect(session.did).toBe(server.state.self.did);
    expect(server.countOf('com.atproto.identity.resolveHandle')).toBe(1);
    expect((await store.load())?.did).toBe(server.state.self.did);

    await BlueskySession.signIn(new HttpClient(), store, { identifier: 'ada@example.com', password: 'aaaa-bbbb-cccc-dddd', serviceUrl: server.url });
    expect(server.countOf('com.atproto.identity.resolveHandle')).toBe(1); // emails are not handles
    expect(server.countOf('com.atproto.server.createSession')).toBe(2);
  });

  it('reports a wrong app password, and an unknown handle without spending a login', async () => {
    const server = await started();
    const http = new HttpClient();
    const wrong = await rapportError(
      BlueskySession.signIn(http, new MemorySessionStore(), { identifier: 'ada.bsky.social', password: 'nope-nope-nope-nope', serviceUrl: server.url }),
    );
    expect(wrong.code).toBe('AUTH_EXPIRED');
    expect(wrong.message).toBe('Bluesky did not accept that handle and app password.');
    expect(wrong.message).not.toContain('nope');

    const unknown = await rapportError(
      BlueskySession.signIn(http, new MemorySessionStore(), { identifier: 'nobody.bsky.social', password: 'x', serviceUrl: server.url }),
    );
    expect(unknown.code).toBe('NOT_FOUND');
    expect(server.countOf('com.atproto.server.createSession')).toBe(1);
  });

  it('refuses a non-https server address', async () => {
    const error = await rapportError(
      BlueskySession.signIn(new HttpClient(), new MemorySessionStore(), { identifier: 'a.b', password: 'x', serviceUrl: 'http://pds.example.com' }),
    );
    expect(error.code).toBe('INVALID_INPUT');
  });

  it('resumes a stored session without logging in, and refreshes it when it has expired', async () => {
    const server = await started();
    const store = new MemorySessionStore();
    await BlueskySession.signIn(new HttpClient(), store, { identifier: 'ada.bsky.social', password: 'aaaa-bbbb-cccc-dddd', serviceUrl: server.url });
    server.sessions.expireAccessTokens();

    // A new process: only the store survives.
    const http = new HttpClient();
    const resumed = await BlueskySession.resume(http, store);
    expect(resumed).not.toBeNull();
    const provider = new BlueskyProvider({ session: resumed!, http });
    const page = await provider.listFollowers(null, 100);
    expect(page.items).toHaveLength(5);
    expect(server.countOf('com.atproto.server.createSession')).toBe(1);
    expect(server.countOf('com.atproto.server.refreshSession')).toBe(1);
    expect(store.saves).toBe(2);
  });

  it('has nothing to resume from an empty store', async () => {
    expect(await BlueskySession.resume(new HttpClient(), new MemorySessionStore())).toBeNull();
  });

  it('keeps the app password and every token out of the database file', async () => {
    const server = await started();
    const dir = mkdtempSync(join(tmpdir(), 'rapport-bsky-session-'));
    try {
      const file = join(dir, 'rapport.db');
      const db = openDatabase(file);
      const store = sealedBlueskySessionStore(new SettingsSecretStorage(db), new SecretBox(SecretBox.generateKey()), '1');
      const http = new HttpClient();
      const session = await BlueskySession.signIn(http, store, { identifier: 'ada.bsky.social', password: 'aaaa-bbbb-cccc-dddd', serviceUrl: server.url });
      server.sessions.expireAccessTokens();
      await new BlueskyProvider({ session, http }).listFollowers(null, 100); // forces a refresh and a second save
      expect(server.countOf('com.atproto.server.refreshSession')).toBe(1);
      expect((await store.load())?.did).toBe(server.state.self.did);
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
      const bytes = readFileSync(file).toString('latin1');
      expect(bytes).toContain('secret:bluesky-session:1');
      expect(server.sessions.issuedTokens).toHaveLength(4);
      for (const secret of ['aaaa-bbbb-cccc-dddd', ...server.sessions.issuedTokens]) expect(bytes).not.toContain(secret);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
