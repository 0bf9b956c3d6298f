import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { initialSchema } from './0001-initial-schema';
import { deferrableSearchDelete } from './0002-deferrable-search-delete';
import { unicodeNameSort } from './0003-unicode-name-sort';

let db: Database.Database;
beforeEach(() => {
  db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
});
afterEach(() => db.close());

const sortNames = (): string[] =>
  (db.prepare('SELECT sort_name FROM triage ORDER BY sort_name').all() as { sort_name: string }[]).map((r) => r.sort_name);

describe('0003 unicode name sort', () => {
  it('recomputes existing keys and keeps new names folded', () => {
    db.transaction(() => {
      initialSchema.up(db);
      deferrableSearchDelete.up(db);
      db.prepare("INSERT INTO accounts (network, remote_id, handle, created_at) VALUES ('sample', 'me', 'me', 'x')").run();
      db.prepare(
        `INSERT INTO people (id, network, remote_id, handle, display_name, fetched_at) VALUES
           (1, 'sample', 'a', 'a', 'Ángel', 'x'), (2, 'sample', 'b', 'b', 'Zoë', 'x'), (3, 'sample', 'c', 'c', 'bob', 'x')`,
      ).run();
      // Keys as 0001 computed them: ASCII-only lower().
      db.prepare(
        `INSERT INTO triage (account_id, person_id, changed_at, sort_name)
         SELECT 1, id, 'x', lower(coalesce(nullif(display_name, ''), handle)) FROM people`,
      ).run();
    })();
    expect(sortNames()).toEqual(['bob', 'zoë', 'Ángel']);

    db.transaction(() => unicodeNameSort.up(db))();
    expect(sortNames()).toEqual(['angel', 'bob', 'zoe']);

    db.prepare("UPDATE people SET display_name = 'Émile' WHERE id = 2").run();
    expect(sortNames()).toEqual(['angel', 'bob', 'emile']);
  });
});
