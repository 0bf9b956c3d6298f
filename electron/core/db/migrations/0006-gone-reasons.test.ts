import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { initialSchema } from './0001-initial-schema';
import { deferrableSearchDelete } from './0002-deferrable-search-delete';
import { unicodeNameSort } from './0003-unicode-name-sort';
import { credentialsAndOutboxSchedule } from './0004-credentials-and-outbox-schedule';
import { triageAndMastodonProfiles } from './0005-triage-and-mastodon-profiles';
import { goneReasons } from './0006-gone-reasons';

let db: Database.Database;
beforeEach(() => {
  db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  db.transaction(() => {
    for (const m of [initialSchema, deferrableSearchDelete, unicodeNameSort, credentialsAndOutboxSchedule, triageAndMastodonProfiles]) m.up(db);
    db.prepare("INSERT INTO accounts (id, network, remote_id, handle, created_at) VALUES (1, 'bluesky', 'did:plc:me', 'me', 'x')").run();
    db.prepare("INSERT INTO people (id, network, remote_id, handle, fetched_at, gone_at) VALUES (7, 'bluesky', 'did:plc:p', 'p', 'x', 'y')").run();
    db.prepare('INSERT INTO relationships (account_id, person_id, follows_me) VALUES (1, 7, 1)').run();
    db.prepare("INSERT INTO events (id, account_id, person_id, kind, at, data) VALUES (42, 1, 7, 'gone', '2026-01-01T00:00:00Z', NULL)").run();
    goneReasons.up(db);
  })();
});
afterEach(() => db.close());

describe('0006 gone reasons', () => {
  it('keeps existing events and accepts came_back, still refusing unknown kinds', () => {
    expect(db.prepare('SELECT id, kind FROM events').all()).toEqual([{ id: 42, kind: 'gone' }]);
    db.prepare("INSERT INTO events (account_id, person_id, kind, at) VALUES (1, 7, 'came_back', 'z')").run();
    expect(() => db.prepare("INSERT INTO events (account_id, person_id, kind, at) VALUES (1, 7, 'bogus', 'z')").run()).toThrow(/CHECK/);
    // The events still go with their person.
    db.prepare('DELETE FROM people WHERE id = 7').run();
    expect(db.prepare('SELECT count(*) AS n FROM events').get()).toEqual({ n: 0 });
  });

  it('adds the reason columns empty and the edge flags off, and refuses an unknown reason', () => {
    expect(db.prepare('SELECT gone_at, gone_reason, moved_to FROM people').get()).toEqual({ gone_at: 'y', gone_reason: null, moved_to: null });
    expect(db.prepare('SELECT follower_gone, following_gone FROM relationships').get()).toEqual({ follower_gone: 0, following_gone: 0 });
    db.prepare("UPDATE people SET gone_reason = 'moved', moved_to = 'new@example.social' WHERE id = 7").run();
    expect(() => db.prepare("UPDATE people SET gone_reason = 'vanished' WHERE id = 7").run()).toThrow(/CHECK/);
  });
});
