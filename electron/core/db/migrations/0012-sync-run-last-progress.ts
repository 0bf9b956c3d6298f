// 0012 — a finished sync keeps what the window was last told. getSyncStatus after a restart used
// to rebuild the run from its row (requests as pages, no total, no unreadable count), which
// disagreed with the last progress event the window had shown. The final event is now stored on
// the run as JSON, so one record answers both.
import type Database from 'better-sqlite3';
import type { Migration } from '../migration';

export const syncRunLastProgress: Migration = {
  version: 12,
  name: 'sync-run-last-progress',
  up(db: Database.Database): void {
    db.exec('ALTER TABLE sync_runs ADD COLUMN last_progress TEXT CHECK (last_progress IS NULL OR json_valid(last_progress))');
  },
};

export default syncRunLastProgress;
