// A GitHub account through the real core: a token that GitHub refuses (or that may not follow)
// stores nothing; a good one syncs, and the board's counts equal the fake's lists and SQL.
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Envelope } from '../../shared/api/errors';
import { DATABASE_FILE } from '../../electron/core/createCore';
import { callOk } from './coreTestKit';
import { startGithubCore, type GithubCoreKit } from './githubCoreKit';

let kit: GithubCoreKit | null = null;
afterEach(async () => {
  await kit?.close();
  kit = null;
});

function tableCounts(dataDir: string): Record<string, number> {
  const db = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true });
  try {
    const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    return { accounts: count('accounts'), credentials: count('credentials'), people: count('people'), relationships: count('relationships') };
  } finally {
    db.close();
  }
}

describe('GitHub account in core', () => {
  it('stores nothing for a token GitHub refuses or that cannot follow', async () => {
    kit = await startGithubCore();
    const before = tableCounts(kit.dataDir);
    const bad = (await kit.core.call('beginSignIn', { network: 'github', token: 'ghp_wrong', enterpriseUrl: kit.fake.url })) as Envelope<unknown>;
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toMatchObject({ code: 'AUTH_EXPIRED' });
    const readOnly = kit.fake.issueToken({ scopes: ['read:user'] });
    const noFollow = (await kit.core.call('beginSignIn', { network: 'github', token: readOnly, enterpriseUrl: kit.fake.url })) as Envelope<unknown>;
    expect(noFollow.ok).toBe(false);
    if (!noFollow.ok) expect(noFollow.error.message).toContain('user:follow');
    expect(tableCounts(kit.dataDir)).toEqual(before);
    expect(kit.fake.countOf('GET /user/followers')).toBe(0);
  });

  it('syncs a signed-in account: board counts equal the fake and SQL, the token is sealed', async () => {
    kit = await startGithubCore({ followers: 230, following: 40 });
    const account = await kit.signIn();
    expect(account).toMatchObject({ network: 'github', remoteId: '1', handle: 'octo-self' });
    const counts = await callOk(kit.core, 'getBoardCounts', { accountId: account.id });
    const board = Object.values(counts).reduce((a, b) => a + b, 0);
    expect(board).toBe(kit.fake.state.visible('followers').length);
    const db = new Database(path.join(kit.dataDir, DATABASE_FILE), { readonly: true });
    try {
      expect(db.prepare('SELECT count(*) FROM relationships WHERE follows_me = 1').pluck().get()).toBe(230);
      const sealed = db.prepare('SELECT sealed FROM credentials').pluck().all() as string[];
      expect(sealed).toHaveLength(1);
      expect(sealed[0]).not.toContain(kit.token);
    } finally {
      db.close();
    }
  });
});
