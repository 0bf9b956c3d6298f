import { describe, expect, it } from 'vitest';
import { handlerCaller, useHandlerTest, type HandlerTest } from '../repos/handlerTestKit';
import { addTestAccount, addTestFollowers, addTestPosts, errorCodeOf } from '../repos/testFixtures';
import { peopleHandlers } from './peopleHandlers';

let { t, ctx, accountId, people } = {} as HandlerTest;
useHandlerTest({ followers: 30 }, (h) => ({ t, ctx, accountId, people } = h));

const call = handlerCaller(peopleHandlers, () => ctx);

describe('people handlers', () => {
  it('returns a profile with bio and recent posts from the cache', async () => {
    const person = people[2]!;
    addTestPosts(t.db, person.personId, 4);
    const profile = await call('getProfile', { accountId, personId: person.personId });
    expect(profile.bio).toBe(person.bio);
    expect(profile.displayName).toBe(person.displayName);
    expect(profile.recentPosts.map((p) => p.text)).toHaveLength(4);
  });

  it('answers NOT_FOUND for an unknown person, another account’s person, or an unknown account', async () => {
    const other = addTestAccount(t.db, 'other');
    const theirs = addTestFollowers(t.db, other, 1, { prefix: 'x' })[0]!;
    expect(await errorCodeOf(call('getProfile', { accountId, personId: 99999 }))).toBe('NOT_FOUND');
    expect(await errorCodeOf(call('getProfile', { accountId, personId: theirs.personId }))).toBe('NOT_FOUND');
    expect(await errorCodeOf(call('getProfile', { accountId: 999, personId: people[0]!.personId }))).toBe('NOT_FOUND');
    expect(await errorCodeOf(call('searchPeople', { accountId: 999, query: 'rust' }))).toBe('NOT_FOUND');
  });

  it('searches bios and survives FTS syntax in the query', async () => {
    const hits = await call('searchPeople', { accountId, query: 'gardening', limit: 200 });
    expect(hits.length).toBe(people.filter((p) => p.bio.includes('gardening')).length);
    for (const query of ['"', 'NEAR(', '-', ':', '*', 'a:b OR "c']) {
      expect(Array.isArray(await call('searchPeople', { accountId, query })), query).toBe(true);
    }
  });
});
