// 0001 — the whole initial data model (docs/ARCHITECTURE.md, "Data"). Released: never edit what it creates; every later
// change is a new migration file.
//
// Tables (all timestamps are ISO-8601 UTC TEXT, booleans are INTEGER 0/1):
//   accounts        id, network, remote_id, handle, display_name, server_url, created_at, last_synced_at
//   people          id, network+remote_id UNIQUE, handle, display_name, bio, bio_html, avatar_url,
//                   avatar_file (path relative to <dataDir>/media, or NULL), followers_count,
//                   following_count, posts_count, joined_at, profile_url, gone_at, fetched_at
//   relationships   PK(account_id, person_id): follows_me, i_follow, followed_me_at, i_followed_at,
//                   follow_ref, follow_rank REAL (larger = newer follower), seen_generation,
//                   following_generation
//   triage          PK(account_id, person_id): stage, changed_at, snoozed_until, score, and the
//                   denormalized sort keys sort_rank (= relationships.follow_rank), sort_followers
//                   (= people.followers_count), sort_name (see SORT_NAME_SQL below)
//   notes, tags, person_tags
//   posts           person_id, remote_id UNIQUE per person, text, html, created_at, is_reply, is_repost
//   events          append-only timeline: account_id, person_id, kind, at, data (JSON text)
//   sync_runs       one row per sync attempt: state, phase, error, requests, items
//   sync_state      PK(account_id, walk): checkpointed cursor of the followers/following walks
//   outbox          network actions with idempotency_key UNIQUE, status, attempts, last error
//   settings        key/value
//   people_fts      FTS5, contentless (rowid = people.id) over handle, display_name, bio, notes
//   search_index_state  one row: deferred flag for bulk ingest (see below)
//
// Notes for writers (the sync engine's ingest):
// - Insert triage rows WITH their sort keys: sort_rank = follow_rank, sort_followers =
//   followers_count, sort_name = SORT_NAME_SQL (since 0003: rapport_sort_name(display_name, handle),
//   Unicode-folded in JS, registered by openDatabase; sortNameSql(nameExpr, handleExpr) in
//   db/sortName.ts builds it over other column names). Computing it in SQL keeps it identical.
//   Later changes of people.followers_count / display_name / handle and relationships.follow_rank
//   are propagated to triage by triggers, so only the insert has to care.
// - The FTS index is kept by triggers on people and notes. Measured on 200k people: plain insert
//   1.3 s, with the FTS insert trigger 6.8 s (FTS5 flushes its buffer at every trigger's statement
//   savepoint), deferred + one rebuild 1.3 s + 1.3 s. So for a bulk ingest call deferSearchIndex(db)
//   first and rebuildSearchIndex(db) at the end (electron/core/db/searchIndex.ts); the triggers
//   skip while deferred. Small incremental syncs can leave the triggers on. A crash while deferred
//   is healed by openDatabase, which rebuilds when it finds the flag set.
//   (0002 makes the people_fts delete trigger deferrable too; see that file.)
// - Every foreign key cascades from accounts and people, so removing an account is one DELETE
//   (plus deleting people no account refers to any more, which accountsRepo does).
import type Database from 'better-sqlite3';
import type { Migration } from '../migration';
import { sortNameSql } from '../sortName';

/**
 * The name sort key of a person, as SQL over columns `display_name` and `handle`. Not part of this
 * migration's SQL (which is frozen below): writers import it, and it follows the latest migration
 * — 0003 moved it from lower(…) to rapport_sort_name(…).
 */
export const SORT_NAME_SQL = sortNameSql();

const sortNameOf = (alias: string): string =>
  `lower(coalesce(nullif(${alias}.display_name, ''), ${alias}.handle))`;

const SCHEMA = `
CREATE TABLE accounts (
  id             INTEGER PRIMARY KEY,
  network        TEXT NOT NULL CHECK (network IN ('sample', 'bluesky', 'mastodon', 'x', 'github')),
  remote_id      TEXT NOT NULL,
  handle         TEXT NOT NULL,
  display_name   TEXT NOT NULL DEFAULT '',
  server_url     TEXT,
  created_at     TEXT NOT NULL,
  last_synced_at TEXT,
  UNIQUE (network, remote_id)
);

CREATE TABLE people (
  id              INTEGER PRIMARY KEY,
  network         TEXT NOT NULL,
  remote_id       TEXT NOT NULL,
  handle          TEXT NOT NULL,
  display_name    TEXT NOT NULL DEFAULT '',
  bio             TEXT NOT NULL DEFAULT '',
  bio_html        TEXT,
  avatar_url      TEXT,
  avatar_file     TEXT,
  followers_count INTEGER NOT NULL DEFAULT 0,
  following_count INTEGER NOT NULL DEFAULT 0,
  posts_count     INTEGER NOT NULL DEFAULT 0,
  joined_at       TEXT,
  profile_url     TEXT,
  gone_at         TEXT,
  fetched_at      TEXT NOT NULL,
  UNIQUE (network, remote_id)
);

CREATE TABLE relationships (
  account_id           INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  person_id            INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  follows_me           INTEGER NOT NULL DEFAULT 0 CHECK (follows_me IN (0, 1)),
  i_follow             INTEGER NOT NULL DEFAULT 0 CHECK (i_follow IN (0, 1)),
  followed_me_at       TEXT,
  i_followed_at        TEXT,
  follow_ref           TEXT,
  follow_rank          REAL NOT NULL DEFAULT 0,
  seen_generation      INTEGER NOT NULL DEFAULT 0,
  following_generation INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (account_id, person_id)
);
-- Cascades from people and the "still referenced?" check when an account is removed.
CREATE INDEX relationships_person ON relationships (person_id);

CREATE TABLE triage (
  account_id     INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  person_id      INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  stage          TEXT NOT NULL DEFAULT 'new' CHECK (stage IN ('new', 'evaluated', 'connected', 'declined')),
  changed_at     TEXT NOT NULL,
  snoozed_until  TEXT,
  score          REAL,
  sort_rank      REAL NOT NULL DEFAULT 0,
  sort_followers INTEGER NOT NULL DEFAULT 0,
  sort_name      TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (account_id, person_id)
);
-- Keyset pages per sort; person_id breaks ties so every key is unique. Each index serves both
-- directions (SQLite scans it backwards for "previous page").
CREATE INDEX triage_by_rank ON triage (account_id, stage, sort_rank DESC, person_id DESC);
CREATE INDEX triage_by_followers ON triage (account_id, stage, sort_followers DESC, person_id DESC);
CREATE INDEX triage_by_name ON triage (account_id, stage, sort_name, person_id);
CREATE INDEX triage_person ON triage (person_id);

CREATE TABLE notes (
  id         INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  person_id  INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  body       TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX notes_by_person ON notes (person_id, account_id);
CREATE INDEX notes_by_account ON notes (account_id);

CREATE TABLE tags (
  id         INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  name       TEXT NOT NULL,
  color      TEXT,
  created_at TEXT NOT NULL,
  UNIQUE (account_id, name)
);

CREATE TABLE person_tags (
  tag_id     INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
  person_id  INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  PRIMARY KEY (tag_id, person_id)
);
CREATE INDEX person_tags_person ON person_tags (person_id);

CREATE TABLE posts (
  id         INTEGER PRIMARY KEY,
  person_id  INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  remote_id  TEXT NOT NULL,
  text       TEXT NOT NULL DEFAULT '',
  html       TEXT,
  created_at TEXT NOT NULL,
  is_reply   INTEGER NOT NULL DEFAULT 0 CHECK (is_reply IN (0, 1)),
  is_repost  INTEGER NOT NULL DEFAULT 0 CHECK (is_repost IN (0, 1)),
  UNIQUE (person_id, remote_id)
);
CREATE INDEX posts_recent ON posts (person_id, created_at DESC);

CREATE TABLE events (
  id         INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  person_id  INTEGER REFERENCES people(id) ON DELETE CASCADE,
  kind       TEXT NOT NULL CHECK (kind IN ('followed_me', 'unfollowed_me', 'i_followed', 'i_unfollowed',
                                           'stage_changed', 'dm_sent', 'profile_changed', 'gone')),
  at         TEXT NOT NULL,
  data       TEXT CHECK (data IS NULL OR json_valid(data))
);
CREATE INDEX events_by_account ON events (account_id, at);
CREATE INDEX events_by_person ON events (person_id, at);

CREATE TABLE sync_runs (
  id            INTEGER PRIMARY KEY,
  account_id    INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  started_at    TEXT NOT NULL,
  finished_at   TEXT,
  state         TEXT NOT NULL CHECK (state IN ('running', 'done', 'failed', 'cancelled')),
  phase         TEXT NOT NULL CHECK (phase IN ('followers', 'following', 'profiles', 'posts', 'avatars', 'done')),
  error_code    TEXT,
  error_message TEXT,
  requests      INTEGER NOT NULL DEFAULT 0,
  items         INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX sync_runs_by_account ON sync_runs (account_id, id);

CREATE TABLE sync_state (
  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  walk       TEXT NOT NULL CHECK (walk IN ('followers', 'following')),
  generation INTEGER NOT NULL DEFAULT 0,
  cursor     TEXT,
  pages_done INTEGER NOT NULL DEFAULT 0,
  items_done INTEGER NOT NULL DEFAULT 0,
  done       INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
  updated_at TEXT NOT NULL,
  PRIMARY KEY (account_id, walk)
);

CREATE TABLE outbox (
  id                 INTEGER PRIMARY KEY,
  account_id         INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  person_id          INTEGER REFERENCES people(id) ON DELETE CASCADE,
  kind               TEXT NOT NULL CHECK (kind IN ('follow', 'unfollow', 'dm', 'note')),
  payload            TEXT CHECK (payload IS NULL OR json_valid(payload)),
  idempotency_key    TEXT NOT NULL UNIQUE,
  status             TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sending', 'done', 'failed')),
  attempts           INTEGER NOT NULL DEFAULT 0,
  last_error_code    TEXT,
  last_error_message TEXT,
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL
);
CREATE INDEX outbox_by_status ON outbox (status, id);
CREATE INDEX outbox_by_account ON outbox (account_id);
CREATE INDEX outbox_by_person ON outbox (person_id);

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- Triggers replace rows with DELETE + INSERT rather than INSERT OR REPLACE, because an outer
-- statement's conflict clause (INSERT OR IGNORE …) would override OR REPLACE inside a trigger.
-- Contentless with contentless_delete: rowid is people.id, and a row can be replaced or deleted
-- by rowid alone. Notes live in another table, so an external-content table over people could not
-- carry them. remove_diacritics 2 so "Zoë" is found by "zoe".
CREATE VIRTUAL TABLE people_fts USING fts5 (
  handle, display_name, bio, notes,
  content = '', contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 2'
);

-- deferred = 1 while a bulk ingest runs: the FTS triggers skip and the index is rebuilt once.
CREATE TABLE search_index_state (
  id       INTEGER PRIMARY KEY CHECK (id = 1),
  deferred INTEGER NOT NULL DEFAULT 0 CHECK (deferred IN (0, 1))
);
INSERT INTO search_index_state (id, deferred) VALUES (1, 0);
`;

const NOT_DEFERRED = '(SELECT deferred FROM search_index_state WHERE id = 1) = 0';

/** Notes of a person across accounts, as one FTS column. */
const notesOf = (personIdSql: string): string =>
  `coalesce((SELECT group_concat(body, ' ') FROM notes WHERE person_id = ${personIdSql}), '')`;

const TRIGGERS = `
CREATE TRIGGER people_fts_insert AFTER INSERT ON people WHEN ${NOT_DEFERRED}
BEGIN
  -- A person being inserted cannot have notes yet (notes reference people).
  INSERT INTO people_fts (rowid, handle, display_name, bio, notes)
  VALUES (new.id, new.handle, new.display_name, new.bio, '');
END;

CREATE TRIGGER people_fts_update AFTER UPDATE OF handle, display_name, bio ON people
WHEN ${NOT_DEFERRED} AND (old.handle IS NOT new.handle OR old.display_name IS NOT new.display_name
                          OR old.bio IS NOT new.bio)
BEGIN
  DELETE FROM people_fts WHERE rowid = new.id;
  INSERT INTO people_fts (rowid, handle, display_name, bio, notes)
  VALUES (new.id, new.handle, new.display_name, new.bio, ${notesOf('new.id')});
END;

-- Deletes are not deferred: a stale rowid would point at a recycled people.id later.
CREATE TRIGGER people_fts_delete AFTER DELETE ON people
BEGIN
  DELETE FROM people_fts WHERE rowid = old.id;
END;

CREATE TRIGGER notes_fts_insert AFTER INSERT ON notes WHEN ${NOT_DEFERRED}
BEGIN
  DELETE FROM people_fts WHERE rowid = new.person_id;
  INSERT INTO people_fts (rowid, handle, display_name, bio, notes)
  SELECT p.id, p.handle, p.display_name, p.bio, ${notesOf('p.id')} FROM people p WHERE p.id = new.person_id;
END;

CREATE TRIGGER notes_fts_update AFTER UPDATE OF body, person_id ON notes WHEN ${NOT_DEFERRED}
BEGIN
  DELETE FROM people_fts WHERE rowid IN (old.person_id, new.person_id);
  INSERT INTO people_fts (rowid, handle, display_name, bio, notes)
  SELECT p.id, p.handle, p.display_name, p.bio, ${notesOf('p.id')} FROM people p
  WHERE p.id IN (old.person_id, new.person_id);
END;

CREATE TRIGGER notes_fts_delete AFTER DELETE ON notes WHEN ${NOT_DEFERRED}
BEGIN
  DELETE FROM people_fts WHERE rowid = old.person_id;
  INSERT INTO people_fts (rowid, handle, display_name, bio, notes)
  SELECT p.id, p.handle, p.display_name, p.bio, ${notesOf('p.id')} FROM people p WHERE p.id = old.person_id;
END;

-- Keep triage's denormalized sort keys equal to their sources.
CREATE TRIGGER triage_sort_followers AFTER UPDATE OF followers_count ON people
WHEN old.followers_count IS NOT new.followers_count
BEGIN
  UPDATE triage SET sort_followers = new.followers_count WHERE person_id = new.id;
END;

CREATE TRIGGER triage_sort_name AFTER UPDATE OF display_name, handle ON people
WHEN ${sortNameOf('old')} IS NOT ${sortNameOf('new')}
BEGIN
  UPDATE triage SET sort_name = ${sortNameOf('new')} WHERE person_id = new.id;
END;

CREATE TRIGGER triage_sort_rank AFTER UPDATE OF follow_rank ON relationships
WHEN old.follow_rank IS NOT new.follow_rank
BEGIN
  UPDATE triage SET sort_rank = new.follow_rank
  WHERE account_id = new.account_id AND person_id = new.person_id;
END;
`;

export const initialSchema: Migration = {
  version: 1,
  name: 'initial-schema',
  up(db: Database.Database): void {
    db.exec(SCHEMA);
    db.exec(TRIGGERS);
  },
};

export default initialSchema;
