import { beforeEach, describe, expect, it } from 'vitest';
import { writeActionBudget } from '../outbox/actionBudget';
import { useHandlerTest, type HandlerTest } from '../repos/handlerTestKit';
import { addTestAccount, addTestFollowers, errorCodeOf, FIXTURE_NOW, runHandler } from '../repos/testFixtures';
import { unfollowHandlers } from './unfollowHandlers';

let { t, ctx, events } = {} as HandlerTest;
let kicked: number[];
let accountId: number;
let followed: number[];
let notFollowed: number;

const unfollow = (personId: number, account = accountId) => runHandler(unfollowHandlers, 'unfollowPerson', { accountId: account, personId }, ctx);
const outboxRows = () => t.db.prepare('SELECT person_id AS personId, kind, status FROM outbox ORDER BY id').all();

// The account is a Bluesky one (not the fixture's 'sample' network), so the file makes its own.
useHandlerTest({ withAccount: false }, (h) => ({ t, ctx, events } = h));
beforeEach(() => {
  kicked = [];
  ctx.outbox = { kick: (id) => kicked.push(id) };
  accountId = Number(
    t.db
      .prepare("INSERT INTO accounts (network, remote_id, handle, created_at) VALUES ('bluesky', 'did:plc:me', 'me.bsky.social', ?)")
      .run(FIXTURE_NOW).lastInsertRowid,
  );
  const people = addTestFollowers(t.db, accountId, 4).map((p) => p.personId);
  // I follow the first three (one of them never followed me back); the fourth I do not follow.
  t.db.prepare('UPDATE relationships SET i_follow = 1 WHERE account_id = ? AND person_id IN (?, ?, ?)').run(accountId, people[0], people[1], people[2]);
  t.db.prepare('UPDATE relationships SET follows_me = 0 WHERE account_id = ? AND person_id = ?').run(accountId, people[2]);
  followed = people.slice(0, 3);
  notFollowed = people[3] as number;
});

describe('unfollowPerson', () => {
  it('queues exactly one unfollow, announces it and wakes the outbox', async () => {
    const action = await unfollow(followed[2] as number);
    expect(action).toMatchObject({ kind: 'unfollow', status: 'queued' });
    expect(outboxRows()).toEqual([{ personId: followed[2], kind: 'unfollow', status: 'queued' }]);
    expect(events).toEqual([{ event: 'outbox.changed', payload: { accountId, actionIds: [action.id], personIds: [followed[2]] } }]);
    expect(kicked).toEqual([accountId]);
  });

  it('answers a second ask with the unfollow already waiting instead of queueing another', async () => {
    const first = await unfollow(followed[0] as number);
    const second = await unfollow(followed[0] as number);
    expect(second.id).toBe(first.id);
    expect(outboxRows()).toHaveLength(1);
  });

  it('refuses people I do not follow, strangers and other accounts’ people', async () => {
    expect(await errorCodeOf(unfollow(notFollowed))).toBe('CONFLICT');
    expect(await errorCodeOf(unfollow(999_999))).toBe('NOT_FOUND');
    const sample = addTestAccount(t.db, 'other');
    expect(await errorCodeOf(unfollow(followed[0] as number, sample))).toBe('NOT_FOUND'); // not a person of the sample account
    const otherBluesky = Number(
      t.db
        .prepare("INSERT INTO accounts (network, remote_id, handle, created_at) VALUES ('bluesky', 'did:plc:two', 'two.bsky.social', ?)")
        .run(FIXTURE_NOW).lastInsertRowid,
    );
    expect(await errorCodeOf(unfollow(followed[0] as number, otherBluesky))).toBe('NOT_FOUND');
    expect(outboxRows()).toEqual([]);
  });

  it('stops at the daily budget with BUDGET_EXCEEDED', async () => {
    writeActionBudget(t.db, accountId, 'bluesky', 1);
    await unfollow(followed[0] as number);
    const refusal = unfollow(followed[1] as number);
    await expect(refusal).rejects.toMatchObject({ code: 'BUDGET_EXCEEDED' });
    expect(outboxRows()).toHaveLength(1);
  });
});
