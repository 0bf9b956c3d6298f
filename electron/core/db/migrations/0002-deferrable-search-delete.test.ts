import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { initialSchema } from './0001-initial-schema';
import { deferrableSearchDelete } from './0002-deferrable-search-delete';

let db: Database.Database;
beforeEach(() => {
  db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  db.transaction(() => {
    initialSchema.up(db);
    db.prepare(
      "INSERT INTO people (network, remote_id, handle, bio, fetched_at) VALUES ('sample', 'p1', 'ada', 'beekeeping', 'x')",
    ).run();
    deferrableSearchDelete.up(db);
  })();
});
afterEach(() => db.close());

const indexed = (): number => (db.prepare('SELECT count(*) AS n FROM people_fts').get() as { n: number }).n;

describe('0002 deferrable search delete', () => {
  it('still removes the search row of a deleted person', () => {
    expect(indexed()).toBe(1);
    db.prepare('DELETE FROM people').run();
    expect(indexed()).toBe(0);
  });

  it('leaves the search row to the deferring writer while the index is deferred', () => {
    db.prepare('UPDATE search_index_state SET deferred = 1').run();
    db.prepare('DELETE FROM people').run();
    expect(indexed()).toBe(1);
  });
});
