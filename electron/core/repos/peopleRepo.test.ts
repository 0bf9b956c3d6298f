import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { peopleRepo } from './peopleRepo';
import { addTestAccount, addTestFollowers, addTestPosts, createTestDatabase, type FixturePerson, type TestDatabase } from './testFixtures';

let t: TestDatabase;
let accountId: number;
let people: FixturePerson[];

beforeEach(() => {
  t = createTestDatabase();
  accountId = addTestAccount(t.db);
  people = addTestFollowers(t.db, accountId, 3);
});
afterEach(() => t.cleanup());

describe('peopleRepo.profile', () => {
  it('returns the cached profile with its most recent posts first', () => {
    const person = people[1]!;
    addTestPosts(t.db, person.personId, 30);
    t.db.prepare("UPDATE people SET avatar_file = 'avatars/cd/cd34.svg' WHERE id = ?").run(person.personId);
    const profile = peopleRepo(t.db).profile(accountId, person.personId, 5)!;
    expect(profile).toMatchObject({
      personId: person.personId,
      handle: person.handle,
      displayName: person.displayName,
      bio: person.bio,
      network: 'sample',
      remoteId: 'p1',
      postsCount: 3,
      joinedAt: '2020-05-01T00:00:00.000Z',
      profileUrl: 'https://sample.invalid/@p1',
      avatarUrl: 'media/avatars/cd/cd34.svg',
      stage: 'new',
    });
    expect(profile.recentPosts).toHaveLength(5);
    const dates = profile.recentPosts.map((p) => p.createdAt);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(profile.recentPosts[0]!.createdAt).toBe('2026-02-28T10:00:00.000Z');
  });

  it('is null for a person who is not on this account', () => {
    const other = addTestAccount(t.db, 'other');
    expect(peopleRepo(t.db).profile(other, people[0]!.personId)).toBeNull();
    expect(peopleRepo(t.db).card(accountId, 99999)).toBeNull();
    expect(peopleRepo(t.db).card(accountId, people[0]!.personId)?.personId).toBe(people[0]!.personId);
  });
});
