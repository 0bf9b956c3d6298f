import { describe, expect, it } from 'vitest';
import { handlerCaller, HANDLER_TEST_NOW, useHandlerTest, type HandlerTest } from '../repos/handlerTestKit';
import { addTestAccount, addTestFollowers, errorCodeOf } from '../repos/testFixtures';
import { notesTagsHandlers } from './notesTagsHandlers';

let { t, ctx, events, accountId, people } = {} as HandlerTest;
useHandlerTest({ now: HANDLER_TEST_NOW, followers: 5 }, (h) => ({ t, ctx, events, accountId, people } = h));

const call = handlerCaller(notesTagsHandlers, () => ctx);
const search = (word: string): number[] =>
  (t.db.prepare('SELECT rowid FROM people_fts WHERE people_fts MATCH ? ORDER BY rowid').all(word) as { rowid: number }[]).map((r) => r.rowid);
const eventsOf = (personId: number, kind: string) =>
  t.db.prepare('SELECT data FROM events WHERE person_id = ? AND kind = ? ORDER BY id').all(personId, kind) as { data: string }[];

describe('setNote', () => {
  it('keeps one note per person, searchable, and removes it when emptied', async () => {
    const ada = people[0]!.personId;
    expect(await call('setNote', { accountId, personId: ada, text: '  Met at RustConf  ' })).toEqual({
      note: 'Met at RustConf',
      updatedAt: '2026-04-01T08:00:00.000Z',
    });
    expect(search('rustconf')).toEqual([ada]);

    await call('setNote', { accountId, personId: ada, text: 'Gave a talk on quilting' });
    expect(t.db.prepare('SELECT body FROM notes WHERE person_id = ?').all(ada)).toEqual([{ body: 'Gave a talk on quilting' }]);
    expect(search('rustconf')).toEqual([]);
    expect(search('quilting')).toEqual([ada]);

    expect(await call('setNote', { accountId, personId: ada, text: '   ' })).toEqual({ note: '', updatedAt: null });
    expect(t.db.prepare('SELECT count(*) AS n FROM notes').get()).toEqual({ n: 0 });
    expect(search('quilting')).toEqual([]);

    expect(eventsOf(ada, 'note_changed').map((e) => JSON.parse(e.data).change)).toEqual(['added', 'edited', 'removed']);
    expect(events.filter((e) => e.event === 'people.changed')).toHaveLength(3);
  });

  it('writes no event when the text is unchanged', async () => {
    const ada = people[0]!.personId;
    await call('setNote', { accountId, personId: ada, text: 'same' });
    await call('setNote', { accountId, personId: ada, text: 'same ' });
    await call('setNote', { accountId, personId: people[1]!.personId, text: '' });
    expect(t.db.prepare("SELECT count(*) AS n FROM events WHERE kind = 'note_changed'").get()).toEqual({ n: 1 });
  });

  it('refuses people the account does not know, and unknown accounts', async () => {
    const other = addTestAccount(t.db, 'other');
    const stranger = addTestFollowers(t.db, other, 1, { prefix: 'x' })[0]!.personId;
    expect(await errorCodeOf(call('setNote', { accountId, personId: stranger, text: 'hi' }))).toBe('NOT_FOUND');
    expect(await errorCodeOf(call('setNote', { accountId: 999, personId: people[0]!.personId, text: 'hi' }))).toBe('NOT_FOUND');
    expect(t.db.prepare('SELECT count(*) AS n FROM notes').get()).toEqual({ n: 0 });
  });
});

describe('setTags and listTags', () => {
  it('creates tags on demand and treats spellings that differ only in case as one tag', async () => {
    const [a, b, c] = people.map((p) => p.personId) as [number, number, number];
    expect(await call('setTags', { accountId, personId: a, tags: ['Rust', 'friends', 'Café'] })).toEqual(['Café', 'friends', 'Rust']);
    expect(await call('setTags', { accountId, personId: b, tags: ['rust', 'CAFÉ', 'café'] })).toEqual(['Café', 'Rust']);
    expect(await call('setTags', { accountId, personId: c, tags: ['Ärger'] })).toEqual(['Ärger']);
    expect(await call('setTags', { accountId, personId: c, tags: ['ärger', 'rust'] })).toEqual(['Ärger', 'Rust']);

    // A→Z as a reader sorts: accents and case do not push a name to the end.
    expect(await call('listTags', { accountId })).toEqual([
      { name: 'Ärger', count: 1 },
      { name: 'Café', count: 2 },
      { name: 'friends', count: 1 },
      { name: 'Rust', count: 3 },
    ]);
    expect(t.db.prepare('SELECT count(*) AS n FROM tags').get()).toEqual({ n: 4 });
  });

  it('removes a tag nobody carries any more and records what changed', async () => {
    const [a, b] = people.map((p) => p.personId) as [number, number];
    await call('setTags', { accountId, personId: a, tags: ['spam', 'keep'] });
    await call('setTags', { accountId, personId: b, tags: ['keep'] });
    await call('setTags', { accountId, personId: a, tags: ['keep', 'new'] });
    expect(await call('listTags', { accountId })).toEqual([
      { name: 'keep', count: 2 },
      { name: 'new', count: 1 },
    ]);
    expect(eventsOf(a, 'tags_changed').map((e) => JSON.parse(e.data))).toEqual([
      { added: ['keep', 'spam'], removed: [] },
      { added: ['new'], removed: ['spam'] },
    ]);
    await call('setTags', { accountId, personId: a, tags: [] });
    await call('setTags', { accountId, personId: b, tags: [] });
    expect(await call('listTags', { accountId })).toEqual([]);
  });

  it('keeps each account’s tags apart', async () => {
    const other = addTestAccount(t.db, 'other');
    const shared = addTestFollowers(t.db, other, 1)[0]!.personId; // same remote id p0: the same person
    expect(shared).toBe(people[0]!.personId);
    await call('setTags', { accountId, personId: shared, tags: ['mine'] });
    await call('setTags', { accountId: other, personId: shared, tags: ['theirs'] });
    await call('setTags', { accountId: other, personId: shared, tags: [] });
    expect(await call('listTags', { accountId })).toEqual([{ name: 'mine', count: 1 }]);
    expect(await call('listTags', { accountId: other })).toEqual([]);
  });
});
