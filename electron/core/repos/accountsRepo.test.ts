import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deferSearchIndex, isSearchIndexDeferred, rebuildSearchIndex } from '../db/searchIndex';
import { accountsRepo } from './accountsRepo';
import { addTestAccount, addTestFollowers, addTestPosts, createTestDatabase, type TestDatabase } from './testFixtures';

let t: TestDatabase;
beforeEach(() => {
  t = createTestDatabase();
});
afterEach(() => t.cleanup());

const count = (sql: string, ...params: unknown[]): number =>
  (t.db.prepare(sql).get(...params) as { n: number }).n;

function cacheAvatar(personId: number, relative: string): string {
  const file = path.join(t.mediaDir, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, '<svg/>');
  t.db.prepare('UPDATE people SET avatar_file = ? WHERE id = ?').run(relative, personId);
  return file;
}

describe('accountsRepo', () => {
  it('creates, lists and finds accounts; upsert keeps one row per remote id', () => {
    const repo = accountsRepo(t.db);
    const a = repo.upsert({ network: 'sample', remoteId: 'me', handle: 'me.sample', displayName: 'Me' }, '2026-01-01T00:00:00.000Z');
    const again = repo.upsert({ network: 'sample', remoteId: 'me', handle: 'renamed', displayName: 'Me 2' }, '2026-02-01T00:00:00.000Z');
    expect(again.id).toBe(a.id);
    expect(again).toMatchObject({ handle: 'renamed', displayName: 'Me 2', createdAt: '2026-01-01T00:00:00.000Z', serverUrl: null });
    expect(repo.list()).toEqual([again]);
    expect(repo.get(a.id)).toEqual(again);
    expect(repo.get(a.id + 1)).toBeNull();
    repo.markSynced(a.id, '2026-02-02T00:00:00.000Z');
    expect(repo.get(a.id)?.lastSyncedAt).toBe('2026-02-02T00:00:00.000Z');
  });

  it('removes an account, its rows, the people only it knew and their media; shared people stay', () => {
    const mine = addTestAccount(t.db, 'mine');
    const other = addTestAccount(t.db, 'other');
    const onlyMine = addTestFollowers(t.db, mine, 30, { prefix: 'm' });
    const shared = addTestFollowers(t.db, mine, 5, { prefix: 's' });
    // The same remote people follow the other account too: same people rows, other edges.
    addTestFollowers(t.db, other, 5, { prefix: 's' });
    addTestPosts(t.db, onlyMine[0]!.personId, 3);
    t.db.prepare("INSERT INTO events (account_id, person_id, kind, at) VALUES (?, ?, 'followed_me', 'x')").run(mine, onlyMine[0]!.personId);
    t.db.prepare("INSERT INTO notes (account_id, person_id, body, created_at, updated_at) VALUES (?, ?, 'n', 'x', 'x')").run(mine, shared[0]!.personId);
    const goneFile = cacheAvatar(onlyMine[0]!.personId, 'avatars/aa/aa11.svg');
    const sharedFile = cacheAvatar(shared[0]!.personId, 'avatars/bb/bb22.svg');
    // Content-addressed file shown by a person who stays: must survive.
    cacheAvatar(onlyMine[1]!.personId, 'avatars/bb/bb22.svg');
    // A hostile path must never delete anything outside the media folder.
    const outside = path.join(t.dir, 'outside.txt');
    fs.writeFileSync(outside, 'keep');
    t.db.prepare('UPDATE people SET avatar_file = ? WHERE id = ?').run('../outside.txt', onlyMine[2]!.personId);

    const result = accountsRepo(t.db).remove(mine, t.mediaDir);
    expect(result).toEqual({ removed: true, peopleRemoved: 30, filesRemoved: 1 });

    for (const table of ['relationships', 'triage', 'events', 'notes', 'sync_state', 'sync_runs', 'outbox', 'tags']) {
      expect(count(`SELECT count(*) AS n FROM ${table} WHERE account_id = ?`, mine), table).toBe(0);
    }
    expect(count('SELECT count(*) AS n FROM accounts WHERE id = ?', mine)).toBe(0);
    expect(count('SELECT count(*) AS n FROM people')).toBe(5);
    expect(count('SELECT count(*) AS n FROM posts')).toBe(0);
    expect(count("SELECT count(*) AS n FROM people_fts WHERE people_fts MATCH 'm0'")).toBe(0);
    // The name index keeps exactly the people left (5), none of the removed ones.
    expect(count('SELECT count(*) AS n FROM people_name_trigrams')).toBe(5);
    expect(count('SELECT count(*) AS n FROM triage WHERE account_id = ?', other)).toBe(5);
    expect(fs.existsSync(goneFile)).toBe(false);
    expect(fs.existsSync(sharedFile)).toBe(true);
    expect(fs.readFileSync(outside, 'utf8')).toBe('keep');
    expect(t.db.pragma('foreign_key_check')).toEqual([]);
  });

  it('removes the banners and custom emoji only the removed people showed', () => {
    const mine = addTestAccount(t.db, 'mine');
    const other = addTestAccount(t.db, 'other');
    const [leaving] = addTestFollowers(t.db, mine, 1, { prefix: 'm' });
    const [staying] = addTestFollowers(t.db, other, 1, { prefix: 'o' });
    const write = (relative: string): string => {
      const file = path.join(t.mediaDir, relative);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, 'x');
      return file;
    };
    const banner = write('banners/cc/cc33.jpg');
    const ownEmoji = write('emoji/dd/dd44.png');
    const sharedEmoji = write('emoji/ee/ee55.png');
    const emojis = (files: string[]) => JSON.stringify(files.map((file, i) => ({ shortcode: `e${i}`, url: 'https://x.example/e.png', file })));
    const setExtras = t.db.prepare(
      `INSERT INTO person_extras (person_id, data, fetched_at)
       VALUES (@id, json_object('banner', json(@banner), 'fields', json('[]'), 'emojis', json(@emojis)), 'x')`,
    );
    setExtras.run({
      id: leaving!.personId,
      banner: JSON.stringify({ url: 'https://x.example/b.jpg', file: 'banners/cc/cc33.jpg' }),
      emojis: emojis(['emoji/dd/dd44.png', 'emoji/ee/ee55.png']),
    });
    setExtras.run({ id: staying!.personId, banner: 'null', emojis: emojis(['emoji/ee/ee55.png']) });

    expect(accountsRepo(t.db).remove(mine, t.mediaDir)).toEqual({ removed: true, peopleRemoved: 1, filesRemoved: 2 });
    expect(fs.existsSync(banner)).toBe(false);
    expect(fs.existsSync(ownEmoji)).toBe(false);
    expect(fs.existsSync(sharedEmoji)).toBe(true);
  });

  it('leaves a bulk ingest’s deferral of the search index in place', () => {
    const mine = addTestAccount(t.db, 'mine');
    addTestFollowers(t.db, mine, 3);
    deferSearchIndex(t.db);
    accountsRepo(t.db).remove(mine, t.mediaDir);
    expect(isSearchIndexDeferred(t.db)).toBe(true);
    rebuildSearchIndex(t.db);
    expect(count('SELECT count(*) AS n FROM people_fts')).toBe(0);
  });

  it('reports an unknown account as not removed', () => {
    expect(accountsRepo(t.db).remove(77, t.mediaDir)).toEqual({ removed: false, peopleRemoved: 0, filesRemoved: 0 });
  });
});
