import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { runMigrations } from '../migrationRunner';
import { MIGRATIONS } from './index';
import { interactions } from './0013-interactions';

let db: Database.Database;
afterEach(() => db.close());

describe('0013 interactions', () => {
  it('keeps existing cards (engagement 0), stores each network item once per account and goes with the account', () => {
    db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    runMigrations(db, MIGRATIONS.filter((m) => m.version < interactions.version));
    db.prepare("INSERT INTO accounts (id, network, remote_id, handle, created_at) VALUES (1, 'sample', 's', 'me', 'x')").run();
    db.prepare("INSERT INTO people (id, network, remote_id, handle, fetched_at) VALUES (7, 'sample', 'p7', 'p7', 'x')").run();
    db.prepare("INSERT INTO triage (account_id, person_id, changed_at) VALUES (1, 7, 'x')").run();
    runMigrations(db, MIGRATIONS.filter((m) => m.version <= interactions.version));

    expect(db.prepare('SELECT sort_engagement FROM triage').get()).toEqual({ sort_engagement: 0 });
    const insert = db.prepare(
      "INSERT INTO interactions (account_id, item_key, person_remote_id, kind, direction, at) VALUES (1, 'n1', 'p7', 'reply', 'theirs', '2026-01-01T00:00:00Z')",
    );
    insert.run();
    expect(() => insert.run()).toThrow(/UNIQUE/);
    expect(() =>
      db.prepare("INSERT INTO interactions (account_id, item_key, person_remote_id, kind, direction, at) VALUES (1, 'n2', 'p7', 'reply', 'sideways', 'x')").run(),
    ).toThrow(/CHECK/);
    db.prepare("DELETE FROM accounts WHERE id = 1").run();
    expect(db.prepare('SELECT COUNT(*) AS n FROM interactions').get()).toEqual({ n: 0 });
  });
});
