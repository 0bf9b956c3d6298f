// Opens (or creates) rapport.db: checks the schema version BEFORE anything writes to the file,
// then sets the connection pragmas and applies pending migrations.
import fs from 'node:fs';
import Database from 'better-sqlite3';
import type { Migration } from './migration';
import { MIGRATIONS } from './migrations/index';
import { latestVersionOf, readUserVersion, runMigrations, tooNewError } from './migrationRunner';
import { healSearchIndex } from './searchIndex';
import { registerSortName } from './sortName';
import { watchSlowQueries, type SlowQueryListener } from './slowQueryLog';

export interface OpenDatabaseOptions {
  /** Defaults to every migration of this build; tests pass their own lists. */
  migrations?: readonly Migration[];
  /** Milliseconds a writer waits for another connection's lock before SQLITE_BUSY. */
  busyTimeoutMs?: number;
  /** Report statements taking at least this long (CreateCoreOptions.slowQueryMs); off if unset. */
  slowQueryMs?: number;
  onSlowQuery?: SlowQueryListener;
}

/**
 * Refuses a database written by a newer Rapport without touching it. Even `journal_mode = WAL`
 * rewrites header bytes, so the version is read on a separate read-only connection first.
 */
function refuseIfTooNew(file: string, known: number): void {
  if (file === ':memory:' || !fs.existsSync(file) || fs.statSync(file).size === 0) return;
  const probe = new Database(file, { readonly: true, fileMustExist: true });
  let found: number;
  try {
    found = readUserVersion(probe);
  } finally {
    probe.close();
  }
  if (found > known) throw tooNewError(found, known);
}

export function openDatabase(file: string, opts: OpenDatabaseOptions = {}): Database.Database {
  const migrations = opts.migrations ?? MIGRATIONS;
  refuseIfTooNew(file, latestVersionOf(migrations));

  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${opts.busyTimeoutMs ?? 5000}`);
    // NORMAL in WAL mode: a power loss may drop the last commits but never corrupts the file.
    db.pragma('synchronous = NORMAL');
    // Triggers call rapport_sort_name(): every connection that writes needs it before anything runs.
    registerSortName(db);
    if (opts.slowQueryMs !== undefined && opts.onSlowQuery) watchSlowQueries(db, opts.slowQueryMs, opts.onSlowQuery);
    runMigrations(db, migrations);
    healSearchIndex(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
