import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { runMigrations } from '../migrationRunner';
import { MIGRATIONS } from './index';
import { outboxOpenedOnSite } from './0014-outbox-opened-on-site';

let db: Database.Database;
afterEach(() => db.close());

const insert = (id: number, status: string) =>
  db
    .prepare(
      `INSERT INTO outbox (id, account_id, person_id, kind, idempotency_key, status, created_at, updated_at, sent_at)
       VALUES (?, 1, 1, 'follow', ?, ?, 'a', 'a', 'a')`,
    )
    .run(id, `k${id}`, status);

describe('0014 outbox opened on site', () => {
  it('keeps every action as it was and accepts the opened status, nothing else new', () => {
    db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    runMigrations(db, MIGRATIONS.filter((m) => m.version < outboxOpenedOnSite.version));
    db.prepare("INSERT INTO accounts (id, network, remote_id, handle, created_at) VALUES (1, 'x', '1', 'me', 'a')").run();
    db.prepare("INSERT INTO people (id, network, remote_id, handle, fetched_at) VALUES (1, 'x', '2', 'them', 'a')").run();
    insert(7, 'done');
    expect(() => insert(8, 'opened')).toThrow(/CHECK/);
    runMigrations(db, MIGRATIONS.filter((m) => m.version <= outboxOpenedOnSite.version));
    expect(db.prepare('SELECT id, status, sent_at AS sentAt FROM outbox').all()).toEqual([{ id: 7, status: 'done', sentAt: 'a' }]);
    insert(8, 'opened');
    expect(() => insert(9, 'forgotten')).toThrow(/CHECK/);
    // The indexes the budget and the worker read come back with the table.
    const indexes = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'outbox' AND sql IS NOT NULL").all() as { name: string }[]).map((r) => r.name);
    expect(indexes).toEqual(expect.arrayContaining(['outbox_by_status', 'outbox_by_account', 'outbox_by_person', 'outbox_by_account_sent']));
    // Deleting the account still takes its actions (the foreign key survived the rebuild).
    db.prepare('DELETE FROM accounts WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({ n: 0 });
  });
});
