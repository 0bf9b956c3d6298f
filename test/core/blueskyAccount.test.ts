// Issue 3 at core level: a Bluesky account added through the contract, synced from the fake over
// loopback, with its session sealed in the credentials table and no secret anywhere in the clear.
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../electron/core/createCore';
import { callOk, syncEnd } from './coreTestKit';
import { databaseBytes, FAKE_APP_PASSWORD, startBlueskyCore, type BlueskyCoreKit } from './blueskyCoreKit';

let kit: BlueskyCoreKit | null = null;

function credentialRows(dataDir: string): number {
  const db = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM credentials').get() as { n: number }).n;
  } finally {
    db.close();
  }
}
afterEach(async () => {
  await kit?.close();
  kit = null;
});

describe('Bluesky accounts in core', () => {
  it('signs in, syncs followers into New and followed-back ones into Connected', async () => {
    kit = await startBlueskyCore({ followers: 40, follows: 15 });
    const { core, account, fake } = kit;
    expect(account).toMatchObject({ network: 'bluesky', remoteId: fake.state.self.did, handle: 'me.bsky.social' });
    const status = await callOk(core, 'getSyncStatus', { accountId: account.id });
    expect(status?.state, JSON.stringify(status?.error)).toBe('done');
    const counts = await callOk(core, 'getBoardCounts', { accountId: account.id });
    // generate() makes 30% of followers mutual (12): they start in Connected.
    expect(counts).toEqual({ new: 28, evaluated: 0, connected: 12, declined: 0 });
    expect(fake.countOf('com.atproto.server.createSession')).toBe(1);
  });

  it('keeps the app password and tokens out of the database and the logs', async () => {
    kit = await startBlueskyCore({ followers: 10, follows: 3 });
    const { core, account, fake, dataDir, logs } = kit;
    // A retry and an expired token on the way, so the log has lines and the tokens rotate.
    fake.knobs.serverErrors = { count: 1, status: 503, methods: ['app.bsky.graph.getFollowers'] };
    fake.sessions.expireAccessTokens();
    await callOk(core, 'startSync', { accountId: account.id, full: true });
    await syncEnd(core, account.id);
    await core.close();
    const bytes = databaseBytes(dataDir);
    const secrets = [FAKE_APP_PASSWORD, ...fake.sessions.issuedTokens];
    expect(fake.sessions.issuedTokens.length).toBeGreaterThan(0);
    for (const secret of secrets) {
      expect(bytes.includes(secret), 'database holds a secret').toBe(false);
      expect(logs.some((line) => line.includes(secret)), 'a log line holds a secret').toBe(false);
    }
    expect(bytes).toContain('rsb1.');
    expect(logs.some((line) => line.includes('[rapport net] retrying'))).toBe(true);
    expect(fake.countOf('com.atproto.server.refreshSession')).toBe(1);
    await kit.reopen();
  });

  it('resumes the sealed session after a restart: no second login', async () => {
    kit = await startBlueskyCore({ followers: 12, follows: 2 });
    const core = await kit.reopen();
    const ended = syncEnd(core, kit.account.id);
    await callOk(core, 'startSync', { accountId: kit.account.id });
    expect((await ended).state).toBe('done');
    expect(kit.fake.countOf('com.atproto.server.createSession')).toBe(1);
  });

  it('drops the sealed session with the account', async () => {
    kit = await startBlueskyCore({ followers: 5, follows: 1 });
    await kit.core.close();
    expect(credentialRows(kit.dataDir)).toBe(1);
    await callOk(await kit.reopen(), 'removeAccount', { accountId: kit.account.id });
    await kit.core.close();
    expect(credentialRows(kit.dataDir)).toBe(0);
    await kit.reopen();
  });

  it('marks pre-existing followers Evaluated in one step, following nobody', async () => {
    kit = await startBlueskyCore({ followers: 20, follows: 5 });
    const { core, account, fake } = kit;
    const before = fake.countOf('com.atproto.repo.createRecord');
    expect(await callOk(core, 'markExistingFollowersEvaluated', { accountId: account.id })).toEqual({ moved: 15 });
    expect(await callOk(core, 'getBoardCounts', { accountId: account.id })).toEqual({ new: 0, evaluated: 15, connected: 5, declined: 0 });
    expect(fake.countOf('com.atproto.repo.createRecord')).toBe(before);
  });
});
