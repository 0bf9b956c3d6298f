// Signing in to X with the person's own developer app through core's contract, against the fake:
// OAuth 2.0 + PKCE on a loopback callback, the token kept sealed (never in SQLite's clear text),
// and the API attached to the account an archive of the same X user made, whose archive-only
// people X then names through /2/users?ids=.
import { createServer } from 'node:net';
import path from 'node:path';
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { PendingSignIn } from '../../../../../shared/api/signInContract';
import { DATABASE_FILE } from '../../../createCore';
import { callOk, signInAtOnce, syncEnd } from '../../../../../test/core/coreTestKit';
import { startXApiCore, X_OWNER, type XApiKit } from '../../../../../test/fakes/x/xApiTestKit';
import { writeXArchiveZip } from '../../../../../test/fakes/x/xArchiveBuilder';

let kit: XApiKit | null = null;
afterEach(async () => {
  await kit?.close();
  kit = null;
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Polls a condition on state (not on time): the reaction that names people runs after the sync ends. */
async function until(condition: () => boolean | undefined): Promise<void> {
  for (let i = 0; i < 500 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
}

function readDb(k: XApiKit): Database.Database {
  return new Database(path.join(k.dataDir, DATABASE_FILE), { readonly: true });
}

describe('X sign-in with OAuth 2.0 + PKCE on your own app', () => {
  it('opens X’s consent page, takes the grant on the loopback callback and stores the token sealed', async () => {
    const port = await freePort();
    kit = await startXApiCore({ followers: 5, port });
    const clientId = 'rapportTestClient01';
    kit.fake.oauthClients.set(clientId, [`http://127.0.0.1:${port}/callback`]);
    kit.fake.approvingUserId = X_OWNER.id;

    const start = (await callOk(kit.core, 'beginSignIn', { network: 'x', clientId })) as PendingSignIn;
    expect(start.status).toBe('pending');
    const authorize = new URL(start.authorizeUrl);
    expect(authorize.pathname).toBe('/i/oauth2/authorize');
    expect(authorize.searchParams.get('code_challenge_method')).toBe('s256');
    expect(authorize.searchParams.get('scope')).toBe('users.read follows.read tweet.read offline.access');

    // The browser: X approves and sends it back to Rapport's callback.
    const consent = await fetch(start.authorizeUrl, { redirect: 'manual' });
    const callback = consent.headers.get('location') ?? '';
    expect(callback.startsWith(`http://127.0.0.1:${port}/callback?`)).toBe(true);
    await fetch(callback);
    const account = await callOk(kit.core, 'finishSignIn', { signInId: start.signInId });
    expect(account).toMatchObject({ network: 'x', remoteId: X_OWNER.id, handle: X_OWNER.username });

    const userTokens = [...kit.fake.state.tokens.entries()].filter(([, grant]) => grant.kind === 'user').map(([token]) => token);
    expect(userTokens).toHaveLength(1);
    await kit.core.close();
    const bytes = fs.readFileSync(path.join(kit.dataDir, DATABASE_FILE));
    expect(bytes.includes(Buffer.from(userTokens[0] as string))).toBe(false);
    await kit.reopen();

    // The sealed token reads: a sync goes through with it.
    const end = syncEnd(kit.core, account.id);
    await callOk(kit.core, 'startSync', { accountId: account.id });
    expect((await end).state).toBe('done');
    expect(kit.fake.countOf('GET /2/users/:id/followers')).toBe(1);
  });
});

describe('an OAuth token that expires during a long sync', () => {
  it('is renewed with its refresh token before it runs out, and the sync goes on', async () => {
    const port = await freePort();
    kit = await startXApiCore({ followers: 5, port });
    kit.fake.knobs.accessTokenLifetimeSeconds = 1;
    kit.fake.oauthClients.set('rapportTestClient01', [`http://127.0.0.1:${port}/callback`]);
    kit.fake.approvingUserId = X_OWNER.id;
    const start = (await callOk(kit.core, 'beginSignIn', { network: 'x', clientId: 'rapportTestClient01' })) as PendingSignIn;
    const consent = await fetch(start.authorizeUrl, { redirect: 'manual' });
    await fetch(consent.headers.get('location') ?? '');
    const account = await callOk(kit.core, 'finishSignIn', { signInId: start.signInId });
    // The first access token runs out (X: after two hours; the fake: after a second).
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const end = syncEnd(kit.core, account.id);
    await callOk(kit.core, 'startSync', { accountId: account.id });
    expect((await end).state).toBe('done');
    expect(kit.fake.countOf('POST /2/oauth2/token refresh')).toBeGreaterThanOrEqual(1);
    expect(kit.fake.requests.filter((r) => r.status === 401)).toEqual([]);
  });
});

describe('the API on an archive-imported account', () => {
  it('attaches to the same account and names the people the archive knew only by id', async () => {
    kit = await startXApiCore({ followers: 3 });
    // The archive knows two former followers by id only; X still serves one and has suspended the other.
    kit.fake.state.addUser('777', { username: 'former_friend', name: 'Former Friend' });
    kit.fake.state.addUser('778');
    kit.fake.state.suspended.add('778');
    const archivePath = path.join(kit.dataDir, 'archive.zip');
    await writeXArchiveZip(archivePath, {
      owner: { id: X_OWNER.id, username: X_OWNER.username, displayName: X_OWNER.name },
      generatedAt: '2026-11-20T08:00:00.000Z',
      followers: ['777', '778'],
      following: [],
    });
    const imported = await signInAtOnce(kit.core, { network: 'x', archivePath });
    const viaApi = await kit.signIn({ accountId: imported.id });
    expect(viaApi.id).toBe(imported.id);
    expect(await callOk(kit.core, 'listAccounts', {})).toHaveLength(1);

    const end = syncEnd(kit.core, imported.id);
    await callOk(kit.core, 'startSync', { accountId: imported.id });
    expect((await end).state).toBe('done');
    // Naming runs after the sync (a reaction): one /2/users request beside the removal check's.
    const db = readDb(kit);
    try {
      const handlesNow = () => db.prepare(`SELECT remote_id, handle FROM people WHERE remote_id IN ('777', '778') ORDER BY remote_id`).all() as { handle: string }[];
      await until(() => handlesNow()[0]?.handle !== '777');
      expect(kit.fake.countOf('GET /2/users')).toBe(2);
      expect(handlesNow()).toEqual([
        { remote_id: '777', handle: 'former_friend' },
        { remote_id: '778', handle: '778' },
      ]);
    } finally {
      db.close();
    }
  });

  it('refuses a token that reads another X user than the account', async () => {
    kit = await startXApiCore({ followers: 1 });
    kit.fake.state.addUser('9999', { username: 'someone_else' });
    const archivePath = path.join(kit.dataDir, 'archive.zip');
    await writeXArchiveZip(archivePath, { owner: { id: X_OWNER.id, username: X_OWNER.username, displayName: X_OWNER.name }, generatedAt: '2026-11-20T08:00:00.000Z', followers: [], following: [] });
    const imported = await signInAtOnce(kit.core, { network: 'x', archivePath });
    const result = await kit.core.call('beginSignIn', { network: 'x', accountId: imported.id, bearerToken: kit.token, username: 'someone_else' });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('not @rapport_me') } });
  });
});
