// 0002 — the people_fts delete trigger also skips while the search index is deferred.
// Why: removing an account of 100k followers spent 2.6 s of its 4 s in that trigger (FTS5 flushes
// at each trigger statement's savepoint); one bulk DELETE on people_fts by rowid takes 0.24 s.
// accountsRepo.remove defers, deletes, and clears the removed rowids itself in the same
// transaction. While an ingest has the index deferred, a deleted person's row stays until the
// rebuild that ends the deferral ('delete-all' + re-insert), and search joins triage/people, so a
// stale rowid never reaches a result.
import type Database from 'better-sqlite3';
import type { Migration } from '../migration';

export const deferrableSearchDelete: Migration = {
  version: 2,
  name: 'deferrable-search-delete',
  up(db: Database.Database): void {
    db.exec(`
      DROP TRIGGER people_fts_delete;
      CREATE TRIGGER people_fts_delete AFTER DELETE ON people
      WHEN (SELECT deferred FROM search_index_state WHERE id = 1) = 0
      BEGIN
        DELETE FROM people_fts WHERE rowid = old.id;
      END;
    `);
  },
};

export default deferrableSearchDelete;
