// Test-only: builds small boards by inserting rows directly, the way the sync engine's ingest
// will, so repositories and handlers can be tested against real SQLite in a temp dir.
import { CoreBus } from '../events/coreBus';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { contract, type MethodName, type MethodResult } from '../../../shared/api/contract';
import { RapportError } from '../../../shared/api/errors';
import type { EventMap, EventName } from '../../../shared/api/events';
import type { Stage } from '../../../shared/domain';
import type { CoreContext, Handler, HandlerGroup, ParsedInput } from '../api/handlerTypes';
import { SORT_NAME_SQL } from '../db/migrations/0001-initial-schema';
import { openDatabase } from '../db/openDatabase';

export const FIXTURE_NOW = '2026-03-01T12:00:00.000Z';

export interface TestDatabase {
  db: Database.Database;
  dir: string;
  file: string;
  mediaDir: string;
  reopen(): Database.Database;
  cleanup(): void;
}

export function createTestDatabase(): TestDatabase {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-repos-'));
  const file = path.join(dir, 'rapport.db');
  const mediaDir = path.join(dir, 'media');
  fs.mkdirSync(mediaDir);
  const handle: TestDatabase = {
    db: openDatabase(file),
    dir,
    file,
    mediaDir,
    reopen() {
      handle.db.close();
      handle.db = openDatabase(file);
      return handle.db;
    },
    cleanup() {
      if (handle.db.open) handle.db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return handle;
}

export function addTestAccount(db: Database.Database, remoteId = 'me'): number {
  return Number(
    db
      .prepare(
        "INSERT INTO accounts (network, remote_id, handle, display_name, created_at) VALUES ('sample', ?, ?, 'Me', ?)",
      )
      .run(remoteId, `${remoteId}.sample`, FIXTURE_NOW).lastInsertRowid,
  );
}

const FIRST = ['Ada', 'Grace', 'Alan', 'Zoë', 'Linus', 'Margaret', 'Ken', 'Barbara', 'Édouard', 'Hedy'];
const LAST = ['Lovelace', 'Hopper', 'Turing', 'Keller', 'Torvalds', 'Hamilton', 'Thompson', 'Liskov', 'Lucas', 'Lamarr'];
const WORDS = ['knitting', 'rust', 'gardening', 'coffee', 'poetry', 'climbing', 'jazz', 'astronomy', 'baking', 'chess'];

export interface FollowerSpec {
  /** remote id prefix, so two calls (or two accounts) can share or separate people */
  prefix?: string;
  stage?: (index: number) => Stage;
  /** people with an empty display name, to exercise the handle fallback */
  emptyNameEvery?: number;
}

export interface FixturePerson {
  personId: number;
  handle: string;
  displayName: string;
  bio: string;
  stage: Stage;
}

/**
 * Inserts `count` followers of the account. Sort values repeat on purpose (followers counts,
 * names and follow ranks all have ties) so keyset pages must break ties by person_id.
 */
export function addTestFollowers(
  db: Database.Database,
  accountId: number,
  count: number,
  spec: FollowerSpec = {},
): FixturePerson[] {
  const prefix = spec.prefix ?? 'p';
  const person = db.prepare(
    `INSERT INTO people (network, remote_id, handle, display_name, bio, followers_count, following_count,
                         posts_count, joined_at, profile_url, fetched_at)
     VALUES ('sample', @remoteId, @handle, @displayName, @bio, @followers, @following, 3, '2020-05-01T00:00:00.000Z',
             @profileUrl, @now)
     ON CONFLICT (network, remote_id) DO UPDATE SET handle = excluded.handle
     RETURNING id`,
  );
  const relationship = db.prepare(
    `INSERT INTO relationships (account_id, person_id, follows_me, followed_me_at, follow_rank, seen_generation)
     VALUES (?, ?, 1, ?, ?, 1)`,
  );
  const triage = db.prepare(
    `INSERT INTO triage (account_id, person_id, stage, changed_at, sort_rank, sort_followers, sort_name)
     SELECT ?, id, ?, ?, ?, followers_count, ${SORT_NAME_SQL} FROM people WHERE id = ?`,
  );
  const out: FixturePerson[] = [];
  db.transaction(() => {
    for (let i = 0; i < count; i += 1) {
      const handle = `${prefix}${i}.sample`;
      const displayName =
        spec.emptyNameEvery && i % spec.emptyNameEvery === 0 ? '' : `${FIRST[i % FIRST.length]} ${LAST[(i * 3) % LAST.length]}`;
      const bio = `I like ${WORDS[i % WORDS.length]} and ${WORDS[(i * 7 + 3) % WORDS.length]}.`;
      const stage = spec.stage?.(i) ?? 'new';
      const row = person.get({
        remoteId: `${prefix}${i}`,
        handle,
        displayName,
        bio,
        followers: (i * 37) % 11,
        following: i % 5,
        profileUrl: `https://sample.invalid/@${prefix}${i}`,
        now: FIXTURE_NOW,
      }) as { id: number };
      const rank = Math.floor(i / 3); // three followers share each rank
      relationship.run(accountId, row.id, FIXTURE_NOW, rank);
      triage.run(accountId, stage, FIXTURE_NOW, rank, row.id);
      out.push({ personId: row.id, handle, displayName, bio, stage });
    }
  })();
  return out;
}

export function addTestPosts(db: Database.Database, personId: number, count: number): void {
  const post = db.prepare(
    `INSERT INTO posts (person_id, remote_id, text, created_at, is_reply, is_repost)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    for (let i = 0; i < count; i += 1) {
      const day = String(1 + (i % 28)).padStart(2, '0');
      post.run(personId, `post-${i}`, `Post number ${i}`, `2026-02-${day}T10:00:00.000Z`, i % 4 === 1 ? 1 : 0, i % 5 === 2 ? 1 : 0);
    }
  })();
}

export interface RecordedEvent {
  event: EventName;
  payload: EventMap[EventName];
}

/** A real CoreContext over the test database; emitted events are recorded in order. */
export function createTestContext(t: TestDatabase, nowMs = Date.parse(FIXTURE_NOW)): { ctx: CoreContext; events: RecordedEvent[] } {
  const events: RecordedEvent[] = [];
  const ctx: CoreContext = {
    get db() {
      return t.db;
    },
    dataDir: t.dir,
    mediaDir: t.mediaDir,
    emit(event, payload) {
      events.push({ event, payload });
    },
    now: () => nowMs,
    bus: new CoreBus(),
  };
  return { ctx, events };
}

/** Parses input with the contract's schema, as core's door does, then runs the group's handler. */
export async function runHandler<M extends MethodName>(
  group: HandlerGroup,
  method: M,
  input: unknown,
  ctx: CoreContext,
): Promise<MethodResult<M>> {
  const handler = group[method] as Handler<M> | undefined;
  if (!handler) throw new Error(`no handler for ${method} in this group`);
  return handler(contract[method].input.parse(input) as ParsedInput<M>, ctx);
}

/** The RapportError code a call fails with, or a description of what happened instead. */
export async function errorCodeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return error instanceof RapportError ? error.code : `not a RapportError: ${String(error)}`;
  }
  return 'no error';
}
