import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { runMigrations } from '../migrationRunner';
import { interactionsToCount } from './0018-interactions-to-count';
import { MIGRATIONS } from './index';

let db: Database.Database;
afterEach(() => db.close());

const queued = (): unknown[] => db.prepare('SELECT account_id, interaction_id FROM interactions_to_count ORDER BY 1, 2').all();

describe('0018 interactions to count', () => {
  it('keeps counts already stored, queues each row once per account, and goes with its account', () => {
    db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    runMigrations(db, MIGRATIONS.filter((m) => m.version < interactionsToCount.version));
    for (const id of [1, 2]) {
      db.prepare("INSERT INTO accounts (id, network, remote_id, handle, display_name, created_at) VALUES (?, 'sample', ?, 'me', 'Me', 'x')").run(id, `me${id}`);
    }
    db.prepare("INSERT INTO interaction_counts (account_id, person_remote_id, kind, direction, count, last_at) VALUES (1, 'r1', 'like', 'theirs', 4, 'x')").run();
    runMigrations(db, MIGRATIONS.filter((m) => m.version <= interactionsToCount.version));
    expect(db.prepare('SELECT count FROM interaction_counts').pluck().all()).toEqual([4]);
    expect(queued()).toEqual([]);

    const queue = db.prepare('INSERT OR IGNORE INTO interactions_to_count (account_id, interaction_id) VALUES (?, ?)');
    for (const [account, id] of [[1, 7], [1, 7], [2, 7], [1, 8]] as const) queue.run(account, id);
    expect(queued()).toEqual([
      { account_id: 1, interaction_id: 7 },
      { account_id: 1, interaction_id: 8 },
      { account_id: 2, interaction_id: 7 },
    ]);
    expect(() => queue.run(3, 9)).toThrow(/FOREIGN KEY/);

    db.prepare('DELETE FROM accounts WHERE id = 1').run();
    expect(queued()).toEqual([{ account_id: 2, interaction_id: 7 }]);
  });
});
