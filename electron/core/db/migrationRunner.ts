// Applies pending migrations: all of them in ONE transaction with PRAGMA user_version set inside
// it, so a failure anywhere leaves the database exactly at the version it had.
import type Database from 'better-sqlite3';
import { RapportError } from '../../../shared/api/errors';
import type { Migration } from './migration';

export interface MigrationReport {
  from: number;
  to: number;
  /** `NNNN-name` of each migration applied, in order. */
  applied: string[];
}

export function readUserVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function latestVersionOf(migrations: readonly Migration[]): number {
  return migrations[migrations.length - 1]?.version ?? 0;
}

export function tooNewError(found: number, known: number): RapportError {
  return new RapportError(
    'DB_TOO_NEW',
    `This database was written by a newer version of Rapport (schema ${found}; this version knows up to ${known}). Update Rapport to open it.`,
  );
}

function checkOrder(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    const previous = migrations[i - 1];
    if (!Number.isInteger(m.version) || m.version < 1 || (previous && m.version <= previous.version)) {
      throw new RapportError('INTERNAL', `Migration list out of order at ${m.version}-${m.name}.`);
    }
  });
}

export function runMigrations(db: Database.Database, migrations: readonly Migration[]): MigrationReport {
  checkOrder(migrations);
  const known = latestVersionOf(migrations);
  // IMMEDIATE takes the write lock before user_version is read, so two processes opening the same
  // file cannot both decide that the same migrations are pending.
  return db
    .transaction((): MigrationReport => {
      const from = readUserVersion(db);
      if (from > known) throw tooNewError(from, known);
      const pending = migrations.filter((m) => m.version > from);
      for (const migration of pending) migration.up(db);
      if (pending.length > 0) db.pragma(`user_version = ${known}`);
      return {
        from,
        to: Math.max(from, known),
        applied: pending.map((m) => `${String(m.version).padStart(4, '0')}-${m.name}`),
      };
    })
    .immediate();
}
