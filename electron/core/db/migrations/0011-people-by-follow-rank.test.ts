import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runMigrations } from '../migrationRunner';
import { MIGRATIONS } from './index';

let db: Database.Database;
beforeEach(() => {
  db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  runMigrations(db, MIGRATIONS.filter((m) => m.version <= 11));
});
afterEach(() => db.close());

describe('0011 people by follow rank', () => {
  it('serves the newest-first people page from an index, without sorting', () => {
    const plan = (
      db
        .prepare(
          `EXPLAIN QUERY PLAN SELECT r.person_id FROM relationships r WHERE r.account_id = 1
           ORDER BY r.follow_rank DESC, r.person_id DESC LIMIT 50 OFFSET 100`,
        )
        .all() as { detail: string }[]
    ).map((row) => row.detail);
    expect(plan.join('\n')).toMatch(/relationships_by_rank/);
    expect(plan.join('\n')).not.toMatch(/TEMP B-TREE/);
  });
});
