import { describe, expect, it } from 'vitest';
import type { PersonCard } from '../../../shared/domain';
import { handlerCaller, HANDLER_TEST_NOW, useHandlerTest, type HandlerTest } from '../repos/handlerTestKit';
import { addTestAccount, addTestFollowers, errorCodeOf } from '../repos/testFixtures';
import { boardHandlers } from './boardHandlers';

let { t, ctx, events, accountId, people } = {} as HandlerTest;
useHandlerTest({ now: HANDLER_TEST_NOW, followers: 25 }, (h) => ({ t, ctx, events, accountId, people } = h));

const call = handlerCaller(boardHandlers, () => ctx);
const codeOf = errorCodeOf;

describe('board handlers', () => {
  it('counts the stages of an account', async () => {
    expect(await call('getBoardCounts', { accountId })).toEqual({ new: 25, evaluated: 0, connected: 0, declined: 0 });
    expect(await codeOf(call('getBoardCounts', { accountId: accountId + 1 }))).toBe('NOT_FOUND');
  });

  it('pages a column and rejects a garbage cursor as INVALID_INPUT', async () => {
    const page = await call('getBoardPage', { accountId, stage: 'new', sort: 'newest', limit: 10 });
    expect(page.items).toHaveLength(10);
    const next = await call('getBoardPage', { accountId, stage: 'new', sort: 'newest', limit: 10, cursor: page.nextCursor });
    expect(next.items.map((c: PersonCard) => c.personId)).not.toContain(page.items[0]!.personId);
    expect(await codeOf(call('getBoardPage', { accountId, stage: 'new', sort: 'newest', limit: 10, cursor: 'zzzz' }))).toBe(
      'INVALID_INPUT',
    );
    expect(await codeOf(call('getBoardPage', { accountId: 999, stage: 'new', sort: 'newest', limit: 10 }))).toBe('NOT_FOUND');
  });

  it('moves a card: returns it with fresh counts, emits people.changed, persists across reopen', async () => {
    const person = people[4]!;
    const result = await call('moveCard', { accountId, personId: person.personId, stage: 'declined' });
    expect(result.from).toBe('new');
    expect(result.card).toMatchObject({ personId: person.personId, stage: 'declined', stageChangedAt: '2026-04-01T08:00:00.000Z' });
    expect(result.counts).toEqual({ new: 24, evaluated: 0, connected: 0, declined: 1 });
    expect(events).toEqual([{ event: 'people.changed', payload: { accountId, personIds: [person.personId] } }]);

    t.reopen();
    expect(await call('getBoardCounts', { accountId })).toEqual({ new: 24, evaluated: 0, connected: 0, declined: 1 });
    const declined = await call('getBoardPage', { accountId, stage: 'declined', sort: 'name', limit: 5 });
    expect(declined.items.map((c: PersonCard) => c.personId)).toEqual([person.personId]);
    expect(t.db.prepare("SELECT count(*) AS n FROM events WHERE kind = 'stage_changed'").get()).toEqual({ n: 1 });
  });

  it('moving to the same stage changes nothing and emits nothing', async () => {
    const result = await call('moveCard', { accountId, personId: people[0]!.personId, stage: 'new' });
    expect(result.from).toBe('new');
    expect(events).toEqual([]);
  });

  it('refuses to move a person of another account', async () => {
    const other = addTestAccount(t.db, 'other');
    const theirs = addTestFollowers(t.db, other, 1, { prefix: 'x' })[0]!;
    expect(await codeOf(call('moveCard', { accountId, personId: theirs.personId, stage: 'evaluated' }))).toBe('NOT_FOUND');
    expect(await codeOf(call('moveCard', { accountId: 999, personId: people[0]!.personId, stage: 'evaluated' }))).toBe(
      'NOT_FOUND',
    );
    expect(events).toEqual([]);
  });
});
