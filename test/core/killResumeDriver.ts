// Test-only: the kill-and-resume scenario both networks' walks must survive. A forked core walks
// the followers, is SIGKILLed past a committed batch, and a second forked core on the same folder
// resumes from the checkpoint; then an uninterrupted sync of the same fake gives the end state the
// resumed folder must equal. Each network's test says only how to sign in and what to count.
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect } from 'vitest';
import type { CoreHandle } from '../../electron/core/coreTypes';
import { DATABASE_FILE } from '../../electron/core/createCore';
import type { Account, SyncProgress } from '../../shared/domain';
import { waitForSync } from './coreTestKit';
import { ForkedCore } from './forkedCore';

export interface EndState {
  integrity: string;
  followers: number;
  stages: Record<string, number>;
  /** Every follower's remote id, newest first by board rank. */
  order: string[];
}

export interface FollowersCheckpoint {
  items_done: number;
  pages_done: number;
  done: number;
}

function readDatabase<T>(dataDir: string, read: (db: Database.Database) => T): T {
  const db = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

export function endState(dataDir: string): EndState {
  return readDatabase(dataDir, (db) => {
    const stages: Record<string, number> = {};
    for (const row of db.prepare('SELECT stage, count(*) AS n FROM triage GROUP BY stage').all() as { stage: string; n: number }[]) {
      stages[row.stage] = row.n;
    }
    return {
      integrity: db.pragma('integrity_check', { simple: true }) as string,
      followers: db.prepare('SELECT count(*) FROM relationships WHERE follows_me = 1').pluck().get() as number,
      stages,
      order: db
        .prepare('SELECT p.remote_id FROM triage t JOIN people p ON p.id = t.person_id ORDER BY t.sort_rank DESC, p.remote_id')
        .pluck()
        .all() as string[],
    };
  });
}

export function followersCheckpoint(dataDir: string): FollowersCheckpoint {
  return readDatabase(
    dataDir,
    (db) => db.prepare("SELECT items_done, pages_done, done FROM sync_state WHERE walk = 'followers'").get() as FollowersCheckpoint,
  );
}

const progressOf = (e: { event: string; payload: unknown }): SyncProgress | null => (e.event === 'sync.progress' ? (e.payload as SyncProgress) : null);

export interface KillAndResumeSetup {
  dataDir: string;
  followers: number;
  fullWalkPages: number;
  /** Kill once the first core reports this many followers done. */
  killAfter: number;
  /** Starts the walk in the first forked core; leave out when the folder already holds a running walk. */
  start?: (core: ForkedCore) => Promise<void>;
  /** Checks to make on the folder while no core runs, right after the kill. */
  afterKill?: () => void;
  /** How many follower-list requests the fake has answered so far. */
  listRequests: () => number;
}

/** Runs the kill and the resume, checking both; answers the checkpoint at the kill. */
export async function killAndResume(setup: KillAndResumeSetup): Promise<FollowersCheckpoint> {
  const first = new ForkedCore(setup.dataDir);
  await first.ready;
  await setup.start?.(first);
  await first.waitForEvent((e) => {
    const p = progressOf(e);
    return p !== null && p.phase === 'followers' && p.done >= setup.killAfter;
  });
  // Past a committed batch: the checkpoint holds at least one.
  while (followersCheckpoint(setup.dataDir).items_done === 0) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const killed = await first.kill();
  expect(killed.signal).toBe('SIGKILL');
  setup.afterKill?.();
  const atKill = followersCheckpoint(setup.dataDir);
  expect(atKill.done).toBe(0);
  expect(atKill.items_done).toBeLessThan(setup.followers);

  const listBefore = setup.listRequests();
  const second = new ForkedCore(setup.dataDir);
  await second.ready;
  const end = progressOf(await second.waitForEvent((e) => (progressOf(e)?.state ?? 'running') !== 'running'));
  expect(end?.state, JSON.stringify(end?.error)).toBe('done');
  await second.shutdown();
  const resumedPages = setup.listRequests() - listBefore;
  expect(resumedPages).toBeLessThan(setup.fullWalkPages);
  expect(resumedPages).toBeGreaterThanOrEqual(setup.fullWalkPages - atKill.pages_done);
  return atKill;
}

/** Syncs the same fake without interruption into `referenceDir`, in-process. */
export async function syncUninterrupted(
  referenceDir: string,
  openCore: (dataDir: string) => Promise<CoreHandle>,
  signIn: (core: CoreHandle) => Promise<Account>,
): Promise<void> {
  const reference = await openCore(referenceDir);
  try {
    const account = await signIn(reference);
    expect((await waitForSync(reference, account.id)).state).toBe('done');
  } finally {
    await reference.close();
  }
}

/** The resumed folder is whole, holds every follower, and equals the uninterrupted one. */
export function expectSameEndState(resumedDir: string, referenceDir: string, followers: number): void {
  const resumed = endState(resumedDir);
  expect(resumed.integrity).toBe('ok');
  expect(resumed.followers).toBe(followers);
  expect(resumed).toEqual(endState(referenceDir));
}
