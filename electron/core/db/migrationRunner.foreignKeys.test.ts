// Migrations declared `foreignKeys: 'off'`: the 12-step table rebuild keeps the rows that point at
// the rebuilt table, and a rebuild that leaves a dangling reference is rolled back.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RapportError } from '../../../shared/api/errors';
import type { Migration } from './migration';
import { readUserVersion, runMigrations } from './migrationRunner';
import { rebuildTable } from './rebuildTable';

const parentAndChildren: Migration = {
  version: 1,
  name: 'parent-and-children',
  up: (db) =>
    db.exec(`
      CREATE TABLE parent (id INTEGER PRIMARY KEY, kind TEXT NOT NULL CHECK (kind IN ('a', 'b')));
      CREATE INDEX parent_kind ON parent (kind);
      CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL REFERENCES parent(id) ON DELETE CASCADE);
      INSERT INTO parent (id, kind) VALUES (1, 'a'), (2, 'b');
      INSERT INTO child (parent_id) VALUES (1), (1), (2);
    `),
};

/** Widens parent's CHECK the only way SQLite allows: a new table, a copy, drop, rename. */
const widenKinds = (foreignKeys?: 'off'): Migration => ({
  version: 2,
  name: 'widen-kinds',
  ...(foreignKeys ? { foreignKeys } : {}),
  up: (db) => {
    db.exec(`
      CREATE TABLE parent_new (id INTEGER PRIMARY KEY, kind TEXT NOT NULL CHECK (kind IN ('a', 'b', 'c')));
      INSERT INTO parent_new (id, kind) SELECT id, kind FROM parent;
      DROP TABLE parent;
      ALTER TABLE parent_new RENAME TO parent;
    `);
  },
});

const dropParentTwo: Migration = {
  version: 3,
  name: 'drop-parent-two',
  foreignKeys: 'off',
  up: (db) => {
    rebuildTable(db, 'parent', (sql) => sql);
    db.exec('DELETE FROM parent WHERE id = 2');
  },
};

let db: Database.Database;
beforeEach(() => {
  db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  runMigrations(db, [parentAndChildren]);
});
afterEach(() => db.close());

const count = (table: string): number => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const foreignKeys = (): number => db.pragma('foreign_keys', { simple: true }) as number;

describe('migrations with foreign keys off', () => {
  it('rebuilding a parent table keeps its child rows', () => {
    runMigrations(db, [parentAndChildren, widenKinds('off')]);
    expect(count('child')).toBe(3);
    expect(readUserVersion(db)).toBe(2);
    db.prepare("INSERT INTO parent (id, kind) VALUES (3, 'c')").run();
    expect(foreignKeys()).toBe(1);
  });

  it('(without the declaration the same rebuild cascade-deletes the children)', () => {
    runMigrations(db, [parentAndChildren, widenKinds()]);
    expect(count('child')).toBe(0);
  });

  it('foreign keys are enforced again afterwards', () => {
    runMigrations(db, [parentAndChildren, widenKinds('off')]);
    expect(() => db.prepare('INSERT INTO child (parent_id) VALUES (99)').run()).toThrow(/FOREIGN KEY/);
    db.prepare('DELETE FROM parent WHERE id = 1').run();
    expect(count('child')).toBe(1);
  });

  it('rolls back a migration that leaves a dangling reference, naming the table', () => {
    let thrown: unknown;
    try {
      runMigrations(db, [parentAndChildren, widenKinds('off'), dropParentTwo]);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(RapportError);
    expect((thrown as RapportError).message).toMatch(/0003-drop-parent-two was rolled back: 1 row\(s\) of child point at missing parent/);
    expect(readUserVersion(db)).toBe(2);
    expect(count('parent')).toBe(2);
    expect(count('child')).toBe(3);
    expect(foreignKeys()).toBe(1);
  });

  it('rebuildTable keeps indexes and refuses to run with foreign keys on', () => {
    expect(() => rebuildTable(db, 'parent', (sql) => sql)).toThrow(/foreign keys on/);
    const rebuild: Migration = { version: 2, name: 'rebuild', foreignKeys: 'off', up: (d) => rebuildTable(d, 'parent', (sql) => sql.replace("'b')", "'b', 'c')")) };
    runMigrations(db, [parentAndChildren, rebuild]);
    expect(count('child')).toBe(3);
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'parent'").all()).toEqual([{ name: 'parent_kind' }]);
    db.prepare("INSERT INTO parent (id, kind) VALUES (3, 'c')").run();
  });

  it('refuses to run inside a caller’s transaction, where foreign keys cannot be turned off', () => {
    expect(() => db.transaction(() => runMigrations(db, [parentAndChildren, widenKinds('off')]))()).toThrow(/outside a transaction/);
    expect(count('child')).toBe(3);
  });
});
