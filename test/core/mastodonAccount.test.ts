// Signing in to Mastodon through core's contract methods against the fake over real loopback
// HTTP: the account, its sealed grant and its first sync; a wrong PKCE verifier; cancel; oob.
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, DATABASE_FILE } from '../../electron/core/createCore';
import type { CoreHandle } from '../../electron/core/coreTypes';
import { FakeMastodon } from '../fakes/mastodon/fakeMastodon';
import { databaseBytes } from './blueskyCoreKit';
import { callOk, makeTempDir, removeDir, syncEnd } from './coreTestKit';
import { beginMastodonSignIn, mastodonCoreOptions, playBrowser, queryDatabase, signInThroughCore } from './mastodonCoreKit';

let fake: FakeMastodon;
let core: CoreHandle;
let dataDir: string;

async function setUp(extra: Parameters<typeof mastodonCoreOptions>[1] = {}): Promise<void> {
  fake = new FakeMastodon({ username: 'me', domain: 'fake.mastodon.test' });
  fake.state.generate({ followers: 30, following: 10, lockedShare: 0, seed: 9 });
  await fake.start();
  dataDir = makeTempDir('mastodon-account');
  core = await createCore(mastodonCoreOptions(dataDir, extra));
}

afterEach(async () => {
  await core.close();
  await fake.stop();
  removeDir(dataDir);
});

const count = (table: string): number => queryDatabase<{ n: number }>(dataDir, `SELECT count(*) AS n FROM ${table}`)[0]!.n;

describe('Mastodon sign-in through core', () => {
  it('creates the account with a stable remote id, seals the token and syncs', async () => {
    await setUp();
    const events: string[] = [];
    core.onEvent(({ event }) => events.push(event));
    const host = new URL(fake.url).host;
    const ended = new Promise<void>((resolve) => core.onEvent(({ event, payload }) => {
      if (event === 'sync.progress' && (payload as { state: string }).state === 'done') resolve();
    }));
    const account = await signInThroughCore(core, fake, { noteSync: true });
    expect(account).toMatchObject({ network: 'mastodon', remoteId: `${host}:${fake.state.self.id}`, handle: 'me@127.0.0.1', serverUrl: fake.url, noteSync: true });
    expect(events).toContain('accounts.changed');
    await ended;
    expect(queryDatabase(dataDir, 'SELECT sum(follows_me) AS f FROM relationships WHERE account_id = ?', account.id)).toEqual([{ f: 30 }]);
    expect(queryDatabase(dataDir, 'SELECT note_sync FROM accounts')).toEqual([{ note_sync: 1 }]);
    // The token and the client secret exist only sealed.
    const bytes = databaseBytes(dataDir);
    expect(fake.oauth.issuedSecrets.length).toBeGreaterThan(0);
    for (const secret of fake.oauth.issuedSecrets) expect(bytes).not.toContain(secret);
    expect(count('credentials')).toBe(1);
    // The app was registered once; a second sign-in reuses the registration.
    await callOk(core, 'cancelSignIn', { signInId: (await beginMastodonSignIn(core, fake.url)).signInId });
    expect(fake.countOf('POST /api/v1/apps')).toBe(1);
  });

  it('revokes the token on the server when the account is removed, and forgets it here', async () => {
    await setUp();
    const account = await signInThroughCore(core, fake);
    const token = [...fake.oauth.tokens.entries()].find(([, t]) => t.accountId === fake.state.self.id && !t.revoked)!;
    await callOk(core, 'removeAccount', { accountId: account.id });
    expect(count('credentials')).toBe(0);
    expect(count('accounts')).toBe(0);
    for (const deadline = Date.now() + 20_000; !token[1].revoked && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 20));
    expect(token[1].revoked).toBe(true);
    // The registration stays: signing in again needs no new app.
    await signInThroughCore(core, fake);
    expect(fake.countOf('POST /api/v1/apps')).toBe(1);
  });

  it('says to sign in again when the stored grant is gone', async () => {
    await setUp();
    const firstSync = syncEnd(core, 1);
    const account = await signInThroughCore(core, fake);
    await firstSync;
    await core.close();
    const db = new Database(path.join(dataDir, DATABASE_FILE));
    db.prepare('DELETE FROM credentials').run();
    db.close();
    core = await createCore(mastodonCoreOptions(dataDir));
    const ended = syncEnd(core, account.id);
    await callOk(core, 'startSync', { accountId: account.id, full: true });
    const end = await ended;
    expect(end).toMatchObject({ state: 'failed', error: { code: 'AUTH_EXPIRED' } });
    expect(end.error?.message).toMatch(/Sign in again/);
  });

  it('asks for write:accounts only with note sync', async () => {
    await setUp();
    const plain = await beginMastodonSignIn(core, fake.url);
    const notes = await beginMastodonSignIn(core, fake.url, { noteSync: true });
    expect(new URL(plain.authorizeUrl).searchParams.get('scope')).not.toContain('write:accounts');
    expect(new URL(notes.authorizeUrl).searchParams.get('scope')).toContain('write:accounts');
    expect(plain.redirect).toBe('loopback');
  });

  it('fails with a clear message and stores nothing when the PKCE verifier does not match', async () => {
    await setUp();
    const start = await beginMastodonSignIn(core, fake.url);
    const finishing = core.call('finishSignIn', { signInId: start.signInId });
    // A browser-side attacker swaps the challenge: the code is bound to a verifier core lacks.
    const tampered = new URL(start.authorizeUrl);
    tampered.searchParams.set('code_challenge', 'A'.repeat(43));
    await (await fetch(await playBrowser(tampered.href))).text();
    const result = await finishing;
    expect(result).toMatchObject({ ok: false, error: { code: 'AUTH_EXPIRED' } });
    expect(!result.ok && result.error.message).toMatch(/PKCE/);
    expect(count('accounts')).toBe(0);
    expect(count('credentials')).toBe(0);
    expect(fake.countOf('GET /api/v1/accounts/verify_credentials')).toBe(0);
    // The sign-in is spent.
    expect(await core.call('finishSignIn', { signInId: start.signInId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('cancel frees the loopback port and ends a waiting finish', async () => {
    await setUp();
    const start = await beginMastodonSignIn(core, fake.url);
    const finishing = core.call('finishSignIn', { signInId: start.signInId });
    const redirectUri = new URL(start.authorizeUrl).searchParams.get('redirect_uri')!;
    expect(await callOk(core, 'cancelSignIn', { signInId: start.signInId })).toEqual({ cancelled: true });
    expect(await finishing).toMatchObject({ ok: false });
    await expect(fetch(redirectUri)).rejects.toThrow();
    expect(await callOk(core, 'cancelSignIn', { signInId: start.signInId })).toEqual({ cancelled: false });
    expect(count('accounts')).toBe(0);
  });

  it('takes the pasted code on servers that only offer the out-of-band flow', async () => {
    await setUp({ signInRedirect: 'oob' });
    const start = await beginMastodonSignIn(core, fake.url);
    expect(start.redirect).toBe('oob');
    expect(await core.call('finishSignIn', { signInId: start.signInId })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const page = await fetch(start.authorizeUrl, { redirect: 'manual' });
    const html = await page.text();
    const code = /class="oauth-code" readonly value="([^"]+)"/.exec(html)?.[1];
    expect(code).toBeTruthy();
    const ended = syncEnd(core, 1);
    const account = await callOk(core, 'finishSignIn', { signInId: start.signInId, code: code! });
    expect(account.network).toBe('mastodon');
    expect((await ended).state).toBe('done');
  });

  it('refuses plain-http instances unless the loopback option is on', async () => {
    await setUp({ allowLoopbackHttp: false });
    const result = await core.call('beginSignIn', { network: 'mastodon', instance: fake.url });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(fake.requests).toHaveLength(0);
  });
});
