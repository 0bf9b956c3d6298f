// What core stored for Mastodon specs, read-only: which person row holds which fake account, and
// which people belong to which account (for the two-account spec).
import Database from 'better-sqlite3';
import { registerSortName } from '../../electron/core/db/sortName';
import { withReadOnlyDb } from './readOnlyDb';

/** people.id by the fake's account id, for the people known through this instance host. */
export function personIdsByFakeAccountFromDb(dbPath: string, instanceHost: string): Map<string, number> {
  return withReadOnlyDb(dbPath, (db) => {
    const rows = db.prepare("SELECT id, remote_id AS remoteId FROM people WHERE network = 'mastodon'").all() as { id: number; remoteId: string }[];
    const prefix = `${instanceHost}:`;
    return new Map(rows.filter((r) => r.remoteId.startsWith(prefix)).map((r) => [r.remoteId.slice(prefix.length), r.id]));
  });
}

/** The people on an account's board (triage rows). */
export function personIdsOnBoardFromDb(dbPath: string, accountId: number): Set<number> {
  return withReadOnlyDb(dbPath, (db) => {
    const rows = db.prepare('SELECT person_id AS personId FROM triage WHERE account_id = ?').all(accountId) as { personId: number }[];
    return new Set(rows.map((r) => r.personId));
  });
}

/** How many people have at least one cached post. */
export function peopleWithPostsFromDb(dbPath: string): number {
  return withReadOnlyDb(dbPath, (db) => (db.prepare('SELECT count(DISTINCT person_id) AS n FROM posts').get() as { n: number }).n);
}

/**
 * Puts raw, unsanitized HTML where core keeps a person's sanitized bio and post HTML: what a bug
 * or a stale row on the core side would hand the window. (A write next to core's own connection;
 * WAL lets both proceed.)
 */
export function writeUnsanitizedHtmlToDb(dbPath: string, personId: number, html: string): void {
  const db = new Database(dbPath, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    db.prepare("UPDATE people SET bio_html = ?, bio = CASE WHEN bio = '' OR bio IS NULL THEN 'bio' ELSE bio END WHERE id = ?").run(html, personId);
    db.prepare('UPDATE posts SET html = ? WHERE person_id = ?').run(html, personId);
  } finally {
    db.close();
  }
}

/**
 * Puts a raw display name where core keeps the cleaned one: core strips direction controls from
 * Mastodon names, a Bluesky name or a stale row may still carry them, and the window must cope.
 */
export function writeRawDisplayNameToDb(dbPath: string, personId: number, name: string): void {
  const db = new Database(dbPath, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    // The people triggers keep the sort key with core's own function.
    registerSortName(db);
    db.prepare('UPDATE people SET display_name = ? WHERE id = ?').run(name, personId);
  } finally {
    db.close();
  }
}
