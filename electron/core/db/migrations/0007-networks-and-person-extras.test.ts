import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readUserVersion, runMigrations } from '../migrationRunner';
import { MIGRATIONS } from './index';

const before = MIGRATIONS.filter((m) => m.version < 7);
const through7 = MIGRATIONS.filter((m) => m.version <= 7);

const count = (db: Database.Database, sql: string): number => (db.prepare(sql).get() as { n: number }).n;

let db: Database.Database;
beforeEach(() => {
  db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  runMigrations(db, before);
  db.exec(`
    INSERT INTO accounts (id, network, remote_id, handle, created_at, note_sync) VALUES (1, 'mastodon', '1@m.example', 'me', 'x', 1);
    INSERT INTO people (id, network, remote_id, handle, fetched_at, banner_url, banner_file, fields_json, emojis_json, last_post_at)
      VALUES (7, 'mastodon', '7@m.example', 'ada', '2026-01-02T00:00:00Z', 'https://m.example/b.png', 'banners/ab/b.png',
              '[{"name":"Site","valueHtml":"<a>x</a>","verifiedAt":null}]', '[{"shortcode":"ok","url":"https://m.example/e.png","file":null}]',
              '2026-01-01T00:00:00Z');
    INSERT INTO people (id, network, remote_id, handle, fetched_at) VALUES (8, 'mastodon', '8@m.example', 'bo', 'x');
    INSERT INTO relationships (account_id, person_id, follows_me) VALUES (1, 7, 1), (1, 8, 1);
    INSERT INTO triage (account_id, person_id, changed_at) VALUES (1, 7, 'x'), (1, 8, 'x');
    INSERT INTO credentials (account_id, name, sealed, updated_at) VALUES (1, 'mastodon-token', 'sealed', 'x');
  `);
  runMigrations(db, through7);
});
afterEach(() => db.close());

describe('0007 networks and person extras', () => {
  it('rebuilds accounts without touching the rows that reference it', () => {
    expect(readUserVersion(db)).toBe(7);
    expect(db.prepare('SELECT id, network, handle, note_sync FROM accounts').all()).toEqual([
      { id: 1, network: 'mastodon', handle: 'me', note_sync: 1 },
    ]);
    expect(count(db, 'SELECT count(*) AS n FROM relationships')).toBe(2);
    expect(count(db, 'SELECT count(*) AS n FROM triage')).toBe(2);
    expect(count(db, 'SELECT count(*) AS n FROM credentials')).toBe(1);
    // …and removing the account still cascades to them.
    db.prepare('DELETE FROM accounts WHERE id = 1').run();
    expect(count(db, 'SELECT count(*) AS n FROM relationships') + count(db, 'SELECT count(*) AS n FROM credentials')).toBe(0);
  });

  it('takes its list of networks from data: a registered name is accepted, an unknown one refused', () => {
    const addAccount = db.prepare("INSERT INTO accounts (network, remote_id, handle, created_at) VALUES (?, 'r', 'h', 'x')");
    expect(() => addAccount.run('nostr')).toThrow(/FOREIGN KEY/);
    db.prepare("INSERT INTO networks (name) VALUES ('nostr')").run();
    addAccount.run('nostr');
    expect(() => db.prepare("DELETE FROM networks WHERE name = 'nostr'").run()).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("INSERT INTO networks (name) VALUES ('Bad Name')").run()).toThrow(/CHECK/);
  });

  it('moves banner, fields and emoji of a profile into person_extras, leaving the latest post on people', () => {
    const row = db.prepare('SELECT person_id, data, fetched_at FROM person_extras').all() as { person_id: number; data: string; fetched_at: string }[];
    expect(row.map((r) => ({ ...r, data: JSON.parse(r.data) as unknown }))).toEqual([
      {
        person_id: 7,
        fetched_at: '2026-01-02T00:00:00Z',
        data: {
          banner: { url: 'https://m.example/b.png', file: 'banners/ab/b.png' },
          fields: [{ name: 'Site', valueHtml: '<a>x</a>', verifiedAt: null }],
          emojis: [{ shortcode: 'ok', url: 'https://m.example/e.png', file: null }],
        },
      },
    ]);
    const columns = (db.pragma('table_info(people)') as { name: string }[]).map((c) => c.name);
    expect(columns.filter((c) => /banner|fields_json|emojis_json/.test(c))).toEqual([]);
    expect(db.prepare('SELECT last_post_at FROM people WHERE id = 7').get()).toEqual({ last_post_at: '2026-01-01T00:00:00Z' });
  });

  it('drops a person’s extras with the person and refuses data that is not a JSON object', () => {
    expect(() => db.prepare("INSERT INTO person_extras (person_id, data, fetched_at) VALUES (8, '[1]', 'x')").run()).toThrow(/CHECK/);
    db.prepare('DELETE FROM people WHERE id = 7').run();
    expect(count(db, 'SELECT count(*) AS n FROM person_extras')).toBe(0);
  });
});
