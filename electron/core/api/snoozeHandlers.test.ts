import { beforeEach, describe, expect, it } from 'vitest';
import { boardRepo } from '../repos/boardRepo';
import { handlerCaller, useHandlerTest, type HandlerTest } from '../repos/handlerTestKit';
import { snoozeRepo } from '../repos/snoozeRepo';
import { addTestAccount, addTestFollowers, errorCodeOf } from '../repos/testFixtures';
import { triageRepo } from '../repos/triageRepo';
import { snoozeHandlers, wakeDueSnoozes } from './snoozeHandlers';

const START = Date.parse('2026-04-01T08:00:00.000Z');
const DAY = 86_400_000;

let { t, ctx, events, accountId, people } = {} as HandlerTest;
let nowMs: number;
useHandlerTest(
  { followers: 4, followerSpec: { stage: (i) => (i === 0 ? 'evaluated' : 'new') } },
  (h) => ({ t, ctx, events, accountId, people } = h),
);
beforeEach(() => {
  nowMs = START;
  ctx.now = () => nowMs;
});

const call = handlerCaller(snoozeHandlers, () => ctx);
const triageOf = (personId: number) =>
  t.db.prepare('SELECT stage, snoozed_until, snooze_ended_at FROM triage WHERE person_id = ?').get(personId);
const endReasons = () =>
  (t.db.prepare("SELECT data FROM events WHERE kind = 'snooze_ended' ORDER BY id").all() as { data: string }[]).map(
    (e) => JSON.parse(e.data) as { from: string; reason: string },
  );
function addPost(personId: number, createdAt: string): void {
  t.db.prepare("INSERT INTO posts (person_id, remote_id, text, created_at) VALUES (?, ?, 'hi', ?)").run(personId, createdAt, createdAt);
}

describe('snooze for some days', () => {
  it('takes the card off the board and brings it back to New with a badge when the days are up', async () => {
    const ada = people[0]!.personId;
    const card = await call('snooze', { accountId, personId: ada, snooze: { days: 3 } });
    expect(card).toMatchObject({ personId: ada, stage: 'evaluated', snoozedUntil: '2026-04-04T08:00:00.000Z' });
    expect(card.snoozeEndedAt).toBeUndefined();
    expect(boardRepo(t.db).counts(accountId)).toEqual({ new: 3, evaluated: 0, connected: 0, declined: 0 });
    expect(events).toContainEqual({ event: 'people.changed', payload: { accountId, personIds: [ada] } });

    nowMs = START + 3 * DAY - 1;
    expect(wakeDueSnoozes(ctx, accountId)).toBe(0);
    nowMs = START + 3 * DAY;
    expect(wakeDueSnoozes(ctx, accountId)).toBe(1);
    expect(triageOf(ada)).toEqual({ stage: 'new', snoozed_until: null, snooze_ended_at: '2026-04-04T08:00:00.000Z' });
    expect(boardRepo(t.db).counts(accountId)).toEqual({ new: 4, evaluated: 0, connected: 0, declined: 0 });
    expect(endReasons()).toEqual([{ from: 'evaluated', reason: 'time' }]);
    expect(wakeDueSnoozes(ctx, accountId)).toBe(0);
  });

  it('shows the badge only until the card is moved', async () => {
    const ada = people[1]!.personId;
    await call('snooze', { accountId, personId: ada, snooze: { days: 1 } });
    nowMs = START + 2 * DAY;
    wakeDueSnoozes(ctx, accountId);
    const woken = boardRepo(t.db).page({ accountId, stage: 'new', sort: 'newest', limit: 10 }).items.find((c) => c.personId === ada);
    expect(woken?.snoozeEndedAt).toBe('2026-04-03T08:00:00.000Z');

    triageRepo(t.db).move(accountId, ada, 'evaluated', new Date(nowMs + 1000).toISOString());
    triageRepo(t.db).move(accountId, ada, 'new', new Date(nowMs + 2000).toISOString());
    const moved = boardRepo(t.db).page({ accountId, stage: 'new', sort: 'newest', limit: 10 }).items.find((c) => c.personId === ada);
    expect(moved).toBeDefined();
    expect(moved?.snoozeEndedAt).toBeUndefined();
  });

  it('ends a snooze at once with null, and a new snooze replaces the old one', async () => {
    const ada = people[0]!.personId;
    await call('snooze', { accountId, personId: ada, snooze: { days: 30 } });
    await call('snooze', { accountId, personId: ada, snooze: { days: 2 } });
    expect(triageOf(ada)).toMatchObject({ snoozed_until: '2026-04-03T08:00:00.000Z' });
    const card = await call('snooze', { accountId, personId: ada, snooze: null });
    expect(card).toMatchObject({ stage: 'new', snoozeEndedAt: '2026-04-01T08:00:00.000Z' });
    expect(card.snoozedUntil).toBeUndefined();
    expect(endReasons()).toEqual([{ from: 'evaluated', reason: 'manual' }]);
    // Ending a snooze that is not running changes nothing.
    await call('snooze', { accountId, personId: people[2]!.personId, snooze: null });
    expect(endReasons()).toHaveLength(1);
  });
});

describe('snooze until their next post', () => {
  it('wakes when a post newer than the latest known one arrives, from cached posts or last_post_at', async () => {
    const [withPosts, silent] = [people[1]!.personId, people[2]!.personId];
    addPost(withPosts, '2026-03-20T00:00:00.000Z');
    expect(await call('snooze', { accountId, personId: withPosts, snooze: { untilNextPost: true } })).toMatchObject({ snoozedUntil: 'nextPost' });
    await call('snooze', { accountId, personId: silent, snooze: { untilNextPost: true } });

    nowMs = START + 400 * DAY; // time alone never ends this kind of snooze
    expect(wakeDueSnoozes(ctx, accountId)).toBe(0);
    addPost(withPosts, '2026-03-10T00:00:00.000Z'); // an older post surfacing later is not a new one
    expect(wakeDueSnoozes(ctx, accountId)).toBe(0);

    addPost(withPosts, '2026-04-02T00:00:00.000Z');
    t.db.prepare("UPDATE people SET last_post_at = '2026-04-05T00:00:00.000Z' WHERE id = ?").run(silent);
    expect(snoozeRepo(t.db).wakeDue(accountId, nowMs).map((p) => p.personId).sort()).toEqual([withPosts, silent].sort());
    expect(endReasons().map((e) => e.reason)).toEqual(['posted', 'posted']);
    expect(triageOf(silent)).toMatchObject({ stage: 'new', snoozed_until: null });
  });
});

describe('snooze refusals', () => {
  it('refuses people without a card on this account', async () => {
    const other = addTestAccount(t.db, 'other');
    const stranger = addTestFollowers(t.db, other, 1, { prefix: 'x' })[0]!.personId;
    expect(await errorCodeOf(call('snooze', { accountId, personId: stranger, snooze: { days: 1 } }))).toBe('NOT_FOUND');
    expect(await errorCodeOf(call('snooze', { accountId: 999, personId: stranger, snooze: { days: 1 } }))).toBe('NOT_FOUND');
    expect(t.db.prepare('SELECT count(*) AS n FROM triage WHERE snoozed_until IS NOT NULL').get()).toEqual({ n: 0 });
  });
});
