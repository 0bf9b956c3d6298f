import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { initialSchema } from './0001-initial-schema';
import { deferSearchIndex, rebuildSearchIndex } from '../searchIndex';

const NOW = '2026-01-01T00:00:00.000Z';
let db: Database.Database;

beforeEach(() => {
  db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  db.transaction(() => initialSchema.up(db))();
});
afterEach(() => db.close());

function addAccount(remoteId = 'me'): number {
  return Number(
    db
      .prepare("INSERT INTO accounts (network, remote_id, handle, created_at) VALUES ('sample', ?, ?, ?)")
      .run(remoteId, remoteId, NOW).lastInsertRowid,
  );
}

function addPerson(remoteId: string, fields: { handle?: string; name?: string; bio?: string; followers?: number } = {}): number {
  return Number(
    db
      .prepare(
        `INSERT INTO people (network, remote_id, handle, display_name, bio, followers_count, fetched_at)
         VALUES ('sample', ?, ?, ?, ?, ?, ?)`,
      )
      .run(remoteId, fields.handle ?? remoteId, fields.name ?? '', fields.bio ?? '', fields.followers ?? 0, NOW)
      .lastInsertRowid,
  );
}

function follow(accountId: number, personId: number, rank: number): void {
  db.prepare(
    'INSERT INTO relationships (account_id, person_id, follows_me, follow_rank) VALUES (?, ?, 1, ?)',
  ).run(accountId, personId, rank);
  db.prepare(
    `INSERT INTO triage (account_id, person_id, changed_at, sort_rank, sort_followers, sort_name)
     SELECT ?, p.id, ?, ?, p.followers_count, lower(coalesce(nullif(p.display_name, ''), p.handle))
     FROM people p WHERE p.id = ?`,
  ).run(accountId, NOW, rank, personId);
}

function matches(query: string): number[] {
  return (db.prepare('SELECT rowid FROM people_fts WHERE people_fts MATCH ? ORDER BY rowid').all(query) as { rowid: number }[]).map(
    (r) => r.rowid,
  );
}

describe('0001 initial schema', () => {
  it('creates every table of the data model', () => {
    const names = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map(
      (r) => r.name,
    );
    for (const table of [
      'accounts', 'people', 'relationships', 'triage', 'notes', 'tags', 'person_tags', 'posts', 'events',
      'sync_runs', 'sync_state', 'outbox', 'settings', 'people_fts', 'search_index_state',
    ]) {
      expect(names).toContain(table);
    }
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('removes everything of an account with one DELETE', () => {
    const account = addAccount();
    const other = addAccount('other');
    const person = addPerson('p1');
    follow(account, person, 1);
    follow(other, person, 1);
    db.prepare("INSERT INTO notes (account_id, person_id, body, created_at, updated_at) VALUES (?, ?, 'hi', ?, ?)").run(account, person, NOW, NOW);
    db.prepare("INSERT INTO events (account_id, person_id, kind, at, data) VALUES (?, ?, 'followed_me', ?, '{}')").run(account, person, NOW);
    db.prepare("INSERT INTO sync_state (account_id, walk, updated_at) VALUES (?, 'followers', ?)").run(account, NOW);
    db.prepare("INSERT INTO sync_runs (account_id, started_at, state, phase) VALUES (?, ?, 'running', 'followers')").run(account, NOW);
    db.prepare(
      "INSERT INTO outbox (account_id, person_id, kind, idempotency_key, created_at, updated_at) VALUES (?, ?, 'follow', 'k1', ?, ?)",
    ).run(account, person, NOW, NOW);
    db.prepare("INSERT INTO tags (account_id, name, created_at) VALUES (?, 'friend', ?)").run(account, NOW);

    db.prepare('DELETE FROM accounts WHERE id = ?').run(account);

    for (const table of ['relationships', 'triage', 'notes', 'events', 'sync_state', 'sync_runs', 'outbox', 'tags']) {
      const { n } = db.prepare(`SELECT count(*) AS n FROM ${table} WHERE account_id = ?`).get(account) as { n: number };
      expect(n, table).toBe(0);
    }
    // The other account's rows are untouched.
    expect(db.prepare('SELECT count(*) AS n FROM triage WHERE account_id = ?').get(other)).toEqual({ n: 1 });
  });

  it('deleting a person cascades to their posts and edges', () => {
    const account = addAccount();
    const person = addPerson('p1');
    follow(account, person, 1);
    db.prepare("INSERT INTO posts (person_id, remote_id, text, created_at) VALUES (?, 'post1', 'hello', ?)").run(person, NOW);
    db.prepare('DELETE FROM people WHERE id = ?').run(person);
    expect(db.prepare('SELECT count(*) AS n FROM posts').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM triage').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM relationships').get()).toEqual({ n: 0 });
  });

  it('rejects values outside the allowed sets', () => {
    const account = addAccount();
    const person = addPerson('p1');
    expect(() =>
      db.prepare("INSERT INTO triage (account_id, person_id, stage, changed_at) VALUES (?, ?, 'maybe', ?)").run(account, person, NOW),
    ).toThrow(/CHECK/);
    expect(() =>
      db.prepare("INSERT INTO events (account_id, kind, at) VALUES (?, 'liked', ?)").run(account, NOW),
    ).toThrow(/CHECK/);
    expect(() =>
      db.prepare("INSERT INTO events (account_id, kind, at, data) VALUES (?, 'gone', ?, 'not json')").run(account, NOW),
    ).toThrow(/CHECK/);
    expect(() =>
      db.prepare("INSERT INTO people (network, remote_id, handle, fetched_at) VALUES ('sample', 'p1', 'dup', ?)").run(NOW),
    ).toThrow(/UNIQUE/);
    db.prepare(
      "INSERT INTO outbox (account_id, kind, idempotency_key, created_at, updated_at) VALUES (?, 'dm', 'same', ?, ?)",
    ).run(account, NOW, NOW);
    expect(() =>
      db.prepare(
        "INSERT INTO outbox (account_id, kind, idempotency_key, created_at, updated_at) VALUES (?, 'dm', 'same', ?, ?)",
      ).run(account, NOW, NOW),
    ).toThrow(/UNIQUE/);
  });

  it('keeps the search index in step with people and notes', () => {
    const account = addAccount();
    const ada = addPerson('p1', { handle: 'ada', name: 'Ada Zoë', bio: 'knits sweaters' });
    expect(matches('zoe')).toEqual([ada]);
    expect(matches('knits')).toEqual([ada]);

    db.prepare("UPDATE people SET bio = 'plays chess' WHERE id = ?").run(ada);
    expect(matches('knits')).toEqual([]);
    expect(matches('chess')).toEqual([ada]);

    db.prepare("INSERT INTO notes (account_id, person_id, body, created_at, updated_at) VALUES (?, ?, 'met at RustConf', ?, ?)").run(
      account, ada, NOW, NOW,
    );
    expect(matches('rustconf')).toEqual([ada]);
    expect(matches('chess')).toEqual([ada]);
    db.prepare('DELETE FROM notes WHERE person_id = ?').run(ada);
    expect(matches('rustconf')).toEqual([]);

    db.prepare('DELETE FROM people WHERE id = ?').run(ada);
    expect(matches('chess')).toEqual([]);
  });

  it('defers indexing during a bulk ingest and rebuilds it in one go', () => {
    deferSearchIndex(db);
    const id = addPerson('p1', { bio: 'gardening' });
    expect(matches('gardening')).toEqual([]);
    rebuildSearchIndex(db);
    expect(matches('gardening')).toEqual([id]);
    // Triggers are live again after the rebuild.
    const second = addPerson('p2', { bio: 'gardening too' });
    expect(matches('gardening')).toEqual([id, second]);
  });

  it('propagates sort keys from people and relationships to triage', () => {
    const account = addAccount();
    const person = addPerson('p1', { handle: 'zed', name: '', followers: 5 });
    follow(account, person, 10);
    const keys = () =>
      db.prepare('SELECT sort_rank, sort_followers, sort_name FROM triage WHERE person_id = ?').get(person);
    expect(keys()).toEqual({ sort_rank: 10, sort_followers: 5, sort_name: 'zed' });

    db.prepare("UPDATE people SET followers_count = 42, display_name = 'Alice' WHERE id = ?").run(person);
    db.prepare('UPDATE relationships SET follow_rank = 99 WHERE person_id = ?').run(person);
    expect(keys()).toEqual({ sort_rank: 99, sort_followers: 42, sort_name: 'alice' });
  });

  it('serves a keyset page of a column from the index alone', () => {
    const plan = db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT person_id, sort_rank FROM triage
         WHERE account_id = 1 AND stage = 'new' AND (sort_rank, person_id) < (5, 5)
         ORDER BY sort_rank DESC, person_id DESC LIMIT 100`,
      )
      .all() as { detail: string }[];
    const detail = plan.map((p) => p.detail).join('\n');
    expect(detail).toMatch(/COVERING INDEX triage_by_rank/);
    expect(detail).not.toMatch(/TEMP B-TREE/);
  });
});
