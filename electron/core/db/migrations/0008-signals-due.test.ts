import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runMigrations } from '../migrationRunner';
import { MIGRATIONS } from './index';

let db: Database.Database;

const dueOf = (personId: number): number | null =>
  db.prepare('SELECT signals_due_at FROM triage WHERE account_id = 1 AND person_id = ?').pluck().get(personId) as number | null;
const settle = (): void => void db.prepare('UPDATE triage SET signals_due_at = 9e15').run();

beforeEach(() => {
  db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  runMigrations(db, MIGRATIONS.filter((m) => m.version < 8));
  db.exec(`
    INSERT INTO accounts (id, network, remote_id, handle, created_at) VALUES (1, 'sample', 'me', 'me', 'x');
    INSERT INTO people (id, network, remote_id, handle, fetched_at) VALUES (7, 'sample', 'p7', 'p7', 'x'), (8, 'sample', 'p8', 'p8', 'x');
    INSERT INTO triage (account_id, person_id, changed_at, score) VALUES (1, 7, 'x', 10), (1, 8, 'x', 10);
  `);
  runMigrations(db, MIGRATIONS.filter((m) => m.version <= 8));
});
afterEach(() => db.close());

describe('0008 signals due', () => {
  it('makes everyone already stored due once, and new cards due', () => {
    expect([dueOf(7), dueOf(8)]).toEqual([0, 0]);
    db.prepare("INSERT INTO people (id, network, remote_id, handle, fetched_at) VALUES (9, 'sample', 'p9', 'p9', 'x')").run();
    db.prepare("INSERT INTO triage (account_id, person_id, changed_at) VALUES (1, 9, 'x')").run();
    expect(dueOf(9)).toBe(0);
  });

  it('makes a person due when a profile field the signals read changes, not when another does', () => {
    settle();
    db.prepare("UPDATE people SET fetched_at = 'y', profile_url = 'https://x.invalid' WHERE id = 7").run();
    db.prepare("UPDATE people SET bio = bio WHERE id = 7").run();
    expect(dueOf(7)).toBe(9e15);
    for (const [column, value] of [['bio', 'new bio'], ['posts_count', 4], ['avatar_url', 'https://a.invalid/x.png'], ['joined_at', '2020-01-01'], ['last_post_at', '2026-01-01']] as const) {
      settle();
      db.prepare(`UPDATE people SET ${column} = ? WHERE id = 7`).run(value);
      expect([column, dueOf(7), dueOf(8)]).toEqual([column, 0, 9e15]);
    }
  });

  it('makes a person due when their posts or follow events change, not for other events', () => {
    settle();
    db.prepare("INSERT INTO posts (person_id, remote_id, text, created_at) VALUES (7, 'a', 't', '2026-01-01')").run();
    expect([dueOf(7), dueOf(8)]).toEqual([0, 9e15]);
    settle();
    db.prepare('DELETE FROM posts WHERE person_id = 7').run();
    expect(dueOf(7)).toBe(0);
    settle();
    db.prepare("INSERT INTO events (account_id, person_id, kind, at) VALUES (1, 8, 'stage_changed', 'x')").run();
    expect(dueOf(8)).toBe(9e15);
    db.prepare("INSERT INTO events (account_id, person_id, kind, at) VALUES (1, 8, 'unfollowed_me', 'x')").run();
    expect([dueOf(7), dueOf(8)]).toEqual([9e15, 0]);
  });
});
