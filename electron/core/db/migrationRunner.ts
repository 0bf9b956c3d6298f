// Applies pending migrations, each in its own IMMEDIATE transaction with PRAGMA user_version set
// inside it: a failure leaves the database at the last migration that succeeded, never half-way
// through one. One transaction per migration (not one for all) because a migration declared
// `foreignKeys: 'off'` needs PRAGMA foreign_keys changed, which SQLite ignores inside a transaction.
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

const labelOf = (m: Migration): string => `${String(m.version).padStart(4, '0')}-${m.name}`;

/** Strictly increasing, not contiguous: a number reserved by work still in progress may stay empty. */
function checkOrder(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    const previous = migrations[i - 1];
    if (!Number.isInteger(m.version) || m.version < 1 || (previous && m.version <= previous.version)) {
      throw new RapportError('INTERNAL', `Migration list out of order at ${m.version}-${m.name}.`);
    }
  });
}

interface ForeignKeyViolation {
  table: string;
  rowid: number | null;
  parent: string;
}

/** Step 10 of the 12: a rebuild must not leave a row pointing at a parent that is gone. */
function assertNoDanglingReferences(db: Database.Database, migration: Migration): void {
  const violations = db.pragma('foreign_key_check') as ForeignKeyViolation[];
  if (violations.length === 0) return;
  const byTable = new Map<string, { parent: string; rows: number }>();
  for (const v of violations) {
    const entry = byTable.get(v.table) ?? { parent: v.parent, rows: 0 };
    entry.rows += 1;
    byTable.set(v.table, entry);
  }
  const where = [...byTable].map(([table, e]) => `${e.rows} row(s) of ${table} point at missing ${e.parent}`).join('; ');
  throw new RapportError(
    'INTERNAL',
    `Migration ${labelOf(migration)} was rolled back: ${where}. The database is unchanged; please report this.`,
  );
}

function foreignKeysOn(db: Database.Database): boolean {
  return db.pragma('foreign_keys', { simple: true }) === 1;
}

/** Applies one migration unless another connection already did; true when it ran here. */
function applyOne(db: Database.Database, migration: Migration, known: number): boolean {
  const step = db.transaction((): boolean => {
    // Re-read under the write lock (IMMEDIATE): two processes opening the same file cannot both
    // decide that the same migration is pending.
    const current = readUserVersion(db);
    if (current > known) throw tooNewError(current, known);
    if (current >= migration.version) return false;
    migration.up(db);
    if (migration.foreignKeys === 'off') assertNoDanglingReferences(db, migration);
    db.pragma(`user_version = ${migration.version}`);
    return true;
  });
  if (migration.foreignKeys !== 'off' || !foreignKeysOn(db)) return step.immediate();

  if (db.inTransaction) {
    throw new RapportError('INTERNAL', `Migration ${labelOf(migration)} must run outside a transaction (it turns foreign keys off).`);
  }
  db.pragma('foreign_keys = OFF');
  try {
    if (foreignKeysOn(db)) throw new RapportError('INTERNAL', `Foreign keys could not be turned off for ${labelOf(migration)}.`);
    return step.immediate();
  } finally {
    db.pragma('foreign_keys = ON');
  }
}

export function runMigrations(db: Database.Database, migrations: readonly Migration[]): MigrationReport {
  checkOrder(migrations);
  const known = latestVersionOf(migrations);
  const from = readUserVersion(db);
  if (from > known) throw tooNewError(from, known);
  const applied = migrations.filter((m) => m.version > from && applyOne(db, m, known)).map(labelOf);
  return { from, to: Math.max(from, known), applied };
}
