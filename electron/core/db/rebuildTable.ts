// Steps 3-8 of SQLite's procedure for schema changes ALTER TABLE cannot make
// (https://www.sqlite.org/lang_altertable.html#otheralter): create the new shape under a scratch
// name, copy the rows, drop the old table, rename, and re-create its indexes and triggers. Only
// inside a migration declared `foreignKeys: 'off'` (the runner does steps 1-2 and 9-12): with
// foreign keys on, the DROP would cascade-delete every row that references the table.
//
// The new shape is derived from the table's CURRENT definition, so columns that earlier migrations
// added survive a rebuild whose author did not list them.
import type Database from 'better-sqlite3';
import { RapportError } from '../../../shared/api/errors';

const quoted = (name: string): string => `"${name.replaceAll('"', '""')}"`;

function columnsOf(db: Database.Database, table: string): string[] {
  return (db.pragma(`table_info(${quoted(table)})`) as { name: string }[]).map((c) => c.name);
}

/**
 * Rebuilds `table` as `reshape(current CREATE TABLE statement)`. Columns present in both shapes
 * are copied by name; rowids (INTEGER PRIMARY KEY) are kept, so references stay valid.
 */
export function rebuildTable(db: Database.Database, table: string, reshape: (createSql: string) => string): void {
  if (db.pragma('foreign_keys', { simple: true }) === 1) {
    throw new RapportError('INTERNAL', `Rebuilding ${table} with foreign keys on would delete the rows that reference it.`);
  }
  const current = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?").get(table) as
    | { sql: string }
    | undefined;
  if (!current) throw new RapportError('INTERNAL', `Cannot rebuild ${table}: there is no such table.`);
  // Indexes and triggers go with the DROP; autoindexes (sql NULL) come back with the new table.
  const attached = db
    .prepare("SELECT sql FROM sqlite_schema WHERE tbl_name = ? AND type IN ('index', 'trigger') AND sql IS NOT NULL")
    .all(table) as { sql: string }[];

  const scratch = `${table}_rebuild`;
  const namePattern = new RegExp(`^CREATE TABLE\\s+(?:"${table}"|'${table}'|\`${table}\`|\\[${table}\\]|${table})(?=\\s|\\()`, 'i');
  const reshaped = reshape(current.sql);
  if (!namePattern.test(reshaped)) throw new RapportError('INTERNAL', `The new shape of ${table} must start with CREATE TABLE ${table}.`);
  db.exec(reshaped.replace(namePattern, `CREATE TABLE ${quoted(scratch)}`));

  const kept = new Set(columnsOf(db, table));
  const columns = columnsOf(db, scratch).filter((c) => kept.has(c)).map(quoted).join(', ');
  db.exec(`INSERT INTO ${quoted(scratch)} (${columns}) SELECT ${columns} FROM ${quoted(table)}`);
  db.exec(`DROP TABLE ${quoted(table)}`);
  // Triggers of OTHER tables may name `table` in their bodies (notes' search triggers read people).
  // A modern RENAME re-checks every trigger and fails while `table` is missing; the legacy rename
  // leaves them alone, and after it they name the rebuilt table again.
  const legacy = db.pragma('legacy_alter_table', { simple: true }) as number;
  db.pragma('legacy_alter_table = ON');
  try {
    db.exec(`ALTER TABLE ${quoted(scratch)} RENAME TO ${quoted(table)}`);
  } finally {
    db.pragma(`legacy_alter_table = ${legacy}`);
  }
  for (const { sql } of attached) db.exec(sql);
}
