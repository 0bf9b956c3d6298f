import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { peopleQueryRepo } from './peopleQueryRepo';
import { searchRepo } from './searchRepo';
import { addTestAccount, addTestFollowers, createTestDatabase, FIXTURE_NOW, type FixturePerson, type TestDatabase } from './testFixtures';

let t: TestDatabase;
let accountId: number;
let people: FixturePerson[];

beforeEach(() => {
  t = createTestDatabase();
  accountId = addTestAccount(t.db);
  people = addTestFollowers(t.db, accountId, 40);
  addTestFollowers(t.db, addTestAccount(t.db, 'other'), 40, { prefix: 'x' });
});
afterEach(() => t.cleanup());

describe('searchRepo.search', () => {
  it('finds people by a word of their bio, only on this account', () => {
    const results = searchRepo(t.db).search(accountId, 'astronomy', 200);
    const expected = people.filter((p) => p.bio.includes('astronomy')).map((p) => p.personId).sort((a, b) => a - b);
    expect(expected.length).toBeGreaterThan(0);
    expect(results.map((c) => c.personId).sort((a, b) => a - b)).toEqual(expected);
  });

  it('matches names without diacritics, handles, and a prefix of the last word', () => {
    const zoe = people.find((p) => p.displayName.startsWith('Zoë'))!;
    expect(searchRepo(t.db).search(accountId, 'zoe', 200).map((c) => c.personId)).toContain(zoe.personId);
    expect(searchRepo(t.db).search(accountId, 'p17.sample').map((c) => c.personId)).toEqual([people[17]!.personId]);
    expect(searchRepo(t.db).search(accountId, 'astro', 200).length).toBeGreaterThan(0);
  });

  it('finds people by their notes', () => {
    const person = people[3]!;
    t.db
      .prepare("INSERT INTO notes (account_id, person_id, body, created_at, updated_at) VALUES (?, ?, 'met at FOSDEM', 'x', 'x')")
      .run(accountId, person.personId);
    expect(searchRepo(t.db).search(accountId, 'fosdem').map((c) => c.personId)).toEqual([person.personId]);
  });

  it('finds someone I follow who does not follow me, as the people list does', () => {
    const followee = Number(
      t.db
        .prepare("INSERT INTO people (network, remote_id, handle, display_name, bio, fetched_at) VALUES ('sample', 'f1', 'quasar.sample', 'Quasar Quinn', 'radio astronomy', ?)")
        .run(FIXTURE_NOW).lastInsertRowid,
    );
    t.db.prepare('INSERT INTO relationships (account_id, person_id, i_follow, i_followed_at) VALUES (?, ?, 1, ?)').run(accountId, followee, FIXTURE_NOW);

    const [card] = searchRepo(t.db).search(accountId, 'quasar');
    expect(card).toMatchObject({ personId: followee, displayName: 'Quasar Quinn', iFollow: true, followsMe: false, stage: 'connected' });
    for (const query of ['astronomy', 'quinn', 'sample']) {
      const listed = peopleQueryRepo(t.db).page({ accountId, filter: { query }, sort: 'newest', limit: 500 }).items.map((c) => c.personId);
      const found = searchRepo(t.db).search(accountId, query, 500).map((c) => c.personId);
      expect(found.sort((a, b) => a - b), query).toEqual(listed.sort((a, b) => a - b));
    }
  });

  it('requires every word to match', () => {
    const both = searchRepo(t.db).search(accountId, 'rust knitting', 200);
    for (const card of both) expect(card.bioSnippet).toMatch(/rust.*knitting|knitting.*rust/);
  });

  it('respects the limit', () => {
    expect(searchRepo(t.db).search(accountId, 'sample', 7)).toHaveLength(7);
  });

  it('never throws on FTS syntax typed by a user', () => {
    const hostile = ['"', '""', '*', 'NEAR(', 'NEAR(a b', '-', '-rust', ':', 'bio:rust', 'a OR', 'AND', 'NOT x', '(', ')', '^', '{a b}:c', "'", '\\', 'rust"*', '🙂', '   ', 'a\u0000b'];
    for (const query of hostile) {
      expect(() => searchRepo(t.db).search(accountId, query), query).not.toThrow();
    }
    expect(searchRepo(t.db).search(accountId, 'bio:rust').length).toBeGreaterThanOrEqual(0);
  });
});
