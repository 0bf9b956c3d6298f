// The removal check is generic: whatever the network, a follower missing from a full walk is
// recorded only as the provider's accountStatus says — gone with its reason, an unfollow only for
// an active account whose relationship ended, and nothing at all when the network will not say.
// Real SQLite and the real engine; the sample network stands in for any network.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Account } from '../../../shared/domain';
import { openDatabase } from '../db/openDatabase';
import { MediaCache } from '../media/mediaCache';
import type { AccountState, Provider } from '../networks/provider';
import { SampleProvider } from '../networks/sample/sampleProvider';
import { accountsRepo } from '../repos/accountsRepo';
import { ProfileEnrichment } from './profileEnrichment';
import { SyncJob } from './syncJob';

const ANCHOR = Date.UTC(2026, 3, 1);
const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** The sample network, except that accounts missing from its lists have the state `missing` says. */
function withMissingState(inner: Provider, missing: AccountState): Provider {
  return Object.assign(Object.create(inner) as Provider, {
    accountStatus: async (ids: string[]) => {
      const listed = await inner.getRelationships(ids);
      return listed.map((r) => ({ remoteId: r.remoteId, state: r.followsMe ? 'active' : missing }));
    },
  });
}

function setup() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-removal-'));
  const db: Database.Database = openDatabase(path.join(dir, 'rapport.db'));
  cleanups.push(() => {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const account = accountsRepo(db).upsert({ network: 'sample', remoteId: 'me', handle: 'me', displayName: 'Me' }, new Date(ANCHOR).toISOString());
  const enrichment = new ProfileEnrichment(db, new MediaCache(path.join(dir, 'media')));
  let clock = ANCHOR;
  const sync = async (followers: number, missing: AccountState | null = null) => {
    clock += 3_600_000;
    const sample = new SampleProvider({ seed: 5, followers, following: 0, anchorMs: ANCHOR });
    const job = new SyncJob({
      db,
      account: account as Account,
      provider: missing ? withMissingState(sample, missing) : sample,
      enrichment,
      emit: () => {},
      now: () => clock,
    });
    await job.finished;
    await enrichment.whenIdle();
  };
  const one = (sql: string) => db.prepare(sql).pluck().get() as number;
  return { sync, one, db };
}

describe('checkRemovals', () => {
  it('records followers the network calls deactivated as gone with the reason, not as unfollows', async () => {
    const t = setup();
    await t.sync(100);
    await t.sync(95, 'deactivated');
    expect(t.one("SELECT count(*) FROM events WHERE kind = 'unfollowed_me'")).toBe(0);
    expect(t.one("SELECT count(*) FROM events WHERE kind = 'gone' AND data ->> '$.reason' = 'deactivated'")).toBe(5);
    expect(t.one("SELECT count(*) FROM people WHERE gone_reason = 'deactivated' AND gone_at IS NOT NULL")).toBe(5);
    expect(t.one('SELECT count(*) FROM relationships WHERE follows_me = 1')).toBe(95);
    expect(t.one('SELECT count(*) FROM relationships WHERE follower_gone = 1')).toBe(5);
    expect(t.one('SELECT count(*) FROM triage')).toBe(100);
  });

  it('keeps the edge and records nothing when the network will not say', async () => {
    const t = setup();
    await t.sync(100);
    await t.sync(95, 'unknown');
    expect(t.one("SELECT count(*) FROM events WHERE kind IN ('unfollowed_me', 'gone')")).toBe(0);
    expect(t.one('SELECT count(*) FROM relationships WHERE follows_me = 1')).toBe(100);
  });

  it('still records an unfollow when the account is active and the relationship ended', async () => {
    const t = setup();
    await t.sync(100);
    await t.sync(97);
    expect(t.one("SELECT count(*) FROM events WHERE kind = 'unfollowed_me'")).toBe(3);
    expect(t.one("SELECT count(*) FROM events WHERE kind = 'gone'")).toBe(0);
  });
});
