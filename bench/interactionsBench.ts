// `npm run bench -- interactions`: who engages with you, at scale (issue 16's budgets).
// (a) 1,000,000 interactions ingested through the real repository path (interactionsRepo.store
//     and the walk's position, one transaction per page of 100 as a notifications walk commits;
//     after every 200 pages, as each walk ends, settleQueuedInteractions settles the counts, the
//     engagement and the "Most engaged first" keys) against a raw better-sqlite3 INSERT of the same rows into
//     the same table, same pages, in the same run. Budget: within 2x. Rows are generated outside
//     the clock on both sides.
// (b) The "Engages with you, not followed back" view (people query, filter { engages: true,
//     relationship: 'notFollowedBack' }, sort 'engaged') over 100,000 followers and those 1M
//     interactions: first pages and pages at random depths. Budget: p95 within 20 ms.
// Run alone: npx tsx bench/interactionsBench.ts
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type Database from 'better-sqlite3';
import type { InteractionKind } from '../shared/interactions';
import { openDatabase } from '../electron/core/db/openDatabase';
import { SORT_NAME_SQL } from '../electron/core/db/migrations/0001-initial-schema';
import type { RemoteInteraction } from '../electron/core/networks/provider';
import { interactionsRepo } from '../electron/core/repos/interactionsRepo';
import { peopleQueryRepo } from '../electron/core/repos/peopleQueryRepo';
import { INTERACTION_PAGES_PER_SYNC } from '../electron/core/sync/interactionsWalk';
import type { BenchRow } from './benchTypes';
import { percentile, randomSequence } from './benchMath';

const FOLLOWERS = 100_000;
let INTERACTIONS = 1_000_000;
const PAGE = 100;
const SEED = 16;
/** Share of followers who ever engage, and of those I follow back. */
const ENGAGED_SHARE = 0.3;
const FOLLOWED_BACK_SHARE = 0.2;
const QUERIES = 200;
const ANCHOR_MS = Date.parse('2026-12-01T00:00:00.000Z');
const KINDS: [InteractionKind, number][] = [
  ['like', 0.5],
  ['repost', 0.15],
  ['reply', 0.15],
  ['mention', 0.1],
  ['quote', 0.05],
  ['follow', 0.05],
];

const remoteIdOf = (index: number): string => `did:plc:bench${index.toString(36).padStart(6, '0')}`;

/** Pages of interactions, newest first, skewed toward a few very engaged people. */
function* interactionPages(): Generator<RemoteInteraction[]> {
  const random = randomSequence(SEED);
  const engaged = Math.floor(FOLLOWERS * ENGAGED_SHARE);
  for (let start = 0; start < INTERACTIONS; start += PAGE) {
    const page: RemoteInteraction[] = [];
    for (let i = start; i < Math.min(INTERACTIONS, start + PAGE); i++) {
      const person = Math.floor(engaged * random() ** 3);
      let pick = random();
      let kind: InteractionKind = 'like';
      for (const [k, share] of KINDS) {
        if (pick < share) {
          kind = k;
          break;
        }
        pick -= share;
      }
      const words = kind === 'reply' || kind === 'mention' || kind === 'quote';
      const mine = kind === 'reply' && random() < 0.3;
      page.push({
        key: `at://bench/notification/${i}`,
        personRemoteId: remoteIdOf(person),
        kind,
        direction: mine ? 'mine' : 'theirs',
        at: new Date(ANCHOR_MS - (i / INTERACTIONS) * 300 * 86_400_000).toISOString(),
        link: `https://bsky.app/profile/${remoteIdOf(person)}/post/${i}`,
        excerpt: words ? `Thanks for writing this up, it answers what I asked about ${i % 97} last week.` : null,
      });
    }
    yield page;
  }
}

/** 100,000 followers as a finished sync leaves them (1 in 5 followed back). */
function populate(db: Database.Database): number {
  const accountId = Number(
    db.prepare("INSERT INTO accounts (network, remote_id, handle, display_name, created_at) VALUES ('sample', 'bench', 'bench', 'Bench', ?)").run(new Date(ANCHOR_MS).toISOString()).lastInsertRowid,
  );
  const person = db.prepare(
    `INSERT INTO people (network, remote_id, handle, display_name, followers_count, following_count, posts_count, fetched_at)
     VALUES ('sample', ?, ?, ?, ?, 10, 10, ?)`,
  );
  const relationship = db.prepare('INSERT INTO relationships (account_id, person_id, follows_me, i_follow, follow_rank, seen_generation) VALUES (?, ?, 1, ?, ?, 1)');
  const triage = db.prepare(
    `INSERT INTO triage (account_id, person_id, stage, changed_at, sort_rank, sort_followers, sort_name)
     SELECT ?, id, ?, ?, ?, followers_count, ${SORT_NAME_SQL} FROM people WHERE id = ?`,
  );
  const random = randomSequence(SEED + 1);
  const at = new Date(ANCHOR_MS).toISOString();
  for (let start = 0; start < FOLLOWERS; start += 5_000) {
    db.transaction(() => {
      for (let index = start; index < Math.min(FOLLOWERS, start + 5_000); index++) {
        const id = Number(person.run(remoteIdOf(index), `bench${index}.bsky.social`, `Bench ${index}`, Math.floor(random() * 5_000), at).lastInsertRowid);
        const followedBack = random() < FOLLOWED_BACK_SHARE;
        relationship.run(accountId, id, followedBack ? 1 : 0, FOLLOWERS - index);
        triage.run(accountId, followedBack ? 'connected' : random() < 0.8 ? 'new' : 'evaluated', at, FOLLOWERS - index, id);
      }
    })();
  }
  return accountId;
}

function freshDatabase(label: string): { db: Database.Database; accountId: number; close(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `rapport-bench-interactions-${label}-`));
  const db = openDatabase(path.join(dir, 'rapport.db'));
  const accountId = populate(db);
  return {
    db,
    accountId,
    close() {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

interface Timing {
  wallMs: number;
  cpuMs: number;
}

/** Times `write` for each page (generation outside the clock). */
function timePages(write: (page: RemoteInteraction[], index: number) => void): Timing {
  let wallMs = 0;
  let cpuMs = 0;
  let index = 0;
  for (const page of interactionPages()) {
    const wall = performance.now();
    const cpu = process.cpuUsage();
    write(page, index++);
    const used = process.cpuUsage(cpu);
    wallMs += performance.now() - wall;
    cpuMs += (used.user + used.system) / 1000;
  }
  return { wallMs, cpuMs };
}

function ingestThroughRepository(db: Database.Database, accountId: number): Timing {
  const repo = interactionsRepo(db);
  const commit = db.transaction((page: RemoteInteraction[], index: number) => {
    repo.store(accountId, page);
    const last = page[page.length - 1]!;
    repo.savePosition(accountId, { cursor: last.key, inProgress: true, topKey: 'top', topAt: last.at, stopKey: null, stopAt: null, ignored: 0 }, last.at);
    if (index % INTERACTION_PAGES_PER_SYNC === INTERACTION_PAGES_PER_SYNC - 1) repo.settleQueuedInteractions(accountId, 'sample');
  });
  const timing = timePages(commit);
  const wall = performance.now();
  repo.settleQueuedInteractions(accountId, 'sample');
  return { ...timing, wallMs: timing.wallMs + performance.now() - wall };
}

function ingestRaw(db: Database.Database, accountId: number): Timing {
  const insert = db.prepare(
    `INSERT INTO interactions (account_id, item_key, person_remote_id, kind, direction, at, link, excerpt)
     VALUES (@accountId, @key, @personRemoteId, @kind, @direction, @at, @link, @excerpt)`,
  );
  const commit = db.transaction((page: RemoteInteraction[]) => {
    for (const item of page) insert.run({ accountId, ...item });
  });
  return timePages(commit);
}

function timeView(db: Database.Database, accountId: number): { total: number; first: { p50: number; p95: number }; deep: { p50: number; p95: number } } {
  const people = peopleQueryRepo(db);
  const filter = { engages: true, relationship: 'notFollowedBack' } as const;
  const total = people.page({ accountId, filter, sort: 'engaged', limit: 100 }).total;
  const random = randomSequence(SEED + 2);
  const measure = (offsetOf: () => number) => {
    const times: number[] = [];
    for (let i = 0; i < QUERIES; i++) {
      const offset = offsetOf();
      const start = performance.now();
      people.page({ accountId, filter, sort: 'engaged', limit: 100, offset });
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    return { p50: percentile(times, 50), p95: percentile(times, 95) };
  };
  return { total, first: measure(() => 0), deep: measure(() => Math.floor(random() * total)) };
}

export async function runInteractionsBench(interactions = 1_000_000): Promise<BenchRow[]> {
  INTERACTIONS = interactions;
  const ms = (n: number) => Math.round(n * 100) / 100;
  const repository = freshDatabase('repo');
  let viaRepo: Timing;
  let view: ReturnType<typeof timeView>;
  let plan: string;
  let engaged: number;
  try {
    viaRepo = ingestThroughRepository(repository.db, repository.accountId);
    repository.db.pragma('optimize');
    view = timeView(repository.db, repository.accountId);
    plan = (
      repository.db
        .prepare(
          `EXPLAIN QUERY PLAN SELECT r.person_id FROM relationships r LEFT JOIN triage t ON t.account_id = r.account_id AND t.person_id = r.person_id
           WHERE r.account_id = ? AND r.follows_me = 1 AND r.i_follow = 0 AND t.sort_engagement > 0 ORDER BY t.sort_engagement DESC, t.person_id DESC LIMIT 100`,
        )
        .all(repository.accountId) as { detail: string }[]
    )
      .map((r) => r.detail)
      .join(' / ');
    engaged = repository.db.prepare('SELECT count(*) FROM triage WHERE account_id = ? AND sort_engagement > 0').pluck().get(repository.accountId) as number;
  } finally {
    repository.close();
  }
  const raw = freshDatabase('raw');
  let viaRaw: Timing;
  try {
    viaRaw = ingestRaw(raw.db, raw.accountId);
  } finally {
    raw.close();
  }
  const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
  const label = interactions >= 1_000_000 ? `${interactions / 1_000_000}M` : `${interactions / 1000}k`;
  const name = (what: string) => `interactions ${label} over 100k followers: ${what}`;
  return [
    { name: name('ingest through interactionsRepo'), value: Math.round(viaRepo.wallMs), unit: 'ms', note: `pages of ${PAGE}; counts, engagement and sort keys settled per walk of ${INTERACTION_PAGES_PER_SYNC} pages` },
    { name: name('raw better-sqlite3 INSERT'), value: Math.round(viaRaw.wallMs), unit: 'ms', note: 'same rows, same pages, same table' },
    { name: name('ingest repository / raw'), value: ratio(viaRepo.wallMs, viaRaw.wallMs), unit: 'x', note: 'wall time; budget: within 2x' },
    { name: name('ingest repository / raw (CPU time)'), value: ratio(viaRepo.cpuMs, viaRaw.cpuMs), unit: 'x', note: `${Math.round(viaRepo.cpuMs)} vs ${Math.round(viaRaw.cpuMs)} ms CPU` },
    { name: name("'Engages with you, not followed back' first page p95"), value: ms(view.first.p95), unit: 'ms', note: `p50 ${ms(view.first.p50)}; ${view.total} people match (${engaged} engage); budget: 20 ms` },
    { name: name("'Engages with you, not followed back' random page p95"), value: ms(view.deep.p95), unit: 'ms', note: `p50 ${ms(view.deep.p50)}; plan: ${plan}` },
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const size = Number(process.argv[2]);
  void runInteractionsBench(Number.isInteger(size) && size > 0 ? size : undefined).then((rows) => {
    for (const row of rows) console.log(`${row.name}: ${row.value} ${row.unit}${row.note ? ` (${row.note})` : ''}`);
  });
}
