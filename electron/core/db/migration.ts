// One schema step. Each lives in its own file `migrations/NNNN-short-name.ts`; the runner applies
// each pending one in its own transaction and sets PRAGMA user_version to its version there.
import type Database from 'better-sqlite3';

export interface Migration {
  /** Strictly increasing (gaps allowed), starting at 1; becomes PRAGMA user_version once applied. */
  readonly version: number;
  readonly name: string;
  /**
   * 'off' for a migration that rebuilds a table other tables reference (SQLite's 12-step
   * procedure, https://www.sqlite.org/lang_altertable.html#otheralter): with foreign keys on,
   * dropping the old table would cascade-delete every child row. The runner turns them off around
   * the transaction and runs PRAGMA foreign_key_check before committing.
   */
  readonly foreignKeys?: 'off';
  /** Runs inside the runner's transaction: never BEGIN/COMMIT here, never change journal_mode. */
  up(db: Database.Database): void;
}
