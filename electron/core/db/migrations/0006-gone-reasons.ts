// 0006 — why an account is gone, and edges that pause while it is.
//
// people.gone_reason: what the network said when a follower vanished from its lists (deactivated,
// deleted, suspended, takendown, moved), so the card and timeline can say it; people.moved_to the
// handle a moved account points at. relationships.follower_gone / following_gone: the edge ended
// because the account went away, not because anyone unfollowed; when the account comes back the
// edge resumes without a "followed you" event.
// events: rebuilt to allow the timeline kind came_back (SQLite cannot alter a CHECK in place).
import type Database from 'better-sqlite3';
import type { Migration } from '../migration';

export const goneReasons: Migration = {
  version: 6,
  name: 'gone-reasons',
  up(db: Database.Database): void {
    db.exec(`
      ALTER TABLE people ADD COLUMN gone_reason TEXT
        CHECK (gone_reason IS NULL OR gone_reason IN ('deactivated', 'deleted', 'suspended', 'takendown', 'moved'));
      ALTER TABLE people ADD COLUMN moved_to TEXT;

      ALTER TABLE relationships ADD COLUMN follower_gone INTEGER NOT NULL DEFAULT 0 CHECK (follower_gone IN (0, 1));
      ALTER TABLE relationships ADD COLUMN following_gone INTEGER NOT NULL DEFAULT 0 CHECK (following_gone IN (0, 1));

      CREATE TABLE events_v6 (
        id         INTEGER PRIMARY KEY,
        account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        person_id  INTEGER REFERENCES people(id) ON DELETE CASCADE,
        kind       TEXT NOT NULL CHECK (kind IN ('followed_me', 'unfollowed_me', 'i_followed', 'i_unfollowed',
                                                 'stage_changed', 'dm_sent', 'profile_changed', 'gone',
                                                 'snoozed', 'snooze_ended', 'note_changed', 'tags_changed',
                                                 'follow_requested', 'came_back')),
        at         TEXT NOT NULL,
        data       TEXT CHECK (data IS NULL OR json_valid(data))
      );
      INSERT INTO events_v6 (id, account_id, person_id, kind, at, data)
        SELECT id, account_id, person_id, kind, at, data FROM events;
      DROP TABLE events;
      ALTER TABLE events_v6 RENAME TO events;
      CREATE INDEX events_by_account ON events (account_id, at);
      CREATE INDEX events_by_person ON events (person_id, at);
      CREATE INDEX events_by_account_kind ON events (account_id, kind, at);
    `);
  },
};

export default goneReasons;
