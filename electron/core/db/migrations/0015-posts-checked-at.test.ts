import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { runMigrations } from '../migrationRunner';
import { MIGRATIONS } from './index';
import { postsCheckedAt } from './0015-posts-checked-at';

let db: Database.Database;
afterEach(() => db.close());

describe('0015 posts checked at', () => {
  it('keeps every person, none of them checked yet, and stores the time of a check', () => {
    db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    runMigrations(db, MIGRATIONS.filter((m) => m.version < postsCheckedAt.version));
    db.prepare("INSERT INTO people (id, network, remote_id, handle, fetched_at) VALUES (3, 'sample', 'r3', 'ada', 'x')").run();
    runMigrations(db, MIGRATIONS.filter((m) => m.version <= postsCheckedAt.version));
    expect(db.prepare('SELECT id, posts_checked_at FROM people').all()).toEqual([{ id: 3, posts_checked_at: null }]);
    db.prepare("UPDATE people SET posts_checked_at = '2026-12-03T12:00:00.000Z' WHERE id = 3").run();
    expect(db.prepare('SELECT posts_checked_at FROM people').pluck().get()).toBe('2026-12-03T12:00:00.000Z');
  });
});
