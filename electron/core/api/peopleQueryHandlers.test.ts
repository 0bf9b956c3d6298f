import { describe, expect, it } from 'vitest';
import { useHandlerTest, type HandlerTest } from '../repos/handlerTestKit';
import { outboxRepo } from '../repos/outboxRepo';
import { errorCodeOf, FIXTURE_NOW, runHandler, type FixturePerson } from '../repos/testFixtures';
import { peopleQueryHandlers } from './peopleQueryHandlers';

let { t, ctx, accountId, people } = {} as HandlerTest;
useHandlerTest(
  { followers: 30, followerSpec: { stage: (i) => (i % 3 === 0 ? 'declined' : 'new') } },
  (h) => ({ t, ctx, accountId, people } = h),
);

describe('queryPeople', () => {
  it('returns a page of matching cards with the total and each card’s latest action', async () => {
    const target = people[1] as FixturePerson;
    const action = outboxRepo(t.db).enqueue({ accountId, personId: target.personId, kind: 'follow', at: FIXTURE_NOW });
    const page = await runHandler(
      peopleQueryHandlers,
      'queryPeople',
      { accountId, filter: { stages: ['new'] }, sort: 'newest', limit: 5 },
      ctx,
    );
    expect(page.total).toBe(20);
    expect(page.items).toHaveLength(5);
    expect(page.nextOffset).toBe(5);
    expect(page.items.every((card) => card.stage === 'new')).toBe(true);
    const all = await runHandler(peopleQueryHandlers, 'queryPeople', { accountId, filter: {}, sort: 'newest', limit: 100 }, ctx);
    expect(all.items.find((c) => c.personId === target.personId)?.action).toEqual({ id: action.id, kind: 'follow', status: 'queued' });
    expect(all.items.filter((c) => c.action !== undefined)).toHaveLength(1);
  });

  it('refuses an account that does not exist', async () => {
    expect(
      await errorCodeOf(runHandler(peopleQueryHandlers, 'queryPeople', { accountId: 99, filter: {}, sort: 'name', limit: 5 }, ctx)),
    ).toBe('NOT_FOUND');
  });
});
