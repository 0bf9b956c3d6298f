// 0003 — name sort keys folded with Unicode rules (see db/sortName.ts) instead of SQLite's
// ASCII-only lower(): the trigger that keeps triage.sort_name current now calls
// rapport_sort_name(), and existing keys are recomputed. Needs the function registered on the
// connection, which openDatabase does before migrating (up() registers it again to stand alone).
import type Database from 'better-sqlite3';
import type { Migration } from '../migration';
import { registerSortName, sortNameSql } from '../sortName';

export const unicodeNameSort: Migration = {
  version: 3,
  name: 'unicode-name-sort',
  up(db: Database.Database): void {
    registerSortName(db);
    db.exec(`
      DROP TRIGGER triage_sort_name;
      CREATE TRIGGER triage_sort_name AFTER UPDATE OF display_name, handle ON people
      WHEN old.display_name IS NOT new.display_name OR old.handle IS NOT new.handle
      BEGIN
        UPDATE triage SET sort_name = ${sortNameSql('new.display_name', 'new.handle')} WHERE person_id = new.id;
      END;
      UPDATE triage SET sort_name = (
        SELECT ${sortNameSql('p.display_name', 'p.handle')} FROM people p WHERE p.id = triage.person_id
      );
    `);
  },
};

export default unicodeNameSort;
