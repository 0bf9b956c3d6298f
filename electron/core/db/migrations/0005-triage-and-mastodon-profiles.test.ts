import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { initialSchema } from './0001-initial-schema';
import { deferrableSearchDelete } from './0002-deferrable-search-delete';
import { unicodeNameSort } from './0003-unicode-name-sort';
import { credentialsAndOutboxSchedule } from './0004-credentials-and-outbox-schedule';
import { triageAndMastodonProfiles } from './0005-triage-and-mastodon-profiles';

let db: Database.Database;
beforeEach(() => {
  db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  db.transaction(() => {
    initialSchema.up(db);
    deferrableSearchDelete.up(db);
    unicodeNameSort.up(db);
    credentialsAndOutboxSchedule.up(db);
    db.prepare("INSERT INTO accounts (id, network, remote_id, handle, created_at) VALUES (1, 'bluesky', 'did:plc:me', 'me', 'x')").run();
    db.prepare("INSERT INTO people (id, network, remote_id, handle, fetched_at) VALUES (7, 'bluesky', 'did:plc:p', 'p', 'x')").run();
    db.prepare("INSERT INTO triage (account_id, person_id, changed_at) VALUES (1, 7, 'x')").run();
    db.prepare("INSERT INTO events (id, account_id, person_id, kind, at, data) VALUES (42, 1, 7, 'followed_me', '2026-01-01T00:00:00Z', NULL)").run();
    triageAndMastodonProfiles.up(db);
  })();
});
afterEach(() => db.close());

describe('0005 triage and Mastodon profiles', () => {
  it('keeps existing events and accepts the new timeline kinds', () => {
    expect(db.prepare('SELECT id, kind FROM events').all()).toEqual([{ id: 42, kind: 'followed_me' }]);
    db.prepare("INSERT INTO events (account_id, person_id, kind, at) VALUES (1, 7, 'snoozed', 'y')").run();
    expect(() => db.prepare("INSERT INTO events (account_id, person_id, kind, at) VALUES (1, 7, 'bogus', 'y')").run()).toThrow(/CHECK/);
  });

  it('drops a person’s signals with their triage row', () => {
    db.prepare("INSERT INTO triage_signals (account_id, person_id, signal) VALUES (1, 7, 'no-posts')").run();
    db.prepare('DELETE FROM triage WHERE person_id = 7').run();
    expect(db.prepare('SELECT count(*) AS n FROM triage_signals').get()).toEqual({ n: 0 });
  });

  it('drops saved filters with their account and refuses invalid JSON', () => {
    db.prepare("INSERT INTO saved_filters (account_id, name, filter_json, created_at) VALUES (1, 'Bait', '{}', 'x')").run();
    expect(() =>
      db.prepare("INSERT INTO saved_filters (account_id, name, filter_json, created_at) VALUES (1, 'Bad', '{', 'x')").run(),
    ).toThrow(/CHECK/);
    db.prepare('DELETE FROM accounts WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) AS n FROM saved_filters').get()).toEqual({ n: 0 });
  });

  it('adds the profile, relationship and account columns with safe defaults', () => {
    expect(db.prepare('SELECT note_sync FROM accounts').get()).toEqual({ note_sync: 0 });
    expect(db.prepare('SELECT banner_url, fields_json, emojis_json, last_post_at FROM people').get()).toEqual({
      banner_url: null,
      fields_json: null,
      emojis_json: null,
      last_post_at: null,
    });
    expect(db.prepare('SELECT snooze_ended_at FROM triage').get()).toEqual({ snooze_ended_at: null });
  });
});
