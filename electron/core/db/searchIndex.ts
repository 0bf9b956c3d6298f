// The people_fts and people_name_trigrams indexes are maintained by triggers (see 0001, 0009). A
// bulk ingest of a million people is faster when the indexes are built once at the end, so writers
// can defer them; a crash while deferred is healed at the next open (openDatabase calls
// healSearchIndex).
import type Database from 'better-sqlite3';

export function isSearchIndexDeferred(db: Database.Database): boolean {
  // Test databases built from other migration lists may lack the table; they have nothing to heal.
  const hasTable = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'search_index_state'")
    .get();
  if (!hasTable) return false;
  const row = db.prepare('SELECT deferred FROM search_index_state WHERE id = 1').get() as
    | { deferred: number }
    | undefined;
  return row?.deferred === 1;
}

/** Stops the FTS triggers from indexing inserts and updates until rebuildSearchIndex runs. */
export function deferSearchIndex(db: Database.Database): void {
  db.prepare('UPDATE search_index_state SET deferred = 1 WHERE id = 1').run();
}

/** Re-creates people_fts (from people and notes) and people_name_trigrams, and switches the triggers back on. */
export function rebuildSearchIndex(db: Database.Database): void {
  db.transaction(() => {
    db.prepare("INSERT INTO people_fts (people_fts) VALUES ('delete-all')").run();
    db.prepare(
      `INSERT INTO people_fts (rowid, handle, display_name, bio, notes)
       SELECT p.id, p.handle, p.display_name, p.bio, coalesce(n.notes, '')
       FROM people p
       LEFT JOIN (SELECT person_id, group_concat(body, ' ') AS notes FROM notes GROUP BY person_id) n
         ON n.person_id = p.id`,
    ).run();
    db.prepare("INSERT INTO people_fts (people_fts) VALUES ('optimize')").run();
    // Databases built from older migration lists (tests of those migrations) have no name index.
    if (db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'people_name_trigrams'").get()) {
      db.prepare("INSERT INTO people_name_trigrams (people_name_trigrams) VALUES ('delete-all')").run();
      db.prepare('INSERT INTO people_name_trigrams (rowid, handle, display_name) SELECT id, handle, display_name FROM people').run();
    }
    db.prepare('UPDATE search_index_state SET deferred = 0 WHERE id = 1').run();
  })();
}

/** Rebuilds the index if a bulk ingest was interrupted while it was deferred. */
export function healSearchIndex(db: Database.Database): boolean {
  if (!isSearchIndexDeferred(db)) return false;
  rebuildSearchIndex(db);
  return true;
}
