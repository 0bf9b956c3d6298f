// One schema step. Each lives in its own file `migrations/NNNN-short-name.ts`; the runner applies
// every pending one inside a single transaction and sets PRAGMA user_version to the last version.
import type Database from 'better-sqlite3';

export interface Migration {
  /** Strictly increasing, starting at 1; becomes PRAGMA user_version once applied. */
  readonly version: number;
  readonly name: string;
  /** Runs inside the runner's transaction: never BEGIN/COMMIT here, never change journal_mode. */
  up(db: Database.Database): void;
}
