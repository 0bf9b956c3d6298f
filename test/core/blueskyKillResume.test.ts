// SIGKILL the core process during a 50,000-follower Bluesky walk, start it again: it resumes from
// the checkpoint (fewer list requests than a full walk) and ends in the state an uninterrupted
// sync of the same fake reaches.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import type { Account, SyncProgress } from '../../shared/domain';
import { createCore, DATABASE_FILE } from '../../electron/core/createCore';
import { FakeBluesky } from '../fakes/bluesky/fakeBluesky';
import { coreOptions, FAKE_APP_PASSWORD, FAKE_HANDLE } from './blueskyCoreKit';
import { callOk, makeTempDir, removeDir, waitForSync } from './coreTestKit';
import { ForkedCore } from './forkedCore';

const FOLLOWERS = 50_000;
const FULL_WALK_PAGES = FOLLOWERS / 100;
const dirs: string[] = [];
const fake = new FakeBluesky({ handle: FAKE_HANDLE, password: FAKE_APP_PASSWORD });

afterAll(async () => {
  await fake.stop();
  for (const dir of dirs) removeDir(dir);
});

interface EndState {
  integrity: string;
  followers: number;
  stages: Record<string, number>;
  /** Every follower's DID, newest first by board rank. */
  order: string[];
}

function endState(dataDir: string): EndState {
  const db = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true });
  try {
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
  } finally {
    db.close();
  }
}

function checkpoint(dataDir: string): { items_done: number; pages_done: number; done: number } {
  const db = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true });
  try {
    return db.prepare("SELECT items_done, pages_done, done FROM sync_state WHERE walk = 'followers'").get() as {
      items_done: number;
      pages_done: number;
      done: number;
    };
  } finally {
    db.close();
  }
}

const progressOf = (e: { event: string; payload: unknown }): SyncProgress | null => (e.event === 'sync.progress' ? (e.payload as SyncProgress) : null);

describe('SIGKILL during a 50,000-follower Bluesky walk', () => {
  it('resumes from the checkpoint to the same end state', { timeout: 600_000 }, async () => {
    fake.state.generate({ followers: FOLLOWERS, follows: 300, seed: 11 });
    // A little latency keeps the walk long enough to be caught in the middle; it changes no data.
    fake.knobs.latencyMs = 3;
    await fake.start();
    const input = { identifier: FAKE_HANDLE, appPassword: FAKE_APP_PASSWORD, serviceUrl: fake.url };

    const dataDir = makeTempDir('bsky-kill');
    dirs.push(dataDir);
    const first = new ForkedCore(dataDir);
    await first.ready;
    await first.callOk('addBlueskyAccount', input);
    await first.waitForEvent((e) => {
      const p = progressOf(e);
      return p !== null && p.phase === 'followers' && p.done >= 12_000;
    });
    // Past a committed batch: the checkpoint holds at least one.
    for (;;) {
      if (checkpoint(dataDir).items_done > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const killed = await first.kill();
    expect(killed.signal).toBe('SIGKILL');
    // Under Node the data key lives beside the database, readable by its owner only.
    if (process.platform !== 'win32') expect(fs.statSync(path.join(dataDir, 'secret.key')).mode & 0o777).toBe(0o600);
    const atKill = checkpoint(dataDir);
    expect(atKill.done).toBe(0);
    expect(atKill.items_done).toBeLessThan(FOLLOWERS);

    const listBefore = fake.countOf('app.bsky.graph.getFollowers');
    const second = new ForkedCore(dataDir);
    await second.ready;
    const end = progressOf(await second.waitForEvent((e) => (progressOf(e)?.state ?? 'running') !== 'running'));
    expect(end?.state, JSON.stringify(end?.error)).toBe('done');
    await second.shutdown();
    const resumedPages = fake.countOf('app.bsky.graph.getFollowers') - listBefore;
    expect(resumedPages).toBeLessThan(FULL_WALK_PAGES);
    expect(resumedPages).toBeGreaterThanOrEqual(FULL_WALK_PAGES - atKill.pages_done);
    expect(fake.countOf('com.atproto.server.createSession')).toBe(1);

    // The same fake, synced without interruption.
    fake.knobs.latencyMs = 0;
    const referenceDir = makeTempDir('bsky-kill-reference');
    dirs.push(referenceDir);
    const reference = await createCore(coreOptions(referenceDir));
    try {
      const account: Account = await callOk(reference, 'addBlueskyAccount', input);
      expect((await waitForSync(reference, account.id)).state).toBe('done');
    } finally {
      await reference.close();
    }
    const resumed = endState(dataDir);
    expect(resumed.integrity).toBe('ok');
    expect(resumed.followers).toBe(FOLLOWERS);
    expect(resumed).toEqual(endState(referenceDir));
  });
});
