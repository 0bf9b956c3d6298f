// Read-side query speed over 100,000 followers: keyset board pages at random deep positions of a
// column for each sort (both directions), stage counts, FTS search for words taken from the
// generated bios, people-list queries (signal filter + score sort), plus the signal recompute and a
// 10,000-person bulk move. Rows are written directly (the ingest path has its own bench) with the
// sample network's person generator, so names, bios and signals are as varied as in the app.
// 1 in 200 followers is snoozed, so board queries pay for keeping snoozed people off the board.
// Run alone: npx tsx bench/queryBench.ts
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type Database from 'better-sqlite3';
import { BOARD_SORTS, type BoardSort, type Stage } from '../shared/domain';
import { SORT_NAME_SQL } from '../electron/core/db/migrations/0001-initial-schema';
import { openDatabase } from '../electron/core/db/openDatabase';
import { deferSearchIndex, rebuildSearchIndex } from '../electron/core/db/searchIndex';
import { generateSamplePerson } from '../electron/core/networks/sample/samplePerson';
import { boardRepo } from '../electron/core/repos/boardRepo';
import { bulkMoveRepo } from '../electron/core/repos/bulkMoveRepo';
import { peopleQueryRepo } from '../electron/core/repos/peopleQueryRepo';
import { recomputeSignals } from '../electron/core/signals/recomputeSignals';
import type { SignalId } from '../shared/signals';
import { encodeCursor, type SortValue } from '../electron/core/repos/boardCursor';
import { searchRepo } from '../electron/core/repos/searchRepo';
import type { BenchRow } from './benchTypes';
import { percentile, randomSequence } from './benchMath';

const FOLLOWERS = 100_000;
const PAGE_QUERIES = 500;
const SEARCH_QUERIES = 500;
const PAGE_LIMIT = 100;
const SEED = 7;
const ANCHOR_MS = Date.parse('2026-01-01T00:00:00.000Z');
const SORT_COLUMN: Record<BoardSort, string> = { newest: 'sort_rank', followers: 'sort_followers', name: 'sort_name', score: 'score', engaged: 'sort_engagement' };
const PEOPLE_QUERIES = 200;
const BULK_MOVE_PEOPLE = 10_000;
const SNOOZE_EVERY = 200;

function timeEach(count: number, run: (i: number) => void): { p50: number; p95: number } {
  const times: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const start = performance.now();
    run(i);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

function stageFor(random: number): Stage {
  if (random < 0.7) return 'new';
  if (random < 0.85) return 'evaluated';
  if (random < 0.95) return 'connected';
  return 'declined';
}

/** Fills the db the way a finished sync leaves it; returns the account id and some bio words. */
function populate(db: Database.Database): { accountId: number; bioWords: string[] } {
  const accountId = Number(
    db
      .prepare("INSERT INTO accounts (network, remote_id, handle, display_name, created_at) VALUES ('sample', 'bench', 'bench', 'Bench', ?)")
      .run(new Date(ANCHOR_MS).toISOString()).lastInsertRowid,
  );
  const person = db.prepare(
    `INSERT INTO people (network, remote_id, handle, display_name, bio, avatar_url, followers_count, following_count,
                         posts_count, joined_at, fetched_at)
     VALUES ('sample', @remoteId, @handle, @displayName, @bio, @avatarUrl, @followers, @following, @posts, @joinedAt,
             @fetchedAt)`,
  );
  const relationship = db.prepare(
    'INSERT INTO relationships (account_id, person_id, follows_me, follow_rank, seen_generation) VALUES (?, ?, 1, ?, 1)',
  );
  const triage = db.prepare(
    `INSERT INTO triage (account_id, person_id, stage, changed_at, sort_rank, sort_followers, sort_name)
     SELECT ?, id, ?, ?, ?, followers_count, ${SORT_NAME_SQL} FROM people WHERE id = ?`,
  );
  const random = randomSequence(SEED);
  const words = new Set<string>();
  const at = new Date(ANCHOR_MS).toISOString();
  deferSearchIndex(db);
  const chunk = 5_000;
  for (let start = 0; start < FOLLOWERS; start += chunk) {
    db.transaction(() => {
      for (let index = start; index < Math.min(FOLLOWERS, start + chunk); index += 1) {
        const { profile } = generateSamplePerson(SEED, { kind: 'f', index }, ANCHOR_MS);
        const personId = Number(
          person.run({
            remoteId: profile.remoteId,
            handle: profile.handle,
            displayName: profile.displayName,
            bio: profile.bio,
            avatarUrl: profile.avatarUrl,
            followers: profile.followersCount ?? 0,
            following: profile.followingCount ?? 0,
            posts: profile.postsCount ?? 0,
            joinedAt: profile.joinedAt,
            fetchedAt: at,
          }).lastInsertRowid,
        );
        relationship.run(accountId, personId, index + 1);
        triage.run(accountId, stageFor(random()), at, index + 1, personId);
        if (index % 50 === 0) {
          for (const word of profile.bio.split(/[^\p{L}\p{N}]+/u)) if (word.length >= 4) words.add(word.toLowerCase());
        }
      }
    })();
  }
  rebuildSearchIndex(db);
  db.prepare(`UPDATE triage SET snoozed_until = 'nextPost' WHERE account_id = ? AND person_id % ${SNOOZE_EVERY} = 0`).run(accountId);
  db.pragma('optimize');
  return { accountId, bioWords: [...words] };
}

export async function runQueryBench(): Promise<BenchRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-query-bench-'));
  const db = openDatabase(path.join(dir, 'rapport.db'));
  try {
    const populateStart = performance.now();
    const { accountId, bioWords } = populate(db);
    const populateMs = performance.now() - populateStart;
    const rows: BenchRow[] = [];

    // Signals for everyone, as a finished sync does; then again with nothing changed.
    const signalsAt = new Date(ANCHOR_MS);
    let started = performance.now();
    const firstRun = recomputeSignals(db, accountId, null, signalsAt);
    rows.push({
      name: 'signals recompute, first run',
      value: performance.now() - started,
      unit: 'ms',
      note: `${firstRun.computed.toLocaleString('en-US')} followers, ${firstRun.changed.toLocaleString('en-US')} written`,
    });
    started = performance.now();
    const rerun = recomputeSignals(db, accountId, null, signalsAt);
    rows.push({
      name: 'signals recompute, nothing changed',
      value: performance.now() - started,
      unit: 'ms',
      note: `${rerun.computed} read, ${rerun.changed} written; budget ≤ 50 ms`,
    });
    db.pragma('optimize');
    const board = boardRepo(db);
    const random = randomSequence(SEED + 1);
    const note = `${FOLLOWERS.toLocaleString('en-US')} followers, limit ${PAGE_LIMIT}, ${PAGE_QUERIES} random deep cursors`;

    for (const sort of BOARD_SORTS) {
      const keys = db
        .prepare(`SELECT ${SORT_COLUMN[sort]} AS value, person_id AS personId FROM triage WHERE account_id = ? AND stage = 'new'`)
        .all(accountId) as { value: SortValue; personId: number }[];
      const cursors = Array.from({ length: PAGE_QUERIES }, () => encodeCursor(keys[Math.floor(random() * keys.length)]!));
      for (const direction of ['forward', 'backward'] as const) {
        board.page({ accountId, stage: 'new', sort, limit: PAGE_LIMIT, cursor: cursors[0], direction }); // warm-up
        const { p50, p95 } = timeEach(PAGE_QUERIES, (i) => {
          const page = board.page({ accountId, stage: 'new', sort, limit: PAGE_LIMIT, cursor: cursors[i], direction });
          if (page.items.length === 0 && keys.length > PAGE_LIMIT * 2) throw new Error(`empty ${sort} page`);
        });
        rows.push({ name: `board page (${sort}, ${direction}) p50`, value: p50, unit: 'ms', note });
        rows.push({ name: `board page (${sort}, ${direction}) p95`, value: p95, unit: 'ms' });
      }
    }

    const counts = timeEach(100, () => board.counts(accountId));
    rows.push({ name: 'board counts p50', value: counts.p50, unit: 'ms', note: 'all four stages, 100 runs' });
    rows.push({ name: 'board counts p95', value: counts.p95, unit: 'ms' });

    const search = searchRepo(db);
    const queries = Array.from({ length: SEARCH_QUERIES }, () => bioWords[Math.floor(random() * bioWords.length)]!);
    let hits = 0;
    const fts = timeEach(SEARCH_QUERIES, (i) => {
      hits += search.search(accountId, queries[i]!, 50).length;
    });
    rows.push({
      name: 'FTS search p50',
      value: fts.p50,
      unit: 'ms',
      note: `${SEARCH_QUERIES} queries of bio words (${bioWords.length} distinct), limit 50, avg ${(hits / SEARCH_QUERIES).toFixed(1)} hits`,
    });
    rows.push({ name: 'FTS search p95', value: fts.p95, unit: 'ms' });
    const people = peopleQueryRepo(db);
    const signalChoices: SignalId[] = ['follow-bait', 'no-posts', 'inactive', 'default-avatar', 'new-account', 'mass-following'];
    const signalQuery = timeEach(PEOPLE_QUERIES, (i) => {
      const signal = signalChoices[i % signalChoices.length] as SignalId;
      people.page({ accountId, filter: { signals: [signal], stages: ['new'] }, sort: 'score', limit: 50, offset: (i % 4) * 50 });
    });
    const signalNote = `${PEOPLE_QUERIES} queries: one signal + stage New, sort score, limit 50, with total`;
    rows.push({ name: 'queryPeople (signal filter, score sort) p50', value: signalQuery.p50, unit: 'ms', note: signalNote });
    rows.push({ name: 'queryPeople (signal filter, score sort) p95', value: signalQuery.p95, unit: 'ms' });
    const searchQuery = timeEach(PEOPLE_QUERIES, (i) => {
      people.page({ accountId, filter: { query: queries[i % queries.length] }, sort: 'score', limit: 50 });
    });
    rows.push({ name: 'queryPeople (bio word, score sort) p50', value: searchQuery.p50, unit: 'ms', note: `${PEOPLE_QUERIES} queries, limit 50, with total` });
    rows.push({ name: 'queryPeople (bio word, score sort) p95', value: searchQuery.p95, unit: 'ms' });
    const everyone = timeEach(PEOPLE_QUERIES, (i) => {
      people.page({ accountId, filter: {}, sort: 'newest', limit: 50, offset: (i % 20) * 1_000 });
    });
    const everyoneNote = `${PEOPLE_QUERIES} queries, offsets 0–19,000, limit 50, with total over 100,000`;
    rows.push({ name: 'queryPeople (no filter, newest) p50', value: everyone.p50, unit: 'ms', note: everyoneNote });
    rows.push({ name: 'queryPeople (no filter, newest) p95', value: everyone.p95, unit: 'ms', note: 'budget ≤ 10 ms' });

    const toMove = db
      .prepare(`SELECT person_id FROM triage WHERE account_id = ? AND stage <> 'declined' ORDER BY person_id LIMIT ${BULK_MOVE_PEOPLE}`)
      .pluck()
      .all(accountId) as number[];
    const bulk = bulkMoveRepo(db);
    started = performance.now();
    const moved = bulk.move(accountId, { personIds: toMove }, 'declined', new Date(ANCHOR_MS).toISOString());
    rows.push({ name: 'bulk move to Declined', value: performance.now() - started, unit: 'ms', note: `${moved.from.length.toLocaleString('en-US')} people, one transaction` });
    started = performance.now();
    bulk.restore(accountId, moved.from, new Date(ANCHOR_MS).toISOString());
    rows.push({ name: 'bulk move undo (restoreStages)', value: performance.now() - started, unit: 'ms', note: `${moved.from.length.toLocaleString('en-US')} people` });

    rows.push({ name: 'query bench setup (direct inserts + FTS build)', value: populateMs, unit: 'ms', note: 'not a budget; context only' });
    return rows;
  } finally {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function printRows(rows: BenchRow[]): void {
  for (const row of rows) {
    console.log(`${row.name.padEnd(48)} ${row.value.toFixed(2).padStart(10)} ${row.unit}${row.note ? `  (${row.note})` : ''}`);
  }
}

// Top-level await is not available: tsx loads this package's .ts files as CommonJS.
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  runQueryBench().then(printRows, (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
