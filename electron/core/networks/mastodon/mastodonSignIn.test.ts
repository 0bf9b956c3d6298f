// The whole Mastodon sign-in over real loopback HTTP against the fake: app registration once per
// instance, PKCE S256 authorization code through the loopback redirect (the test plays the
// browser by following the authorize URL), the out-of-band fallback, and every way it can fail
// without storing anything.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/openDatabase';
import { HttpClient } from '../../net/httpClient';
import { MastodonProvider } from './mastodonProvider';
import { SecretBox } from '../../secrets/secretBox';
import { MemorySecretStorage, SettingsSecretStorage, type SecretStorage } from '../../secrets/secretStorage';
import { FakeMastodon } from '../../../../test/fakes/mastodon/fakeMastodon';
import { MastodonCredentialStore } from './mastodonCredentialStore';
import { beginMastodonSignIn, type MastodonSignInOptions, type PendingMastodonSignIn } from './mastodonSignIn';
import { signOutOfMastodon } from './mastodonSignOut';
import { createPkcePair } from '../../auth/pkce';
import { rapportError } from '../../../../test/rapportErrorOf';

const fakes: FakeMastodon[] = [];
const pendings: PendingMastodonSignIn[] = [];
afterEach(async () => {
  await Promise.all(pendings.splice(0).map((p) => p.cancel()));
  await Promise.all(fakes.splice(0).map((f) => f.stop()));
});

async function startFake(): Promise<FakeMastodon> {
  const fake = new FakeMastodon({ username: 'ada' });
  fake.state.generate({ followers: 5, seed: 3 });
  await fake.start();
  fakes.push(fake);
  return fake;
}

function setup(storage: SecretStorage = new MemorySecretStorage()) {
  const http = new HttpClient({ serviceName: 'Mastodon', sleep: async () => {} });
  const credentials = new MastodonCredentialStore(storage, new SecretBox(SecretBox.generateKey()));
  const options: MastodonSignInOptions = { http, credentials, allowLoopbackHttp: true };
  return { http, credentials, options, storage };
}

async function begin(input: string, options: MastodonSignInOptions): Promise<PendingMastodonSignIn> {
  const pending = await beginMastodonSignIn(input, options);
  pendings.push(pending);
  return pending;
}

/** What the system browser does: open the authorize URL, follow the redirect to the loopback server. */
async function playBrowser(authorizeUrl: string): Promise<Response> {
  const authorize = await fetch(authorizeUrl, { redirect: 'manual' });
  expect(authorize.status).toBe(302);
  const location = authorize.headers.get('location')!;
  expect(location).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback\?code=.+&state=.+$/);
  return fetch(location);
}

function storedNames(storage: MemorySecretStorage): string[] {
  return [...storage.values.keys()].sort();
}

describe('Mastodon sign-in', () => {
  it('completes a PKCE round trip through the loopback redirect and stores the grant sealed', async () => {
    const fake = await startFake();
    const storage = new MemorySecretStorage();
    const { http, credentials, options } = setup(storage);
    const pending = await begin(fake.url, options);
    const authorize = new URL(pending.authorizeUrl);
    expect(authorize.origin).toBe(fake.url);
    expect(authorize.pathname).toBe('/oauth/authorize');
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({
      response_type: 'code',
      redirect_uri: pending.redirectUri,
      scope: 'read:accounts read:follows write:follows read:statuses write:statuses read:notifications',
      code_challenge_method: 'S256',
    });
    expect(authorize.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(authorize.searchParams.get('state')!.length).toBeGreaterThanOrEqual(32);

    const completing = pending.complete();
    const page = await playBrowser(pending.authorizeUrl);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('You can close this tab');
    const grant = await completing;
    expect(grant).toMatchObject({ origin: fake.url, accountId: fake.state.self.id, acct: 'ada@127.0.0.1' });

    // Stored sealed under the instance and account; nothing readable in storage.
    expect(storedNames(storage)).toEqual([`mastodon-client:${fake.url}`, `mastodon-token:${fake.url}:${fake.state.self.id}`]);
    const blob = [...storage.values.values()].join('\n');
    for (const secret of fake.oauth.issuedSecrets) expect(blob).not.toContain(secret);
    const reloaded = await credentials.loadGrant(fake.url, fake.state.self.id);
    expect(reloaded?.accessToken).toBe(grant.accessToken);

    // The token works for the provider.
    const provider = new MastodonProvider({ http, origin: grant.origin, accessToken: grant.accessToken, accountId: grant.accountId });
    expect((await provider.getSelf()).handle).toBe('ada@127.0.0.1');
    // The loopback server is gone once the code arrived.
    await expect(fetch(pending.redirectUri)).rejects.toThrow();
  });

  it('registers the app once per instance and asks for write:accounts only with note sync', async () => {
    const fake = await startFake();
    const { options } = setup();
    const first = await begin(fake.url, options);
    const firstDone = first.complete();
    await playBrowser(first.authorizeUrl);
    await firstDone;
    const second = await begin(fake.url, { ...options, noteSync: true });
    expect(new URL(second.authorizeUrl).searchParams.get('scope')).toBe('read:accounts read:follows write:follows read:statuses write:statuses read:notifications write:accounts');
    const secondDone = second.complete();
    await playBrowser(second.authorizeUrl);
    expect((await secondDone).scope).toContain('write:accounts');
    expect(fake.countOf('POST /api/v1/apps')).toBe(1);
    expect(fake.oauth.apps.size).toBe(1);
    expect([...fake.oauth.apps.values()][0]!.redirectUris).toEqual(['http://127.0.0.1/callback', 'urn:ietf:wg:oauth:2.0:oob']);
  });

  it('registers again when the stored app was registered before Rapport asked to read notifications', async () => {
    const fake = await startFake();
    const { options, credentials } = setup();
    const old = fake.oauth.registerApp({
      client_name: 'Rapport',
      redirect_uris: 'http://127.0.0.1/callback urn:ietf:wg:oauth:2.0:oob',
      scopes: 'read:accounts read:follows write:follows read:statuses write:statuses write:accounts',
    });
    await credentials.saveClient({
      origin: fake.url,
      clientId: old.clientId,
      clientSecret: old.clientSecret,
      redirectUris: ['http://127.0.0.1/callback', 'urn:ietf:wg:oauth:2.0:oob'],
      scopes: 'read:accounts read:follows write:follows read:statuses write:statuses write:accounts',
    });
    const pending = await begin(fake.url, options);
    const done = pending.complete();
    await playBrowser(pending.authorizeUrl);
    expect((await done).scope).toContain('read:notifications');
    expect(fake.countOf('POST /api/v1/apps')).toBe(1);
  });

  it('refuses a wrong PKCE verifier with a clear message and stores no token', async () => {
    const fake = await startFake();
    const storage = new MemorySecretStorage();
    const { options } = setup(storage);
    const honest = createPkcePair();
    const pending = await begin(fake.url, { ...options, pkce: { ...honest, verifier: createPkcePair().verifier } });
    const completing = rapportError(pending.complete());
    await playBrowser(pending.authorizeUrl);
    const error = await completing;
    expect(error.code).toBe('AUTH_EXPIRED');
    expect(error.message).toBe(
      `${new URL(fake.url).host} did not accept the sign-in: the code expired, was already used, or did not match this sign-in (PKCE check). Start the sign-in again.`,
    );
    expect(storedNames(storage)).toEqual([`mastodon-client:${fake.url}`]);
    expect(fake.oauth.tokens.size).toBe(0);
    expect(fake.countOf('GET /api/v1/accounts/verify_credentials')).toBe(0);
  });

  it('falls back to the out-of-band code the user pastes', async () => {
    const fake = await startFake();
    const { options, storage } = setup();
    const pending = await begin(fake.url, { ...options, redirect: 'oob' });
    expect(pending.redirectUri).toBe('urn:ietf:wg:oauth:2.0:oob');
    const page = await fetch(pending.authorizeUrl, { redirect: 'manual' });
    expect(page.status).toBe(200);
    const code = /class="oauth-code" readonly value="([^"]+)"/.exec(await page.text())?.[1];
    expect(code).toBeTruthy();
    expect((await rapportError(pending.completeWithCode('not a code!'))).code).toBe('INVALID_INPUT');
    const grant = await pending.completeWithCode(`  ${code}\n`);
    expect(grant.accountId).toBe(fake.state.self.id);
    expect((storage as MemorySecretStorage).values.has(`mastodon-token:${fake.url}:${fake.state.self.id}`)).toBe(true);
    // A code works once.
    expect((await rapportError(pending.completeWithCode(code!))).code).toBe('CONFLICT');
  });

  it('ignores a forged callback with the wrong state and still completes with the real one', async () => {
    const fake = await startFake();
    const { options } = setup();
    const pending = await begin(fake.url, options);
    const completing = pending.complete();
    expect((await fetch(`${pending.redirectUri}?code=stolen&state=guess`)).status).toBe(400);
    await playBrowser(pending.authorizeUrl);
    expect((await completing).accountId).toBe(fake.state.self.id);
    expect(fake.countOf('POST /oauth/token')).toBe(1);
  });

  it('reports a declined authorization and stores no token', async () => {
    const fake = await startFake();
    const { options, storage } = setup();
    fake.knobs.denyAuthorization = true;
    const pending = await begin(fake.url, options);
    const completing = rapportError(pending.complete());
    const authorize = await fetch(pending.authorizeUrl, { redirect: 'manual' });
    await fetch(authorize.headers.get('location')!);
    expect((await completing).message).toBe('You declined access on your Mastodon server.');
    expect(storedNames(storage as MemorySecretStorage)).toEqual([`mastodon-client:${fake.url}`]);
  });

  it('uses the fixed paths on servers without discovery, and refuses one without PKCE S256', async () => {
    const fake = await startFake();
    fake.knobs.discovery = false;
    const { options } = setup();
    const pending = await begin(fake.url, options);
    expect(new URL(pending.authorizeUrl).pathname).toBe('/oauth/authorize');
    await pending.cancel();
    fake.knobs.discovery = true;
    fake.knobs.codeChallengeMethods = ['plain'];
    const error = await rapportError(beginMastodonSignIn(fake.url, options));
    expect(error.message).toBe('This Mastodon server does not support secure sign-in for apps (PKCE S256), so Rapport cannot connect to it.');
  });

  it('refuses plain http unless loopback is explicitly allowed, and registers afresh after invalid_client', async () => {
    const fake = await startFake();
    const { options, credentials } = setup();
    expect((await rapportError(beginMastodonSignIn(fake.url, { ...options, allowLoopbackHttp: false }))).code).toBe('INVALID_INPUT');
    const pending = await begin(fake.url, options);
    const completing = rapportError(pending.complete());
    const authorize = await fetch(pending.authorizeUrl, { redirect: 'manual' });
    fake.oauth.apps.clear(); // the server forgets our registration before the code is exchanged
    await fetch(authorize.headers.get('location')!);
    const error = await completing;
    expect(error.code).toBe('AUTH_EXPIRED');
    expect(error.message).toMatch(/no longer recognises Rapport's registration/);
    expect(await credentials.loadClient(fake.url)).toBeNull();
    const again = await begin(fake.url, options);
    const done = again.complete();
    await playBrowser(again.authorizeUrl);
    expect((await done).accountId).toBe(fake.state.self.id);
    expect(fake.countOf('POST /api/v1/apps')).toBe(2);
  });

  it('keeps the token and client secret out of the database file', async () => {
    const fake = await startFake();
    const dir = mkdtempSync(join(tmpdir(), 'rapport-mastodon-signin-'));
    try {
      const file = join(dir, 'rapport.db');
      const db = openDatabase(file);
      const { options } = setup(new SettingsSecretStorage(db));
      const pending = await begin(fake.url, options);
      const done = pending.complete();
      await playBrowser(pending.authorizeUrl);
      await done;
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
      const bytes = readFileSync(file).toString('latin1');
      expect(bytes).toContain(`secret:mastodon-token:${fake.url}`);
      expect(fake.oauth.issuedSecrets.length).toBeGreaterThanOrEqual(3);
      for (const secret of fake.oauth.issuedSecrets) expect(bytes).not.toContain(secret);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('Mastodon sign-out', () => {
  it('revokes the token on the server and forgets it here, keeping the app registration', async () => {
    const fake = await startFake();
    const { options, credentials, http } = setup();
    const pending = await begin(fake.url, options);
    const done = pending.complete();
    await playBrowser(pending.authorizeUrl);
    const grant = await done;
    expect(await signOutOfMastodon(http, credentials, grant)).toEqual({ revokedOnServer: true });
    expect(await credentials.loadGrant(grant.origin, grant.accountId)).toBeNull();
    expect(await credentials.loadClient(grant.origin)).not.toBeNull();
    const provider = MastodonProvider.fromGrant(http, grant);
    expect((await rapportError(provider.getSelf())).code).toBe('AUTH_EXPIRED');
  });

  it('forgets the token even when the server is gone', async () => {
    const fake = await startFake();
    const { options, credentials } = setup();
    const pending = await begin(fake.url, options);
    const done = pending.complete();
    await playBrowser(pending.authorizeUrl);
    const grant = await done;
    await fake.stop();
    expect(await signOutOfMastodon(new HttpClient({ maxRetries: 0 }), credentials, grant)).toEqual({ revokedOnServer: false });
    expect(await credentials.loadGrant(grant.origin, grant.accountId)).toBeNull();
  });
});
