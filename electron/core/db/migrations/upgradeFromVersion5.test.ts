// A database as version 5 left it, with a row in every table, opened by this build: every row
// survives the later migrations (0007 rebuilds accounts, which 11 tables reference), and the
// profile parts 0007 moves out of people still reach the profile drawer.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { peopleRepo } from '../../repos/peopleRepo';
import { readUserVersion } from '../migrationRunner';
import { openDatabase } from '../openDatabase';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './index';

const FILL_VERSION_5 = `
  INSERT INTO accounts (id, network, remote_id, handle, display_name, server_url, created_at, last_synced_at, note_sync) VALUES
    (1, 'mastodon', '109@m.example', 'me@m.example', 'Me', 'https://m.example', '2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z', 1),
    (2, 'bluesky', 'did:plc:me', 'me.bsky.social', 'Me too', NULL, '2026-01-01T00:00:00Z', NULL, 0);
  INSERT INTO people (id, network, remote_id, handle, display_name, bio, bio_html, avatar_url, avatar_file, followers_count,
                      following_count, posts_count, joined_at, profile_url, fetched_at,
                      banner_url, banner_file, fields_json, emojis_json, last_post_at) VALUES
    (10, 'mastodon', '7@m.example', 'ada@m.example', 'Ada :ok:', 'bees', '<p>bees</p>', 'https://m.example/a.png', 'avatars/aa/a.png',
     12, 3, 40, '2020-01-01T00:00:00Z', 'https://m.example/@ada', '2026-01-02T00:00:00Z',
     'https://m.example/b.png', 'banners/bb/b.png', '[{"name":"Site","valueHtml":"<a href=\\"https://ada.example\\">ada.example</a>","verifiedAt":"2025-01-01T00:00:00Z"}]',
     '[{"shortcode":"ok","url":"https://m.example/e.png","file":"emoji/ee/e.png"}]', '2026-01-01T10:00:00Z'),
    (11, 'bluesky', 'did:plc:bo', 'bo.bsky.social', 'Bo', 'hi', NULL, NULL, NULL, 5, 5, 5, NULL, NULL, '2026-01-02T00:00:00Z',
     NULL, NULL, NULL, NULL, NULL);
  INSERT INTO relationships (account_id, person_id, follows_me, i_follow, followed_me_at, follow_ref, follow_rank, seen_generation,
                             follow_requested, shared_connections_json, shared_connections_count) VALUES
    (1, 10, 1, 1, '2026-01-01T00:00:00Z', NULL, 100, 1, 0, '[{"handle":"cy@m.example","displayName":"Cy","avatarUrl":null}]', 3),
    (2, 11, 1, 0, NULL, 'at://did:plc:me/app.bsky.graph.follow/1', 99, 1, 0, NULL, NULL);
  INSERT INTO triage (account_id, person_id, stage, changed_at, snoozed_until, score, sort_rank, sort_followers, sort_name, snooze_ended_at) VALUES
    (1, 10, 'evaluated', '2026-01-02T00:00:00Z', NULL, 0.5, 100, 12, 'ada', '2026-01-01T00:00:00Z'),
    (2, 11, 'new', '2026-01-02T00:00:00Z', '2026-02-01T00:00:00Z', NULL, 99, 5, 'bo', NULL);
  INSERT INTO triage_signals (account_id, person_id, signal) VALUES (1, 10, 'posts-often'), (2, 11, 'no-posts');
  INSERT INTO notes (account_id, person_id, body, created_at, updated_at) VALUES (1, 10, 'met at the bee fair', 'x', 'x');
  INSERT INTO tags (id, account_id, name, color, created_at) VALUES (1, 1, 'bees', '#fc0', 'x');
  INSERT INTO person_tags (tag_id, person_id, created_at) VALUES (1, 10, 'x');
  INSERT INTO posts (person_id, remote_id, text, html, created_at, is_reply, is_repost) VALUES
    (10, 'p1', 'hello', '<p>hello</p>', '2026-01-01T10:00:00Z', 0, 0);
  INSERT INTO events (account_id, person_id, kind, at, data) VALUES
    (1, 10, 'followed_me', '2026-01-01T00:00:00Z', '{"followedAt":null}'), (2, 11, 'snoozed', '2026-01-02T00:00:00Z', NULL);
  INSERT INTO sync_runs (account_id, started_at, finished_at, state, phase, requests, items) VALUES
    (1, 'x', 'y', 'done', 'done', 3, 2), (2, 'x', NULL, 'failed', 'followers', 1, 0);
  INSERT INTO sync_state (account_id, walk, generation, cursor, pages_done, items_done, done, updated_at) VALUES
    (1, 'followers', 1, NULL, 1, 1, 1, 'x'), (2, 'following', 1, 'c2', 1, 1, 0, 'x');
  INSERT INTO outbox (account_id, person_id, kind, payload, idempotency_key, status, created_at, updated_at, sent_at) VALUES
    (1, 10, 'follow', NULL, 'k1', 'done', 'x', 'x', 'x'), (2, 11, 'dm', '{"text":"hi"}', 'k2', 'queued', 'x', 'x', NULL);
  INSERT INTO credentials (account_id, name, sealed, updated_at) VALUES (1, 'mastodon-token', 'v1:sealed', 'x'), (2, 'bluesky-session', 'v1:sealed', 'x');
  INSERT INTO settings (key, value) VALUES ('theme', 'dark');
  INSERT INTO message_templates (name, body, created_at, updated_at) VALUES ('Thanks', 'Thanks for the follow!', 'x', 'x');
  INSERT INTO saved_filters (account_id, name, filter_json, created_at) VALUES (1, 'Bees', '{"q":"bees"}', 'x');
`;

let dir: string;
let file: string;
let db: Database.Database | undefined;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-upgrade-'));
  file = path.join(dir, 'rapport.db');
});
afterEach(() => {
  db?.close();
  db = undefined;
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Every table of the schema, FTS shadow tables included (sqlite_master, so a new table is never missed). */
function tablesOf(database: Database.Database): string[] {
  return (
    database.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as {
      name: string;
    }[]
  ).map((r) => r.name);
}

/** Indexes and triggers by name (a rebuilt table must get all of its own back). */
function schemaObjectsOf(database: Database.Database): string[] {
  return (
    database.prepare("SELECT type || ' ' || name AS o FROM sqlite_master WHERE type IN ('index', 'trigger') ORDER BY o").all() as {
      o: string;
    }[]
  ).map((r) => r.o);
}

function countsOf(database: Database.Database): Record<string, number> {
  return Object.fromEntries(
    tablesOf(database).map((t) => [t, (database.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n]),
  );
}

describe('upgrading a filled version-5 database', () => {
  it('keeps every row of every table', () => {
    const v5 = openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version <= 5) });
    v5.exec(FILL_VERSION_5);
    const before = countsOf(v5);
    const objectsBefore = schemaObjectsOf(v5);
    expect(readUserVersion(v5)).toBe(5);
    v5.close();
    // A table added to version 5 without a row in the fixture fails here, before anything else.
    expect(Object.entries(before).filter(([, n]) => n === 0)).toEqual([]);
    expect(Object.keys(before).length).toBeGreaterThanOrEqual(20);

    db = openDatabase(file);
    expect(readUserVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    const after = countsOf(db);
    expect(Object.fromEntries(Object.keys(before).map((t) => [t, after[t]]))).toEqual(before);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    // Only the person who had a banner, fields or emoji gets an extras row.
    expect(after.person_extras).toBe(1);
    expect(schemaObjectsOf(db)).toEqual(expect.arrayContaining(objectsBefore));
  });

  it('keeps search and sort keys following people after the rebuild', () => {
    const v5 = openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version <= 5) });
    v5.exec(FILL_VERSION_5);
    v5.close();
    db = openDatabase(file);

    db.prepare("UPDATE people SET display_name = 'Zed' WHERE id = 11").run();
    expect(db.prepare('SELECT sort_name FROM triage WHERE person_id = 11').pluck().get()).toBe('zed');
    db.prepare("INSERT INTO notes (account_id, person_id, body, created_at, updated_at) VALUES (2, 11, 'knows origami', 'x', 'x')").run();
    const hits = (word: string): unknown[] => db!.prepare('SELECT rowid FROM people_fts WHERE people_fts MATCH ?').pluck().all(word);
    expect(hits('origami')).toEqual([11]);
    expect(hits('zed')).toEqual([11]);
    db.prepare('DELETE FROM people WHERE id = 10').run();
    expect(hits('bees')).toEqual([]);
  });

  it('still shows the moved banner, fields and custom emoji in the profile', () => {
    const v5 = openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version <= 5) });
    v5.exec(FILL_VERSION_5);
    v5.close();
    db = openDatabase(file);

    const profile = peopleRepo(db).profile(1, 10);
    expect(profile).toMatchObject({
      personId: 10,
      bannerUrl: 'media/banners/bb/b.png',
      fields: [{ name: 'Site', valueHtml: '<a href="https://ada.example">ada.example</a>', verifiedAt: '2025-01-01T00:00:00Z' }],
      emojis: [{ shortcode: 'ok', url: 'media/emoji/ee/e.png' }],
      note: 'met at the bee fair',
      sharedConnectionsCount: 3,
    });
    expect(peopleRepo(db).profile(2, 11)).toMatchObject({ personId: 11, bannerUrl: null, fields: [], emojis: [] });
  });
});
