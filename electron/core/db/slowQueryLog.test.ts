import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { watchSlowQueries, type SlowQuery } from './slowQueryLog';

let db: Database.Database;
let slow: SlowQuery[];

beforeEach(() => {
  db = new Database(':memory:');
  slow = [];
});
afterEach(() => db.close());

describe('watchSlowQueries', () => {
  it('reports statements at or over the threshold with their SQL, and results stay intact', () => {
    watchSlowQueries(db, 0, (q) => slow.push(q));
    db.prepare('CREATE TABLE t (x INTEGER)').run();
    db.prepare('INSERT INTO t VALUES (?), (?)').run(1, 2);
    expect(db.prepare('SELECT x FROM t ORDER BY x').pluck().all()).toEqual([1, 2]);
    expect(db.prepare('SELECT x FROM t WHERE x = ?').get(2)).toEqual({ x: 2 });
    expect(slow.map((q) => q.sql)).toEqual([
      'CREATE TABLE t (x INTEGER)',
      'INSERT INTO t VALUES (?), (?)',
      'SELECT x FROM t ORDER BY x',
      'SELECT x FROM t WHERE x = ?',
    ]);
    for (const q of slow) expect(q.ms).toBeGreaterThanOrEqual(0);
  });

  it('stays silent below the threshold and works inside transactions', () => {
    watchSlowQueries(db, 60_000, (q) => slow.push(q));
    db.exec('CREATE TABLE t (x INTEGER)');
    const insert = db.prepare('INSERT INTO t VALUES (?)');
    db.transaction(() => {
      for (let i = 0; i < 10; i += 1) insert.run(i);
    })();
    expect(db.prepare('SELECT count(*) FROM t').pluck().get()).toBe(10);
    expect(slow).toEqual([]);
  });
});
