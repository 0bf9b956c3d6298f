import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { handlerCaller, useHandlerTest, type HandlerTest } from '../repos/handlerTestKit';
import { notesRepo } from '../repos/notesRepo';
import { outboxRepo } from '../repos/outboxRepo';
import { tagsRepo } from '../repos/tagsRepo';
import { addTestAccount, addTestFollowers, addTestPosts, errorCodeOf, FIXTURE_NOW } from '../repos/testFixtures';
import { forgetHandlers } from './forgetHandlers';

let { t, ctx, events, accountId: mine } = {} as HandlerTest;
let other: number;
useHandlerTest({}, (h) => ({ t, ctx, events, accountId: mine } = h));
beforeEach(() => {
  other = addTestAccount(t.db, 'other');
});

const call = handlerCaller(forgetHandlers, () => ctx);

function cacheFile(relativePath: string): string {
  const file = path.join(t.mediaDir, relativePath);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, 'image');
  return file;
}

/** Gives a person everything an account can hold about them. */
function fillIn(accountId: number, personId: number, word: string): void {
  notesRepo(t.db).set(accountId, personId, `note about ${word}`, FIXTURE_NOW);
  tagsRepo(t.db).set(accountId, personId, [`${word}-tag`], FIXTURE_NOW);
  t.db.prepare("INSERT INTO triage_signals (account_id, person_id, signal) VALUES (?, ?, 'no-posts')").run(accountId, personId);
  t.db.prepare("INSERT INTO events (account_id, person_id, kind, at) VALUES (?, ?, 'followed_me', ?)").run(accountId, personId, FIXTURE_NOW);
  outboxRepo(t.db).enqueue({ accountId, personId, kind: 'dm', text: 'hello', at: FIXTURE_NOW });
}

const PER_ACCOUNT_TABLES = ['triage', 'triage_signals', 'relationships', 'notes', 'events', 'outbox'] as const;
function rowsOf(accountId: number, personId: number): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const table of PER_ACCOUNT_TABLES) {
    counts[table] = (t.db.prepare(`SELECT count(*) AS n FROM ${table} WHERE account_id = ? AND person_id = ?`).get(accountId, personId) as { n: number }).n;
  }
  counts.person_tags = (
    t.db.prepare('SELECT count(*) AS n FROM person_tags pt JOIN tags g ON g.id = pt.tag_id WHERE g.account_id = ? AND pt.person_id = ?').get(accountId, personId) as { n: number }
  ).n;
  return counts;
}
const none = { triage: 0, triage_signals: 0, relationships: 0, notes: 0, events: 0, outbox: 0, person_tags: 0 };
// events: followed_me, note_changed, tags_changed
const all = { triage: 1, triage_signals: 1, relationships: 1, notes: 1, events: 3, outbox: 1, person_tags: 1 };
const searchHits = (word: string): number[] =>
  (t.db.prepare('SELECT rowid FROM people_fts WHERE people_fts MATCH ?').all(word) as { rowid: number }[]).map((r) => r.rowid);
const count = (sql: string, ...params: unknown[]): number => (t.db.prepare(sql).get(...params) as { n: number }).n;

describe('forgetPerson', () => {
  it('leaves no row, search entry or cached file behind for someone only this account knew', async () => {
    const [ada, bob] = addTestFollowers(t.db, mine, 2).map((p) => p.personId) as [number, number];
    addTestPosts(t.db, ada, 5);
    fillIn(mine, ada, 'quilting');
    fillIn(mine, bob, 'chess');
    const avatar = cacheFile('avatars/aa/ada.png');
    const banner = cacheFile('banners/bb/ada.jpg');
    const ownEmoji = cacheFile('emoji/cc/ada-only.png');
    const sharedEmoji = cacheFile('emoji/dd/shared.png');
    const emojis = (files: string[]) => JSON.stringify(files.map((file, i) => ({ shortcode: `e${i}`, url: `https://x.example/${i}.png`, file })));
    t.db.prepare('UPDATE people SET avatar_file = ? WHERE id = ?').run('avatars/aa/ada.png', ada);
    const setExtras = t.db.prepare(
      `INSERT INTO person_extras (person_id, data, fetched_at)
       VALUES (@id, json_object('banner', json(@banner), 'fields', json('[]'), 'emojis', json(@emojis)), 'x')`,
    );
    setExtras.run({
      id: ada,
      banner: JSON.stringify({ url: 'https://x.example/b.jpg', file: 'banners/bb/ada.jpg' }),
      emojis: emojis(['emoji/cc/ada-only.png', 'emoji/dd/shared.png']),
    });
    setExtras.run({ id: bob, banner: 'null', emojis: emojis(['emoji/dd/shared.png']) });
    expect(searchHits('quilting')).toEqual([ada]);

    expect(await call('forgetPerson', { accountId: mine, personId: ada })).toEqual({ forgotten: true, keptStage: null });

    expect(rowsOf(mine, ada)).toEqual(none);
    expect(count('SELECT count(*) AS n FROM people WHERE id = ?', ada)).toBe(0);
    expect(count('SELECT count(*) AS n FROM posts WHERE person_id = ?', ada)).toBe(0);
    expect(count("SELECT count(*) AS n FROM tags WHERE name = 'quilting-tag'")).toBe(0);
    expect(count('SELECT count(*) AS n FROM people_fts WHERE rowid = ?', ada)).toBe(0);
    expect(count('SELECT count(*) AS n FROM people_name_trigrams WHERE rowid = ?', ada)).toBe(0);
    expect(searchHits('quilting')).toEqual([]);
    expect([avatar, banner, ownEmoji].filter((f) => fs.existsSync(f))).toEqual([]);
    expect(fs.existsSync(sharedEmoji)).toBe(true); // bob still shows it

    // Bob is untouched.
    expect(rowsOf(mine, bob)).toEqual(all);
    expect(searchHits('chess')).toEqual([bob]);
    expect(events.map((e) => e.event)).toEqual(['people.changed', 'outbox.changed']);
  });

  it('keeps the person, their posts and their files while another account still knows them', async () => {
    const shared = addTestFollowers(t.db, mine, 1)[0]!.personId;
    expect(addTestFollowers(t.db, other, 1)[0]!.personId).toBe(shared);
    addTestPosts(t.db, shared, 3);
    fillIn(mine, shared, 'quilting');
    fillIn(other, shared, 'pottery');
    const avatar = cacheFile('avatars/aa/shared.png');
    t.db.prepare("UPDATE people SET avatar_file = 'avatars/aa/shared.png' WHERE id = ?").run(shared);

    await call('forgetPerson', { accountId: mine, personId: shared });

    expect(rowsOf(mine, shared)).toEqual(none);
    expect(rowsOf(other, shared)).toEqual(all);
    expect(count('SELECT count(*) AS n FROM posts WHERE person_id = ?', shared)).toBe(3);
    expect(fs.existsSync(avatar)).toBe(true);
    // My note left the search index; theirs is still found.
    expect(searchHits('quilting')).toEqual([]);
    expect(searchHits('pottery')).toEqual([shared]);
  });

  it('forgets someone I follow who never followed me', async () => {
    const followee = Number(
      t.db.prepare("INSERT INTO people (network, remote_id, handle, fetched_at) VALUES ('sample', 'f', 'f.sample', ?)").run(FIXTURE_NOW).lastInsertRowid,
    );
    t.db.prepare('INSERT INTO relationships (account_id, person_id, i_follow) VALUES (?, ?, 1)').run(mine, followee);
    await call('forgetPerson', { accountId: mine, personId: followee });
    expect(count('SELECT count(*) AS n FROM people WHERE id = ?', followee)).toBe(0);
  });

  it('refuses while an action for the person is being sent, and for people the account does not know', async () => {
    const ada = addTestFollowers(t.db, mine, 1)[0]!.personId;
    const action = outboxRepo(t.db).enqueue({ accountId: mine, personId: ada, kind: 'follow', at: FIXTURE_NOW });
    outboxRepo(t.db).markSending(action.id, FIXTURE_NOW);
    expect(await errorCodeOf(call('forgetPerson', { accountId: mine, personId: ada }))).toBe('CONFLICT');
    expect(count('SELECT count(*) AS n FROM triage WHERE person_id = ?', ada)).toBe(1);

    expect(await errorCodeOf(call('forgetPerson', { accountId: other, personId: ada }))).toBe('NOT_FOUND');
    expect(await errorCodeOf(call('forgetPerson', { accountId: 999, personId: ada }))).toBe('NOT_FOUND');
    expect(count('SELECT count(*) AS n FROM people WHERE id = ?', ada)).toBe(1);
  });

  it('removes the search entry even while a bulk ingest has the index deferred', async () => {
    const ada = addTestFollowers(t.db, mine, 1)[0]!.personId;
    t.db.prepare('UPDATE search_index_state SET deferred = 1').run();
    await call('forgetPerson', { accountId: mine, personId: ada });
    expect(count('SELECT count(*) AS n FROM people_fts WHERE rowid = ?', ada)).toBe(0);
  });

  it('keeps the decision, and nothing else, so someone forgotten comes back where they were', async () => {
    const stages = ['declined', 'evaluated', 'new'] as const;
    const [ada, bob, cy] = addTestFollowers(t.db, mine, 3, { stage: (i) => stages[i]! }).map((p) => p.personId) as [number, number, number];
    fillIn(mine, ada, 'quilting');
    expect(await call('forgetPerson', { accountId: mine, personId: ada })).toEqual({ forgotten: true, keptStage: 'declined' });
    expect(await call('forgetPerson', { accountId: mine, personId: bob, completely: true })).toEqual({ forgotten: true, keptStage: null });
    expect(await call('forgetPerson', { accountId: mine, personId: cy })).toEqual({ forgotten: true, keptStage: null });
    expect(rowsOf(mine, ada)).toEqual(none);
    expect(count('SELECT count(*) AS n FROM people WHERE id = ?', ada)).toBe(0);
    // The tombstone is network, remote id and stage: no name, handle or note.
    expect(t.db.prepare('SELECT * FROM forgotten_decisions').all()).toEqual([{ account_id: mine, network: 'sample', remote_id: 'p0', stage: 'declined' }]);

    // They follow again (a full sync lists them): Declined stays Declined; forgotten completely starts over.
    const back = addTestFollowers(t.db, mine, 3);
    const stageOf = (personId: number) => t.db.prepare('SELECT stage FROM triage WHERE account_id = ? AND person_id = ?').pluck().get(mine, personId);
    expect(back.map((p) => stageOf(p.personId))).toEqual(['declined', 'new', 'new']);
    expect(count('SELECT count(*) AS n FROM forgotten_decisions')).toBe(0);
  });

  it('never deletes a file outside the media folder, whatever the row says', async () => {
    const ada = addTestFollowers(t.db, mine, 1)[0]!.personId;
    const outside = path.join(t.dir, 'precious.txt');
    fs.writeFileSync(outside, 'keep me');
    t.db.prepare("UPDATE people SET avatar_file = '../precious.txt' WHERE id = ?").run(ada);
    expect(await call('forgetPerson', { accountId: mine, personId: ada })).toEqual({ forgotten: true, keptStage: null });
    expect(fs.readFileSync(outside, 'utf8')).toBe('keep me');
  });
});
