// 0013 — who engages with you. Each network's notifications (replies, mentions, likes…) become
// interactions, one row per network item (unique per account), keyed by the person's remote id
// rather than people.id: a notification may name someone not stored yet (a stranger who replied
// and follows later), and the row joins their card once the follower walk stores them.
//
// interaction_counts keeps per-kind counts and the last date per person, incremented as rows are
// inserted and never decremented by retention, so "Replied 3× · liked 12" stays true after old
// rows are purged. interaction_people is the per-person total behind the "Engages with you" view
// and the "Most engaged first" sort (triage.sort_engagement, refreshed after each interactions walk).
// interaction_sync holds each account's walk position so an interrupted walk resumes.
import type Database from 'better-sqlite3';
import type { Migration } from '../migration';

export const interactions: Migration = {
  version: 13,
  name: 'interactions',
  up(db: Database.Database): void {
    db.exec(`
CREATE TABLE interactions (
  id               INTEGER PRIMARY KEY,
  account_id       INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  item_key         TEXT NOT NULL,
  person_remote_id TEXT NOT NULL,
  kind             TEXT NOT NULL,
  direction        TEXT NOT NULL CHECK (direction IN ('theirs', 'mine')),
  at               TEXT NOT NULL,
  link             TEXT,
  excerpt          TEXT,
  UNIQUE (account_id, item_key)
);
CREATE INDEX interactions_by_person ON interactions (account_id, person_remote_id, at DESC);
CREATE INDEX interactions_by_age ON interactions (account_id, at);

CREATE TABLE interaction_counts (
  account_id       INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  person_remote_id TEXT NOT NULL,
  kind             TEXT NOT NULL,
  direction        TEXT NOT NULL CHECK (direction IN ('theirs', 'mine')),
  count            INTEGER NOT NULL,
  last_at          TEXT NOT NULL,
  PRIMARY KEY (account_id, person_remote_id, direction, kind)
) WITHOUT ROWID;

CREATE TABLE interaction_people (
  account_id       INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  person_remote_id TEXT NOT NULL,
  engagement       INTEGER NOT NULL,
  first_at         TEXT NOT NULL,
  last_at          TEXT NOT NULL,
  PRIMARY KEY (account_id, person_remote_id)
) WITHOUT ROWID;
CREATE INDEX interaction_people_by_engagement ON interaction_people (account_id, engagement DESC, person_remote_id);

CREATE TABLE interaction_sync (
  account_id  INTEGER PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
  cursor      TEXT,
  in_progress INTEGER NOT NULL DEFAULT 0 CHECK (in_progress IN (0, 1)),
  top_key     TEXT,
  top_at      TEXT,
  stop_key    TEXT,
  stop_at     TEXT,
  ignored     INTEGER NOT NULL DEFAULT 0,
  updated_at  TEXT NOT NULL
);

ALTER TABLE triage ADD COLUMN sort_engagement INTEGER NOT NULL DEFAULT 0;
CREATE INDEX triage_by_engagement ON triage (account_id, stage, sort_engagement DESC, person_id DESC);
`);
  },
};

export default interactions;
