// How long interaction rows (with their excerpts and links) are kept. Older rows are deleted after
// each interactions walk; the per-kind counts and engagement stay, so chips keep their totals.
import type Database from 'better-sqlite3';

export const DEFAULT_INTERACTION_RETENTION_DAYS = 365;
const KEY = 'interactions.retentionDays';

export function interactionRetentionDays(db: Database.Database): number {
  const value = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(KEY) as string | undefined;
  const days = Number(value);
  return value !== undefined && Number.isInteger(days) && days > 0 ? days : DEFAULT_INTERACTION_RETENTION_DAYS;
}

export function setInteractionRetentionDays(db: Database.Database, days: number): void {
  if (!Number.isInteger(days) || days < 1) throw new RangeError('retention is a whole number of days, at least 1');
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(KEY, String(days));
}

/** The oldest instant kept at `nowMs` (ISO-8601). */
export function interactionCutoff(db: Database.Database, nowMs: number): string {
  return new Date(nowMs - interactionRetentionDays(db) * 86_400_000).toISOString();
}
