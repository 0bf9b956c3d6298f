import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { runMigrations } from '../migrationRunner';
import { engagedCardsIndex } from './0017-engaged-cards-index';
import { MIGRATIONS } from './index';

let db: Database.Database;
afterEach(() => db.close());

describe('0017 engaged cards index', () => {
  it('serves the "Engages with you" filter from an index of the engaged cards only', () => {
    db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    runMigrations(db, MIGRATIONS.filter((m) => m.version <= engagedCardsIndex.version));
    db.prepare("INSERT INTO accounts (id, network, remote_id, handle, display_name, created_at) VALUES (1, 'sample', 'me', 'me', 'Me', 'x')").run();
    for (const id of [1, 2, 3]) {
      db.prepare("INSERT INTO people (id, network, remote_id, handle, fetched_at) VALUES (?, 'sample', ?, ?, 'x')").run(id, `r${id}`, `p${id}`);
      db.prepare("INSERT INTO relationships (account_id, person_id, follows_me) VALUES (1, ?, 1)").run(id);
      db.prepare("INSERT INTO triage (account_id, person_id, changed_at, sort_engagement) VALUES (1, ?, 'x', ?)").run(id, id === 2 ? 0 : id * 3);
    }
    const sql = `SELECT r.person_id FROM relationships r LEFT JOIN triage t ON t.account_id = r.account_id AND t.person_id = r.person_id
                 WHERE r.account_id = 1 AND r.follows_me = 1 AND r.i_follow = 0 AND t.sort_engagement > 0 ORDER BY t.sort_engagement DESC`;
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' / ');
    expect(plan).toContain('triage_engaged');
    expect(db.prepare(sql).pluck().all()).toEqual([3, 1]);
    expect(db.prepare("SELECT count(*) FROM pragma_index_info('triage_engaged')").pluck().get()).toBe(3);
  });
});
