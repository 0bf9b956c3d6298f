// Test-only: everything the interactions of one account amount to in SQLite (rows, kept counts,
// per-person engagement, walk position), so two runs can be compared whole — an interrupted and
// resumed walk must end where an uninterrupted one does.
import type Database from 'better-sqlite3';

export interface InteractionsState {
  rows: unknown[];
  counts: unknown[];
  people: unknown[];
  /** Rows minus distinct network items: 0 when nothing was stored twice. */
  duplicates: number;
  kinds: string[];
  inProgress: boolean;
}

export function interactionsState(db: Database.Database, accountId: number): InteractionsState {
  const all = (sql: string): unknown[] => db.prepare(sql).all(accountId);
  const duplicates = db
    .prepare('SELECT COUNT(*) - COUNT(DISTINCT item_key) FROM interactions WHERE account_id = ?')
    .pluck()
    .get(accountId) as number;
  const inProgress = db.prepare('SELECT in_progress FROM interaction_sync WHERE account_id = ?').pluck().get(accountId) === 1;
  return {
    rows: all('SELECT item_key, person_remote_id, kind, direction, at, link, excerpt FROM interactions WHERE account_id = ? ORDER BY item_key'),
    counts: all('SELECT person_remote_id, kind, direction, count, last_at FROM interaction_counts WHERE account_id = ? ORDER BY 1, 2, 3'),
    people: all('SELECT person_remote_id, engagement, first_at, last_at FROM interaction_people WHERE account_id = ? ORDER BY 1'),
    duplicates,
    kinds: (db.prepare('SELECT DISTINCT kind FROM interactions WHERE account_id = ? ORDER BY kind').pluck().all(accountId) as string[]),
    inProgress,
  };
}
