import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RapportError } from '../../../shared/api/errors';
import type { Migration } from './migration';
import { readUserVersion, runMigrations } from './migrationRunner';

const createA: Migration = { version: 1, name: 'a', up: (db) => db.exec('CREATE TABLE a (x INTEGER)') };
const createB: Migration = { version: 2, name: 'b', up: (db) => db.exec('CREATE TABLE b (y INTEGER)') };
const broken: Migration = {
  version: 3,
  name: 'broken',
  up: (db) => {
    db.exec('CREATE TABLE c (z INTEGER)');
    db.exec('THIS IS NOT SQL');
  },
};

let db: Database.Database;
beforeEach(() => {
  db = new Database(':memory:');
});
afterEach(() => db.close());

const tables = (): string[] =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map(
    (r) => r.name,
  );

describe('runMigrations', () => {
  it('applies every pending migration once and records the version', () => {
    expect(runMigrations(db, [createA, createB])).toEqual({ from: 0, to: 2, applied: ['0001-a', '0002-b'] });
    expect(readUserVersion(db)).toBe(2);
    expect(tables()).toEqual(['a', 'b']);
  });

  it('is a no-op when nothing is pending', () => {
    runMigrations(db, [createA, createB]);
    expect(runMigrations(db, [createA, createB])).toEqual({ from: 2, to: 2, applied: [] });
    expect(tables()).toEqual(['a', 'b']);
  });

  it('applies only the migrations newer than the database', () => {
    runMigrations(db, [createA]);
    expect(runMigrations(db, [createA, createB])).toEqual({ from: 1, to: 2, applied: ['0002-b'] });
  });

  it('rolls back a failing migration whole, keeping the ones before it', () => {
    expect(() => runMigrations(db, [createA, createB, broken])).toThrow();
    expect(readUserVersion(db)).toBe(2);
    expect(tables()).toEqual(['a', 'b']);
    expect(runMigrations(db, [createA, createB])).toEqual({ from: 2, to: 2, applied: [] });
  });

  it('accepts gaps in the numbering (a reserved number may stay unused)', () => {
    const createD: Migration = { ...createB, version: 4, name: 'd' };
    expect(runMigrations(db, [createA, createD])).toEqual({ from: 0, to: 4, applied: ['0001-a', '0004-d'] });
    expect(readUserVersion(db)).toBe(4);
  });

  it('refuses a database newer than the code', () => {
    db.pragma('user_version = 7');
    let thrown: unknown;
    try {
      runMigrations(db, [createA]);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(RapportError);
    expect((thrown as RapportError).code).toBe('DB_TOO_NEW');
    expect((thrown as RapportError).message).toBe(
      'This database was written by a newer version of Rapport (schema 7; this version knows up to 1). Update Rapport to open it.',
    );
    expect(tables()).toEqual([]);
  });

  it('rejects a migration list out of order', () => {
    expect(() => runMigrations(db, [createB, createA])).toThrow(/out of order/);
    expect(readUserVersion(db)).toBe(0);
  });
});
