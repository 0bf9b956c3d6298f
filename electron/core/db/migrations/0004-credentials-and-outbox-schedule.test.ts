import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { initialSchema } from './0001-initial-schema';
import { deferrableSearchDelete } from './0002-deferrable-search-delete';
import { unicodeNameSort } from './0003-unicode-name-sort';
import { credentialsAndOutboxSchedule } from './0004-credentials-and-outbox-schedule';

let db: Database.Database;
beforeEach(() => {
  db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  db.transaction(() => {
    initialSchema.up(db);
    deferrableSearchDelete.up(db);
    unicodeNameSort.up(db);
    db.prepare("INSERT INTO accounts (id, network, remote_id, handle, created_at) VALUES (1, 'bluesky', 'did:plc:me', 'me', 'x')").run();
    db.prepare(
      `INSERT INTO outbox (account_id, kind, idempotency_key, created_at, updated_at) VALUES (1, 'follow', 'k1', 'x', 'x')`,
    ).run();
    credentialsAndOutboxSchedule.up(db);
  })();
});
afterEach(() => db.close());

describe('0004 credentials and outbox schedule', () => {
  it('keeps existing outbox rows, with empty schedule columns', () => {
    expect(db.prepare('SELECT idempotency_key, sent_at, next_attempt_at FROM outbox').all()).toEqual([
      { idempotency_key: 'k1', sent_at: null, next_attempt_at: null },
    ]);
  });

  it('drops an account’s credentials with the account', () => {
    db.prepare("INSERT INTO credentials (account_id, name, sealed, updated_at) VALUES (1, 'bluesky-session', 'rsb1.a.b.c', 'x')").run();
    expect(db.prepare('SELECT count(*) AS n FROM credentials').get()).toEqual({ n: 1 });
    db.prepare('DELETE FROM accounts WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) AS n FROM credentials').get()).toEqual({ n: 0 });
  });

  it('refuses credentials of an account that does not exist', () => {
    expect(() =>
      db.prepare("INSERT INTO credentials (account_id, name, sealed, updated_at) VALUES (9, 'x', 'y', 'z')").run(),
    ).toThrow(/FOREIGN KEY/);
  });
});
