// Test-only: the acceptance scenario for crash safety. SIGKILL the core process while a sample
// sync is ingesting, start it again, and check that nothing is corrupted, no triage decision made
// before the kill is lost, and the sync resumes from its checkpoint to the same final counts as
// an uninterrupted run of the same seed. killResume.test.ts runs it small on every `npm test`;
// killResume.soak.test.ts runs it at 200,000 followers (`npm run test:soak`).
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import type { Stage, SyncProgress } from '../../shared/domain';
import { createCore, DATABASE_FILE } from '../../electron/core/createCore';
import { SAMPLE_PAGE_MAX } from '../../electron/core/networks/sample/sampleProvider';
import { callOk, makeTempDir, removeDir, signedInAccount, signInAtOnce, waitForSync } from './coreTestKit';
import { ForkedCore } from './forkedCore';

const FOLLOWING = 600;
const SEED = 1234;

export interface SampleKillResumeSize {
  followers: number;
  /** Per-page delay of the first core's sample network: keeps the walk long enough to catch. */
  pageDelayMs: number;
  /** Decisions are made once this many followers are in… */
  decideAfter: number;
  /** …and the core is killed once this many are. */
  killAfter: number;
}

interface Snapshot {
  integrity: string;
  stages: Record<string, number>;
  people: number;
  followsMe: number;
  iFollow: number;
  stageEvents: number;
}

function inspect(dataDir: string): Snapshot {
  const db = new Database(path.join(dataDir, DATABASE_FILE));
  try {
    const integrity = (db.pragma('integrity_check', { simple: true }) as string) ?? '';
    const stages: Record<string, number> = {};
    for (const row of db.prepare('SELECT stage, count(*) AS n FROM triage GROUP BY stage ORDER BY stage').all() as {
      stage: string;
      n: number;
    }[]) {
      stages[row.stage] = row.n;
    }
    const one = (sql: string): number => db.prepare(sql).pluck().get() as number;
    return {
      integrity,
      stages,
      people: one('SELECT count(*) FROM people'),
      followsMe: one('SELECT count(*) FROM relationships WHERE follows_me = 1'),
      iFollow: one('SELECT count(*) FROM relationships WHERE i_follow = 1'),
      stageEvents: one("SELECT count(*) FROM events WHERE kind = 'stage_changed'"),
    };
  } finally {
    db.close();
  }
}

function stagesOf(dataDir: string, remoteIds: string[]): Record<string, string | undefined> {
  const db = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true });
  try {
    const stageOf = db.prepare('SELECT t.stage FROM triage t JOIN people p ON p.id = t.person_id WHERE p.remote_id = ?').pluck();
    return Object.fromEntries(remoteIds.map((id) => [id, stageOf.get(id) as string | undefined]));
  } finally {
    db.close();
  }
}

function followersCheckpoint(dataDir: string): { pages_done: number; items_done: number; done: number } {
  const db = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true });
  try {
    return db.prepare("SELECT pages_done, items_done, done FROM sync_state WHERE walk = 'followers'").get() as {
      pages_done: number;
      items_done: number;
      done: number;
    };
  } finally {
    db.close();
  }
}


const followersDone = (atLeast: number) => (e: { event: string; payload: unknown }) =>
  e.event === 'sync.progress' && (e.payload as SyncProgress).phase === 'followers' && (e.payload as SyncProgress).done >= atLeast;

/** Registers the scenario's test at the given size. */
export function describeSampleKillResume(size: SampleKillResumeSize): void {
  const { followers: FOLLOWERS } = size;
  const FULL_WALK_PAGES = Math.ceil(FOLLOWERS / SAMPLE_PAGE_MAX);
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) removeDir(dir);
  });

  describe(`SIGKILL during a ${FOLLOWERS.toLocaleString('en')}-follower sample sync`, () => {
    it('loses no decision, stays consistent and resumes from the checkpoint to the same result', { timeout: 600_000 }, async () => {
      const dataDir = makeTempDir('kill');
      dirs.push(dataDir);

      // 1. Start the sync in a real core process and make decisions while it ingests.
      // A small page delay keeps the walk long enough to be caught in the middle; it changes no data.
      const first = new ForkedCore(dataDir, ['--sample-page-delay-ms', String(size.pageDelayMs)]);
      await first.ready;
      const account = signedInAccount(await first.callOk('beginSignIn', { network: 'sample', followers: FOLLOWERS, following: FOLLOWING, seed: SEED }));
      await first.waitForEvent(followersDone(size.decideAfter));
      const newest = () => first.callOk('getBoardPage', { accountId: account.id, stage: 'new', sort: 'newest', limit: 3 });
      // Followers reach the board batch by batch (followWalk.ts); wait for the first batch.
      let page = await newest();
      while (page.items.length < 3) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        page = await newest();
      }
      const targets: Stage[] = ['evaluated', 'declined', 'connected'];
      const decisions: Record<string, Stage> = {};
      for (const [i, card] of page.items.entries()) {
        await first.callOk('moveCard', { accountId: account.id, personId: card.personId, stage: targets[i] });
        const profile = await first.callOk('getProfile', { accountId: account.id, personId: card.personId });
        decisions[profile.remoteId] = targets[i]!;
      }
      expect(Object.keys(decisions)).toHaveLength(3);

      // 2. Kill it mid-ingest, with no chance to clean up.
      await first.nextEvent(followersDone(size.killAfter));
      const killed = await first.kill();
      expect(killed.signal).toBe('SIGKILL');
      const atKill = followersCheckpoint(dataDir);
      expect(atKill.done).toBe(0);
      expect(atKill.items_done).toBeGreaterThan(0);
      expect(atKill.items_done).toBeLessThan(FOLLOWERS);

      const afterKill = inspect(dataDir);
      expect(afterKill.integrity).toBe('ok');
      expect(stagesOf(dataDir, Object.keys(decisions))).toEqual(decisions);

      // 3. Start again: core resumes the interrupted sync by itself, from the checkpoint.
      const second = new ForkedCore(dataDir);
      await second.ready;
      const resumedStart = (await second.waitForEvent((e) => e.event === 'sync.progress')).payload as SyncProgress;
      expect(resumedStart.phase).toBe('followers');
      expect(resumedStart.done).toBeGreaterThanOrEqual(atKill.items_done);
      const end = (await second.waitForEvent(
        (e) => e.event === 'sync.progress' && (e.payload as SyncProgress).state !== 'running',
      )).payload as SyncProgress;
      expect(end.state).toBe('done');
      const runs = await second.callOk('getSyncStatus', { accountId: account.id });
      await second.shutdown();

      const db = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true });
      const history = db.prepare('SELECT state, error_code, requests FROM sync_runs ORDER BY id').all() as {
        state: string;
        error_code: string | null;
        requests: number;
      }[];
      db.close();
      expect(history.map((r) => [r.state, r.error_code])).toEqual([
        ['cancelled', 'INTERRUPTED'],
        ['done', null],
      ]);
      expect(runs?.runId).toBeGreaterThan(0);
      const resumedFollowerPages = FULL_WALK_PAGES - atKill.pages_done;
      expect(history[1]!.requests).toBeGreaterThanOrEqual(resumedFollowerPages);

      const resumed = inspect(dataDir);
      expect(resumed.integrity).toBe('ok');
      expect(stagesOf(dataDir, Object.keys(decisions))).toEqual(decisions);

      // 4. The same seed synced without interruption, with the same decisions applied after.
      const referenceDir = makeTempDir('kill-reference');
      dirs.push(referenceDir);
      const reference = await createCore({ dataDir: referenceDir });
      try {
        const refAccount = await signInAtOnce(reference, { network: 'sample', followers: FOLLOWERS, following: FOLLOWING, seed: SEED });
        expect((await waitForSync(reference, refAccount.id)).state).toBe('done');
        const refDb = new Database(path.join(referenceDir, DATABASE_FILE), { readonly: true });
        const idOf = refDb.prepare('SELECT id FROM people WHERE remote_id = ?').pluck();
        const refIds = Object.keys(decisions).map((remoteId) => idOf.get(remoteId) as number);
        refDb.close();
        for (const [i, remoteId] of Object.keys(decisions).entries()) {
          await callOk(reference, 'moveCard', { accountId: refAccount.id, personId: refIds[i], stage: decisions[remoteId] });
        }
      } finally {
        await reference.close();
      }
      // The resumed run fetched only the pages the first run had not committed: fewer requests
      // than the uninterrupted run (whose count includes following, posts and avatars too).
      const refDb = new Database(path.join(referenceDir, DATABASE_FILE), { readonly: true });
      const referenceRequests = refDb.prepare('SELECT requests FROM sync_runs').pluck().get() as number;
      refDb.close();
      expect(history[1]!.requests).toBeLessThan(referenceRequests);
      const expected = inspect(referenceDir);
      expect(resumed).toEqual(expected);
      expect(resumed.followsMe).toBe(FOLLOWERS);
    });
  });
}
