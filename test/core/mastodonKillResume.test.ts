// SIGKILL the core process during a 20,000-follower Mastodon walk, start it again: it resumes from
// the checkpoint (fewer list requests than a full walk) and ends in the state an uninterrupted
// sync of the same fake reaches. The sign-in happens in-process (the fake is plain http on
// loopback, which only a test core accepts); the forked cores then work from the sealed grant.
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import type { SyncProgress } from '../../shared/domain';
import { createCore, DATABASE_FILE } from '../../electron/core/createCore';
import { FakeMastodon } from '../fakes/mastodon/fakeMastodon';
import { makeTempDir, removeDir, waitForSync } from './coreTestKit';
import { ForkedCore } from './forkedCore';
import { mastodonCoreOptions, signInThroughCore } from './mastodonCoreKit';

const FOLLOWERS = 20_000;
const FULL_WALK_PAGES = Math.ceil(FOLLOWERS / 80);
const FOLLOWERS_ROUTE = 'GET /api/v1/accounts/:id/followers';
const dirs: string[] = [];
const fake = new FakeMastodon({ username: 'me', domain: 'fake.mastodon.test' });

afterAll(async () => {
  await fake.stop();
  for (const dir of dirs) removeDir(dir);
});

interface EndState {
  integrity: string;
  followers: number;
  stages: Record<string, number>;
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

describe('SIGKILL during a 20,000-follower Mastodon walk', () => {
  it('resumes from the checkpoint to the same end state', { timeout: 600_000 }, async () => {
    fake.state.generate({ followers: FOLLOWERS, following: 200, lockedShare: 0, seed: 13 });
    // Latency keeps the walk long enough to be caught in the middle; it changes no data.
    fake.knobs.latencyMs = 15;
    await fake.start();

    const dataDir = makeTempDir('masto-kill');
    dirs.push(dataDir);
    // Sign in, then close at once: the first walk stays 'running', and the forked core resumes it.
    const signingIn = await createCore(mastodonCoreOptions(dataDir));
    await signInThroughCore(signingIn, fake);
    await signingIn.close();

    fake.knobs.latencyMs = 8;
    const first = new ForkedCore(dataDir);
    await first.ready;
    await first.waitForEvent((e) => {
      const p = progressOf(e);
      return p !== null && p.phase === 'followers' && p.done >= 6_000;
    });
    for (;;) {
      if (checkpoint(dataDir).items_done > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const killed = await first.kill();
    expect(killed.signal).toBe('SIGKILL');
    const atKill = checkpoint(dataDir);
    expect(atKill.done).toBe(0);
    expect(atKill.items_done).toBeLessThan(FOLLOWERS);

    const listBefore = fake.countOf(FOLLOWERS_ROUTE);
    const second = new ForkedCore(dataDir);
    await second.ready;
    const end = progressOf(await second.waitForEvent((e) => (progressOf(e)?.state ?? 'running') !== 'running'));
    expect(end?.state, JSON.stringify(end?.error)).toBe('done');
    await second.shutdown();
    const resumedPages = fake.countOf(FOLLOWERS_ROUTE) - listBefore;
    expect(resumedPages).toBeLessThan(FULL_WALK_PAGES);
    expect(resumedPages).toBeGreaterThanOrEqual(FULL_WALK_PAGES - atKill.pages_done);

    // The same fake, synced without interruption.
    fake.knobs.latencyMs = 0;
    const referenceDir = makeTempDir('masto-kill-reference');
    dirs.push(referenceDir);
    const reference = await createCore(mastodonCoreOptions(referenceDir));
    try {
      const account = await signInThroughCore(reference, fake);
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
