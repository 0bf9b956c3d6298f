// Ingest budget (docs/ARCHITECTURE.md, "Performance budgets"): syncing N sample followers through the real engine (createCore →
// beginSignIn({ network: 'sample' }) → the followers walk, checkpoints, events, search index) stays within 2x of a
// raw better-sqlite3 insert of the same rows into the same tables — rows generated before the
// clock starts, one prepared statement per table, one transaction per chunk of the engine's batch
// size, and the same search-index handling (deferred, rebuilt once) so both sides end with a
// searchable board. The engine's time includes generating the sample people as it pages.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SyncProgress } from '../shared/domain';
import { sortNameSql } from '../electron/core/db/sortName';
import { openDatabase } from '../electron/core/db/openDatabase';
import { deferSearchIndex, rebuildSearchIndex } from '../electron/core/db/searchIndex';
import { createCore } from '../electron/core/createCore';
import { SampleProvider, SAMPLE_PAGE_MAX } from '../electron/core/networks/sample/sampleProvider';
import type { RemoteEdge } from '../electron/core/networks/provider';
import { INGEST_BATCH_ROWS } from '../electron/core/sync/followWalk';
import type { BenchRow } from './benchTypes';

const SEED = 42;
const CHUNK = INGEST_BATCH_ROWS;

function tempDir(label: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `rapport-bench-${label}-`));
}

interface Timing {
  wallMs: number;
  /** CPU time of this process (user + system): less sensitive to other load on the machine. */
  cpuMs: number;
}

function startClock(): () => Timing {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  return () => {
    const used = process.cpuUsage(cpu);
    return { wallMs: performance.now() - wall, cpuMs: (used.user + used.system) / 1000 };
  };
}

/** Time of a full sample sync of `followers` through core. */
async function timeEngine(followers: number): Promise<Timing> {
  const dir = tempDir('engine');
  const core = await createCore({ dataDir: dir });
  try {
    const stop = startClock();
    const finished = new Promise<SyncProgress>((resolve) => {
      core.onEvent(({ event, payload }) => {
        if (event === 'sync.progress' && (payload as SyncProgress).state !== 'running') resolve(payload as SyncProgress);
      });
    });
    const added = await core.call('beginSignIn', { network: 'sample', followers, following: 0, seed: SEED });
    if (!added.ok) throw new Error(`the sample sign-in failed: ${added.error.message}`);
    const outcome = await finished;
    if (outcome.state !== 'done') throw new Error(`sync ended ${outcome.state}: ${outcome.error?.message ?? ''}`);
    return stop();
  } finally {
    await core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function generateRows(followers: number): Promise<RemoteEdge[]> {
  const provider = new SampleProvider({ seed: SEED, followers, following: 0, anchorMs: Date.UTC(2026, 0, 1) });
  const rows: RemoteEdge[] = [];
  let cursor: string | null = null;
  do {
    const page = await provider.listFollowers(cursor, SAMPLE_PAGE_MAX);
    rows.push(...page.items);
    cursor = page.cursor;
  } while (cursor !== null);
  return rows;
}

/** Time of the raw baseline insert of the same followers (generation excluded). */
async function timeRaw(followers: number): Promise<Timing> {
  const rows = await generateRows(followers);
  const dir = tempDir('raw');
  const db = openDatabase(path.join(dir, 'rapport.db'));
  try {
    const at = new Date().toISOString();
    const accountId = Number(
      db
        .prepare("INSERT INTO accounts (network, remote_id, handle, created_at) VALUES ('sample', 'bench', 'bench', ?)")
        .run(at).lastInsertRowid,
    );
    const person = db.prepare(
      `INSERT INTO people (network, remote_id, handle, display_name, bio, bio_html, avatar_url, followers_count,
         following_count, posts_count, joined_at, profile_url, fetched_at)
       VALUES ('sample', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const relationship = db.prepare(
      `INSERT INTO relationships (account_id, person_id, follows_me, followed_me_at, follow_rank, seen_generation)
       VALUES (?, ?, 1, ?, ?, 1)`,
    );
    const triage = db.prepare(
      `INSERT INTO triage (account_id, person_id, stage, changed_at, sort_rank, sort_followers, sort_name)
       VALUES (?, ?, 'new', ?, ?, ?, ${sortNameSql('?', '?')})`,
    );
    const insertChunk = db.transaction((chunk: RemoteEdge[], offset: number) => {
      chunk.forEach((edge, i) => {
        const p = edge.profile;
        const personId = Number(
          person.run(p.remoteId, p.handle, p.displayName, p.bio, p.bioHtml, p.avatarUrl, p.followersCount ?? 0,
            p.followingCount ?? 0, p.postsCount ?? 0, p.joinedAt, p.profileUrl, at).lastInsertRowid,
        );
        const rank = 100_000_000 - (offset + i);
        relationship.run(accountId, personId, edge.followedAt, rank);
        triage.run(accountId, personId, at, rank, p.followersCount ?? 0, p.displayName, p.handle);
      });
    });

    const stop = startClock();
    deferSearchIndex(db);
    for (let offset = 0; offset < rows.length; offset += CHUNK) insertChunk(rows.slice(offset, offset + CHUNK), offset);
    rebuildSearchIndex(db);
    return stop();
  } finally {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function runIngestBench(sizes: readonly number[] = [100_000, 1_000_000]): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  // Warm both paths up (module loading, JIT) so neither pays for it inside its measurement.
  await timeEngine(5_000);
  await timeRaw(5_000);
  for (const size of sizes) {
    const label = size >= 1_000_000 ? `${size / 1_000_000}M` : `${size / 1000}k`;
    // Engine first, then raw (whose pre-generated rows would otherwise sit on the heap during
    // the engine run); each gets a fresh temp database of its own.
    const engine = await timeEngine(size);
    const raw = await timeRaw(size);
    const ratio = (a: number, b: number): number => Math.round((a / b) * 100) / 100;
    rows.push(
      { name: `ingest ${label} followers: engine (full sample sync)`, value: Math.round(engine.wallMs), unit: 'ms' },
      { name: `ingest ${label} followers: raw better-sqlite3 insert`, value: Math.round(raw.wallMs), unit: 'ms' },
      { name: `ingest ${label} followers: engine / raw`, value: ratio(engine.wallMs, raw.wallMs), unit: 'x', note: 'wall time; budget: within 2x' },
      {
        name: `ingest ${label} followers: engine / raw (CPU time)`,
        value: ratio(engine.cpuMs, raw.cpuMs),
        unit: 'x',
        note: `${Math.round(engine.cpuMs)} vs ${Math.round(raw.cpuMs)} ms CPU; steadier than wall time on a busy machine`,
      },
    );
  }
  return rows;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const sizes = process.argv.slice(2).map(Number).filter((n) => Number.isInteger(n) && n > 0);
  void runIngestBench(sizes.length > 0 ? sizes : undefined).then((rows) => {
    for (const row of rows) console.log(`${row.name}: ${row.value} ${row.unit}${row.note ? ` (${row.note})` : ''}`);
  });
}
