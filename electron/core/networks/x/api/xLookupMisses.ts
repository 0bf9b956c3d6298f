// Ids /2/users could not return (suspended, deleted or never existed), remembered per account with
// the date and the reason. An archive keeps such ids forever, and without this memory every sync
// would ask X about them again (a request each 100 ids, within a rate-limited window). An id is
// asked again once RECHECK_AFTER_MS has passed (a suspension can be lifted), or sooner when a newer
// archive lists it again among the account's followers or following (archiveMerge.ts forgets it
// then). Message history is not such a sign: every later archive still holds old conversations.
// Kept in the settings table under the account's id, like the read ledger; removed with the account.
import type Database from 'better-sqlite3';
import { z } from 'zod';

export type XMissReason = 'suspended' | 'deleted';

/** How long X's "suspended" or "not found" holds before the id is asked again. */
export const RECHECK_AFTER_MS = 30 * 24 * 60 * 60_000;

const missesSchema = z.record(z.string(), z.object({ at: z.string(), reason: z.enum(['suspended', 'deleted']) }));
type Misses = z.infer<typeof missesSchema>;

export const missesKeyOf = (accountId: number): string => `x.lookupMisses:${accountId}`;

/** Date before which a remembered miss is due to be asked again. */
export function recheckSince(now: number): string {
  return new Date(now - RECHECK_AFTER_MS).toISOString();
}

/**
 * SQL for the remote ids asked recently (not due again), with parameters @missesKey and
 * @recheckSince; a damaged value counts as nothing remembered (the ids are asked again, no harm).
 */
export const RECENT_MISSES_SQL = `
  SELECT m.key FROM settings s, json_each(CASE WHEN json_valid(s.value) THEN s.value ELSE '{}' END) m
  WHERE s.key = @missesKey AND json_type(m.value, '$.at') = 'text' AND json_extract(m.value, '$.at') > @recheckSince`;

function readMisses(db: Database.Database, accountId: number): Misses {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(missesKeyOf(accountId)) as { value: string } | undefined;
  if (!row) return {};
  try {
    const parsed = missesSchema.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

function writeMisses(db: Database.Database, accountId: number, misses: Misses): void {
  if (Object.keys(misses).length === 0) {
    forgetAllMisses(db, accountId);
    return;
  }
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(missesKeyOf(accountId), JSON.stringify(misses));
}

/**
 * Records what X answered: `missed` ids with their reason, dated `at`; `found` ids are forgotten
 * (X named them). Entries due again are dropped on the way, so the value stays small.
 */
export function recordLookup(db: Database.Database, accountId: number, answer: { missed: ReadonlyMap<string, XMissReason>; found: readonly string[] }, at: string, now: number): void {
  const since = recheckSince(now);
  const kept: Misses = {};
  for (const [id, miss] of Object.entries(readMisses(db, accountId))) if (miss.at > since) kept[id] = miss;
  for (const id of answer.found) delete kept[id];
  for (const [id, reason] of answer.missed) kept[id] = { at, reason };
  writeMisses(db, accountId, kept);
}

/** Forgets the remembered ids `listed` returns (SQL over remote ids), so the next sync asks them. */
export function forgetMissesListedIn(db: Database.Database, accountId: number, listedSql: string): number {
  const misses = readMisses(db, accountId);
  const ids = Object.keys(misses);
  if (ids.length === 0) return 0;
  const listed = new Set(db.prepare(`SELECT remote_id FROM (${listedSql}) WHERE remote_id IN (SELECT value FROM json_each(?))`).pluck().all(JSON.stringify(ids)) as string[]);
  if (listed.size === 0) return 0;
  for (const id of listed) delete misses[id];
  writeMisses(db, accountId, misses);
  return listed.size;
}

export function forgetAllMisses(db: Database.Database, accountId: number): void {
  db.prepare('DELETE FROM settings WHERE key = ?').run(missesKeyOf(accountId));
}
