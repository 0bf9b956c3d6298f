import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runMigrations } from '../migrationRunner';
import { MIGRATIONS } from './index';

const through10 = MIGRATIONS.filter((m) => m.version <= 10);

let db: Database.Database;
beforeEach(() => {
  db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  runMigrations(db, through10);
  db.exec(`
    INSERT INTO accounts (id, network, remote_id, handle, created_at) VALUES (1, 'sample', 'me', 'me', 'x'), (2, 'sample', 'me2', 'me2', 'x');
    INSERT INTO forgotten_decisions (account_id, network, remote_id, stage) VALUES (1, 'sample', 'p7', 'declined');
    INSERT INTO people (id, network, remote_id, handle, fetched_at) VALUES (7, 'sample', 'p7', 'ada', 'x'), (8, 'sample', 'p8', 'bo', 'x');
  `);
});
afterEach(() => db.close());

const stageOf = (accountId: number, personId: number): unknown =>
  db.prepare('SELECT stage FROM triage WHERE account_id = ? AND person_id = ?').pluck().get(accountId, personId);
const tombstones = (): number => db.prepare('SELECT count(*) FROM forgotten_decisions').pluck().get() as number;

describe('0010 forgotten decisions', () => {
  it('gives a returning person the stage they were forgotten in, once', () => {
    db.exec("INSERT INTO triage (account_id, person_id, stage, changed_at) VALUES (1, 7, 'new', 'x'), (1, 8, 'new', 'x')");
    expect(stageOf(1, 7)).toBe('declined');
    expect(stageOf(1, 8)).toBe('new');
    expect(tombstones()).toBe(0);
  });

  it('belongs to one account, and a card created Connected stays Connected', () => {
    db.exec("INSERT INTO triage (account_id, person_id, stage, changed_at) VALUES (2, 7, 'new', 'x')");
    expect(stageOf(2, 7)).toBe('new');
    db.exec("INSERT INTO triage (account_id, person_id, stage, changed_at) VALUES (1, 7, 'connected', 'x')");
    expect(stageOf(1, 7)).toBe('connected');
  });

  it('goes with its account and refuses New as a kept stage', () => {
    expect(() => db.exec("INSERT INTO forgotten_decisions VALUES (1, 'sample', 'p9', 'new')")).toThrow(/CHECK/);
    db.exec('DELETE FROM accounts WHERE id = 1');
    expect(tombstones()).toBe(0);
  });
});
