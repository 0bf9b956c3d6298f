import { beforeEach, describe, expect, it } from 'vitest';
import { HANDLER_TEST_NOW, useHandlerTest, type HandlerTest } from '../repos/handlerTestKit';
import { addTestAccount, addTestFollowers, errorCodeOf, runHandler } from '../repos/testFixtures';
import { statsHandlers } from './statsHandlers';

let { t, ctx, accountId, people } = {} as HandlerTest;
// Now is Wednesday 1 April 2026; its week started on Monday 30 March. The account was created 2026-03-01.
useHandlerTest(
  { now: HANDLER_TEST_NOW, followers: 10, followerSpec: { stage: (i) => (i < 2 ? 'connected' : i < 5 ? 'declined' : 'new') } },
  (h) => ({ t, ctx, accountId, people } = h),
);

function event(personId: number, kind: string, at: string, data: object | null = null): void {
  t.db.prepare('INSERT INTO events (account_id, person_id, kind, at, data) VALUES (?, ?, ?, ?, ?)').run(
    accountId,
    personId,
    kind,
    at,
    data ? JSON.stringify(data) : null,
  );
}

beforeEach(() => {
  const id = (i: number) => people[i]?.personId as number;
  // The first import (10 followers on 1 March) wrote no events. Since then: three new followers,
  // one of whom left again, one earlier follower left, and one follower's account went away.
  event(id(7), 'followed_me', '2026-03-10T09:00:00.000Z');
  event(id(8), 'followed_me', '2026-03-10T18:00:00.000Z');
  event(id(9), 'followed_me', '2026-03-31T10:00:00.000Z');
  event(id(8), 'unfollowed_me', '2026-03-31T11:00:00.000Z');
  event(id(6), 'unfollowed_me', '2026-03-16T11:00:00.000Z');
  event(id(5), 'gone', '2026-03-20T11:00:00.000Z');
  t.db.prepare('UPDATE relationships SET follows_me = 0 WHERE person_id IN (?, ?, ?)').run(id(8), id(6), id(5));
  t.db.prepare('UPDATE relationships SET i_follow = 1 WHERE person_id IN (?, ?, ?)').run(id(0), id(1), id(2));
  const stranger = Number(
    t.db.prepare("INSERT INTO people (network, remote_id, handle, fetched_at) VALUES ('sample', 'g', 'g', 'x')").run().lastInsertRowid,
  );
  t.db.prepare('INSERT INTO relationships (account_id, person_id, i_follow) VALUES (?, ?, 1)').run(accountId, stranger);
  // Stage history: two people passed through Evaluated before being declined; one was connected then declined.
  event(id(3), 'stage_changed', '2026-03-02T00:00:00.000Z', { from: 'new', to: 'evaluated' });
  event(id(3), 'stage_changed', '2026-03-03T00:00:00.000Z', { from: 'evaluated', to: 'declined' });
  event(id(4), 'stage_changed', '2026-03-02T00:00:00.000Z', { from: 'new', to: 'evaluated' });
  event(id(4), 'stage_changed', '2026-03-04T00:00:00.000Z', { from: 'evaluated', to: 'connected' });
  event(id(4), 'stage_changed', '2026-03-05T00:00:00.000Z', { from: 'connected', to: 'declined' });
});

describe('getStats', () => {
  it('rebuilds follower growth from events, anchored on today’s count', async () => {
    const stats = await runHandler(statsHandlers, 'getStats', { accountId }, ctx);
    // 7 followers now; walking back: +1 +1 (10 Mar), -1 (16 Mar), -1 gone (20 Mar), +1 -1 (31 Mar).
    expect(stats.totals.followers).toBe(7);
    expect(stats.followerGrowth).toEqual([
      { date: '2026-03-01', value: 7 },
      { date: '2026-03-10', value: 9 },
      { date: '2026-03-16', value: 8 },
      { date: '2026-03-20', value: 7 },
      { date: '2026-03-31', value: 7 },
      { date: '2026-04-01', value: 7 },
    ]);
  });

  it('counts a follower whose account came back in again', async () => {
    const back = people[5]?.personId as number;
    event(back, 'came_back', '2026-03-25T08:00:00.000Z');
    t.db.prepare('UPDATE relationships SET follows_me = 1 WHERE person_id = ?').run(back);
    const stats = await runHandler(statsHandlers, 'getStats', { accountId }, ctx);
    expect(stats.totals.followers).toBe(8);
    expect(stats.followerGrowth).toEqual([
      { date: '2026-03-01', value: 7 },
      { date: '2026-03-10', value: 9 },
      { date: '2026-03-16', value: 8 },
      { date: '2026-03-20', value: 7 },
      { date: '2026-03-25', value: 8 },
      { date: '2026-03-31', value: 8 },
      { date: '2026-04-01', value: 8 },
    ]);
  });

  it('counts who ever reached each stage, and totals by relationship', async () => {
    const stats = await runHandler(statsHandlers, 'getStats', { accountId }, ctx);
    expect(stats.funnel).toEqual({ new: 10, evaluated: 2, connected: 3, declined: 3 });
    expect(stats.totals).toEqual({ followers: 7, following: 4, mutual: 3, notFollowingBack: 1 });
  });

  it('gives new followers and unfollows per Monday-started week, oldest first, zero weeks included', async () => {
    const stats = await runHandler(statsHandlers, 'getStats', { accountId, weeks: 5 }, ctx);
    expect(stats.weekly).toEqual([
      { weekStart: '2026-03-02', newFollowers: 0, unfollows: 0 },
      { weekStart: '2026-03-09', newFollowers: 2, unfollows: 0 },
      { weekStart: '2026-03-16', newFollowers: 0, unfollows: 1 },
      { weekStart: '2026-03-23', newFollowers: 0, unfollows: 0 },
      { weekStart: '2026-03-30', newFollowers: 1, unfollows: 1 },
    ]);
    expect((await runHandler(statsHandlers, 'getStats', { accountId }, ctx)).weekly).toHaveLength(12);
  });

  it('draws a flat line for an account without events, and refuses an unknown account', async () => {
    const quiet = addTestAccount(t.db, 'quiet');
    addTestFollowers(t.db, quiet, 4, { prefix: 'q' });
    const stats = await runHandler(statsHandlers, 'getStats', { accountId: quiet }, ctx);
    expect(stats.followerGrowth).toEqual([
      { date: '2026-03-01', value: 4 },
      { date: '2026-04-01', value: 4 },
    ]);
    expect(await errorCodeOf(runHandler(statsHandlers, 'getStats', { accountId: 999 }, ctx))).toBe('NOT_FOUND');
  });

  it('reaches back before the account was added where the network reported when people followed', async () => {
    const dated = addTestAccount(t.db, 'dated'); // created 2026-03-01
    const earlier = addTestFollowers(t.db, dated, 4, { prefix: 'd' });
    const followedAt = ['2026-02-10T10:00:00.000Z', '2026-02-10T12:00:00.000Z', '2026-02-24T09:00:00.000Z'];
    followedAt.forEach((at, i) =>
      t.db.prepare('UPDATE relationships SET followed_me_at = ? WHERE account_id = ? AND person_id = ?').run(at, dated, earlier[i]!.personId),
    );
    const stats = await runHandler(statsHandlers, 'getStats', { accountId: dated, weeks: 8 }, ctx);
    // One follower's date is the import itself (unknown), so it is already there on the first day.
    expect(stats.followerGrowth).toEqual([
      { date: '2026-02-10', value: 3 },
      { date: '2026-02-24', value: 4 },
      { date: '2026-03-01', value: 4 },
      { date: '2026-04-01', value: 4 },
    ]);
    expect(stats.weekly.filter((w) => w.newFollowers > 0)).toEqual([
      { weekStart: '2026-02-09', newFollowers: 2, unfollows: 0 },
      { weekStart: '2026-02-23', newFollowers: 1, unfollows: 0 },
    ]);
  });
});
