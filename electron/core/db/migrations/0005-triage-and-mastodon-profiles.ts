// 0005 — what triage beyond the board and Mastodon profiles need.
//
// triage_signals: one row per (account, signal, person) that holds now, so "people showing
// follow-bait wording" is an index range, not a scan that recomputes every signal. triage.score
// (from 0001) gets an index so the board can sort by it; snooze_ended_at marks a card that came
// back from a snooze (a badge), snoozed_until may hold 'nextPost' for "when they next post".
// message_templates and saved_filters are the user's own texts and filters.
// events: rebuilt to allow the timeline kinds snoozed / snooze_ended / note_changed /
// tags_changed / follow_requested (SQLite cannot alter a CHECK constraint in place).
// people: banner, Mastodon profile fields and custom emoji (JSON), the latest post's date (sort by
// last activity; wake snoozes "until they next post").
// relationships: a follow request waiting for a locked account, and shared connections ("followed
// by people you follow") as the network reported them, per account because they are viewer-relative.
// accounts.note_sync: Mastodon accounts that mirror notes to the server's private note.
import type Database from 'better-sqlite3';
import type { Migration } from '../migration';

export const triageAndMastodonProfiles: Migration = {
  version: 5,
  name: 'triage-and-mastodon-profiles',
  up(db: Database.Database): void {
    db.exec(`
      CREATE TABLE triage_signals (
        account_id INTEGER NOT NULL,
        person_id  INTEGER NOT NULL,
        signal     TEXT NOT NULL,
        PRIMARY KEY (account_id, signal, person_id),
        FOREIGN KEY (account_id, person_id) REFERENCES triage(account_id, person_id) ON DELETE CASCADE
      );
      CREATE INDEX triage_signals_person ON triage_signals (account_id, person_id);
      CREATE INDEX triage_by_score ON triage (account_id, stage, score DESC, person_id DESC);
      ALTER TABLE triage ADD COLUMN snooze_ended_at TEXT;
      CREATE INDEX triage_snoozed ON triage (account_id, snoozed_until) WHERE snoozed_until IS NOT NULL;

      CREATE TABLE message_templates (
        id         INTEGER PRIMARY KEY,
        name       TEXT NOT NULL,
        body       TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );

      CREATE TABLE saved_filters (
        id          INTEGER PRIMARY KEY,
        account_id  INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        name        TEXT NOT NULL,
        filter_json TEXT NOT NULL CHECK (json_valid(filter_json)),
        created_at  TEXT NOT NULL,
        UNIQUE (account_id, name)
      );

      CREATE TABLE events_v5 (
        id         INTEGER PRIMARY KEY,
        account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        person_id  INTEGER REFERENCES people(id) ON DELETE CASCADE,
        kind       TEXT NOT NULL CHECK (kind IN ('followed_me', 'unfollowed_me', 'i_followed', 'i_unfollowed',
                                                 'stage_changed', 'dm_sent', 'profile_changed', 'gone',
                                                 'snoozed', 'snooze_ended', 'note_changed', 'tags_changed',
                                                 'follow_requested')),
        at         TEXT NOT NULL,
        data       TEXT CHECK (data IS NULL OR json_valid(data))
      );
      INSERT INTO events_v5 (id, account_id, person_id, kind, at, data)
        SELECT id, account_id, person_id, kind, at, data FROM events;
      DROP TABLE events;
      ALTER TABLE events_v5 RENAME TO events;
      CREATE INDEX events_by_account ON events (account_id, at);
      CREATE INDEX events_by_person ON events (person_id, at);
      CREATE INDEX events_by_account_kind ON events (account_id, kind, at);

      ALTER TABLE people ADD COLUMN banner_url TEXT;
      ALTER TABLE people ADD COLUMN banner_file TEXT;
      ALTER TABLE people ADD COLUMN fields_json TEXT CHECK (fields_json IS NULL OR json_valid(fields_json));
      ALTER TABLE people ADD COLUMN emojis_json TEXT CHECK (emojis_json IS NULL OR json_valid(emojis_json));
      ALTER TABLE people ADD COLUMN last_post_at TEXT;

      ALTER TABLE relationships ADD COLUMN follow_requested INTEGER NOT NULL DEFAULT 0 CHECK (follow_requested IN (0, 1));
      ALTER TABLE relationships ADD COLUMN shared_connections_json TEXT
        CHECK (shared_connections_json IS NULL OR json_valid(shared_connections_json));
      ALTER TABLE relationships ADD COLUMN shared_connections_count INTEGER;

      ALTER TABLE accounts ADD COLUMN note_sync INTEGER NOT NULL DEFAULT 0 CHECK (note_sync IN (0, 1));
    `);
  },
};

export default triageAndMastodonProfiles;
