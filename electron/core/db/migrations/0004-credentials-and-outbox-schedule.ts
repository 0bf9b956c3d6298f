// 0004 — sealed credentials per account, and the outbox's scheduling columns.
//
// credentials: one sealed secret (SecretBox envelope, never plaintext) per account and name
// (e.g. `bluesky-session`). It references accounts ON DELETE CASCADE, so removing an account
// removes its secrets in the same DELETE; the settings table could not promise that.
//
// outbox.sent_at: when the action was last handed to the network. The daily action budget
// counts actions by it (rolling 24 h), not by updated_at, which a later failure would move.
// outbox.next_attempt_at: while an action waits out a network outage or rate limit it stays
// 'queued' with the time of its next attempt; NULL means "as soon as possible".
import type Database from 'better-sqlite3';
import type { Migration } from '../migration';

export const credentialsAndOutboxSchedule: Migration = {
  version: 4,
  name: 'credentials-and-outbox-schedule',
  up(db: Database.Database): void {
    db.exec(`
      CREATE TABLE credentials (
        account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        name       TEXT NOT NULL,
        sealed     TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (account_id, name)
      );
      ALTER TABLE outbox ADD COLUMN sent_at TEXT;
      ALTER TABLE outbox ADD COLUMN next_attempt_at TEXT;
      CREATE INDEX outbox_by_account_sent ON outbox (account_id, sent_at);
    `);
  },
};

export default credentialsAndOutboxSchedule;
