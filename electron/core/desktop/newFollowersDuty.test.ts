// New followers per account and sync, counted from what a real sync stored: a first import
// announces nobody, a later sync announces exactly the people it found, once, with how many of
// them the stored scores call promising.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { FollowersArrived } from '../../../shared/api/desktopEvents';
import type { EventMap, EventName } from '../../../shared/api/events';
import type { Account } from '../../../shared/domain';
import { openDatabase } from '../db/openDatabase';
import { MediaCache } from '../media/mediaCache';
import { SampleProvider } from '../networks/sample/sampleProvider';
import { accountsRepo } from '../repos/accountsRepo';
import { createSignalDuties } from '../signals/signalDuties';
import { ProfileEnrichment } from '../sync/profileEnrichment';
import { SyncJob } from '../sync/syncJob';
import { createNewFollowersDuty } from './newFollowersDuty';

const ANCHOR = Date.UTC(2026, 3, 1);
const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function setup(network: Account['network'] = 'sample') {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-new-followers-'));
  const db: Database.Database = openDatabase(path.join(dir, 'rapport.db'));
  cleanups.push(() => {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const account = accountsRepo(db).upsert(
    { network, remoteId: 'me', handle: 'me', displayName: 'Me' },
    new Date(ANCHOR).toISOString(),
  ) as Account;
  let clock = ANCHOR;
  const arrived: FollowersArrived[] = [];
  const signals = createSignalDuties({ db, now: () => clock, emitChanged: () => {} });
  const duty = createNewFollowersDuty({ db, emit: (payload) => arrived.push(payload), signalsSettled: () => signals.idle() });
  // The order createCore uses: signals first, then every listener (the duty among them).
  const emit = <E extends EventName>(event: E, payload: EventMap[E]): void => {
    signals.onEvent(event, payload);
    duty.onEvent(event, payload);
  };
  const enrichment = new ProfileEnrichment(db, new MediaCache(path.join(dir, 'media')));
  const sync = async (followers: number) => {
    clock += 3_600_000;
    const provider = new SampleProvider({ seed: 3, followers, following: 0, anchorMs: ANCHOR });
    const job = new SyncJob({ db, account, provider, enrichment, emit, now: () => clock });
    await job.finished;
    await duty.idle();
  };
  return { db, account, arrived, sync, duty };
}

describe('followers.arrived', () => {
  it('announces nobody after the first import of an account', async () => {
    const t = setup();
    await t.sync(200);
    expect(t.arrived).toEqual([]);
  });

  it('announces one event per account and sync with the count and how many look promising', async () => {
    const t = setup();
    await t.sync(200);
    await t.sync(212);
    expect(t.arrived).toHaveLength(1);
    const [event] = t.arrived;
    expect(event).toMatchObject({ accountId: t.account.id, network: 'sample', networkLabel: 'Sample data', count: 12 });

    // Promising is what the stored scores say about exactly those twelve.
    const scores = t.db
      .prepare(
        `SELECT t.score FROM events e JOIN triage t USING (account_id, person_id)
         WHERE e.kind = 'followed_me' AND e.account_id = ?`,
      )
      .pluck()
      .all(t.account.id) as Array<number | null>;
    expect(scores).toHaveLength(12);
    expect(scores.every((score) => score !== null)).toBe(true);
    expect(event!.promising).toBe(scores.filter((score) => score! > 0).length);
    // The sample network makes some of them promising and some not: the count says which.
    expect(event!.promising).toBeGreaterThan(0);
    expect(event!.promising).toBeLessThan(12);
  });

  it('counts only the people the latest sync found, not earlier ones', async () => {
    const t = setup();
    await t.sync(100);
    await t.sync(105);
    await t.sync(108);
    expect(t.arrived.map((a) => a.count)).toEqual([5, 3]);
    expect(new Set(t.arrived.map((a) => a.runId)).size).toBe(2);
  });

  it('stays quiet when a sync finds nobody new', async () => {
    const t = setup();
    await t.sync(100);
    await t.sync(100);
    expect(t.arrived).toEqual([]);
  });

  it("names the account's network in words", async () => {
    const t = setup('bluesky');
    await t.sync(50);
    await t.sync(51);
    expect(t.arrived).toEqual([
      expect.objectContaining({ accountId: t.account.id, network: 'bluesky', networkLabel: 'Bluesky', count: 1 }),
    ]);
  });
});
