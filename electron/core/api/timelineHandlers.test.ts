import { describe, expect, it } from 'vitest';
import { useHandlerTest, type HandlerTest } from '../repos/handlerTestKit';
import { notesRepo } from '../repos/notesRepo';
import { outboxRepo } from '../repos/outboxRepo';
import { snoozeRepo } from '../repos/snoozeRepo';
import { tagsRepo } from '../repos/tagsRepo';
import { addTestAccount, addTestFollowers, errorCodeOf, runHandler } from '../repos/testFixtures';
import { QUOTE_MAX } from '../repos/timelineSentence';
import { triageRepo } from '../repos/triageRepo';
import { timelineHandlers } from './timelineHandlers';

let { t, ctx, accountId } = {} as HandlerTest;
let personId: number;
useHandlerTest({ followers: 2 }, (h) => {
  ({ t, ctx, accountId } = h);
  personId = h.people[0]!.personId;
});

const at = (day: number): string => `2026-03-${String(day).padStart(2, '0')}T10:00:00.000Z`;
function event(kind: string, day: number, data: unknown = null): void {
  t.db
    .prepare('INSERT INTO events (account_id, person_id, kind, at, data) VALUES (?, ?, ?, ?, ?)')
    .run(accountId, personId, kind, at(day), data === null ? null : JSON.stringify(data));
}
/** A message the outbox sent, recorded the way the outbox worker records it. */
function sentMessage(text: string, day: number): void {
  const action = outboxRepo(t.db).enqueue({ accountId, personId, kind: 'dm', text, at: at(day) });
  event('dm_sent', day, { actionId: action.id });
}

describe('getTimeline', () => {
  it('tells the history newest first, one plain sentence per event', async () => {
    event('followed_me', 1, { followedAt: at(1) });
    triageRepo(t.db).move(accountId, personId, 'evaluated', at(2));
    triageRepo(t.db).move(accountId, personId, 'connected', at(3));
    event('i_followed', 3, { actionId: 1 });
    sentMessage('Thanks for the follow!\nLoved your   post about bees.', 4);
    notesRepo(t.db).set(accountId, personId, 'Bees', at(5));
    tagsRepo(t.db).set(accountId, personId, ['bees', 'Garden'], at(6));
    tagsRepo(t.db).set(accountId, personId, ['Garden'], at(7));
    tagsRepo(t.db).set(accountId, personId, ['x', 'y'], at(7));
    snoozeRepo(t.db).set(accountId, personId, { days: 7 }, Date.parse(at(8)));
    snoozeRepo(t.db).wakeDue(accountId, Date.parse(at(16)));
    snoozeRepo(t.db).set(accountId, personId, { untilNextPost: true }, Date.parse(at(17)));
    event('unfollowed_me', 18);
    event('gone', 19);

    const entries = await runHandler(timelineHandlers, 'getTimeline', { accountId, personId }, ctx);
    expect(entries.map((e) => [e.at.slice(0, 10), e.summary])).toEqual([
      ['2026-03-19', 'Account gone'],
      ['2026-03-18', 'Unfollowed you'],
      ['2026-03-17', 'Snoozed until their next post'],
      ['2026-03-16', 'Snooze ended: back in New'],
      ['2026-03-08', 'Snoozed for 7 days'],
      ['2026-03-07', 'Tagged x, y; removed the tag Garden'],
      ['2026-03-07', 'Removed the tag bees'],
      ['2026-03-06', 'Tagged bees, Garden'],
      ['2026-03-05', 'You added a note'],
      ['2026-03-04', 'You wrote: Thanks for the follow! Loved your post about bees.'],
      // Same instant: the later event (the follow the move queued) comes first.
      ['2026-03-03', 'You followed them'],
      ['2026-03-03', 'Moved from Evaluated to Connected'],
      ['2026-03-02', 'Moved from New to Evaluated'],
      ['2026-03-01', 'Followed you'],
    ]);
    expect(entries.find((e) => e.summary.startsWith('You wrote'))?.kind).toBe('dm_sent');
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
  });

  it('quotes a long message shortened, and never invents text it does not have', async () => {
    sentMessage('word '.repeat(100), 1);
    event('dm_sent', 2, { actionId: 9999 });
    event('stage_changed', 3, { to: 'declined' });
    event('snoozed', 4, { days: 1 });
    const entries = await runHandler(timelineHandlers, 'getTimeline', { accountId, personId }, ctx);
    expect(entries.map((e) => e.summary).slice(0, 3)).toEqual(['Snoozed for 1 day', 'Moved to Declined', 'You sent them a message']);
    const quoted = entries[3]!.summary;
    expect(quoted.startsWith('You wrote: word word')).toBe(true);
    expect(quoted.endsWith('…')).toBe(true);
    expect(Array.from(quoted.slice('You wrote: '.length)).length).toBeLessThanOrEqual(QUOTE_MAX);
  });

  it('shows only this account’s history, and refuses people it does not know', async () => {
    event('followed_me', 1);
    const other = addTestAccount(t.db, 'other');
    addTestFollowers(t.db, other, 1); // the same person (remote id p0) on a second account
    t.db.prepare("INSERT INTO events (account_id, person_id, kind, at) VALUES (?, ?, 'unfollowed_me', ?)").run(other, personId, at(2));
    expect((await runHandler(timelineHandlers, 'getTimeline', { accountId, personId }, ctx)).map((e) => e.summary)).toEqual([
      'Followed you',
    ]);
    const stranger = addTestFollowers(t.db, other, 1, { prefix: 'x' })[0]!.personId;
    expect(await errorCodeOf(runHandler(timelineHandlers, 'getTimeline', { accountId, personId: stranger }, ctx))).toBe('NOT_FOUND');
  });
});
