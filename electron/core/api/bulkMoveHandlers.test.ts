import { beforeEach, describe, expect, it } from 'vitest';
import { RapportError } from '../../../shared/api/errors';
import { handlerCaller, HANDLER_TEST_NOW, useHandlerTest, type HandlerTest } from '../repos/handlerTestKit';
import { outboxRepo } from '../repos/outboxRepo';
import { addTestAccount, addTestFollowers, errorCodeOf } from '../repos/testFixtures';
import { bulkMoveHandlers, CONNECTED_REFUSAL } from './bulkMoveHandlers';

let { t, ctx, events, accountId, people } = {} as HandlerTest;
// 1,250 followers; the fixture's bios cycle through ten hobbies, so "knitting" matches 250.
const stage = (i: number) => (i % 50 === 0 ? 'connected' : i % 2 === 0 ? 'new' : 'evaluated');
useHandlerTest({ now: HANDLER_TEST_NOW, followers: 1_250, followerSpec: { stage } }, (h) => ({ t, ctx, events, accountId, people } = h));
beforeEach(() => {
  addTestFollowers(t.db, addTestAccount(t.db, 'other'), 30, { prefix: 'o' });
});

const call = handlerCaller(bulkMoveHandlers, () => ctx);
const one = (sql: string, ...params: unknown[]): unknown => t.db.prepare(sql).pluck().get(...params);

describe('bulkMove', () => {
  it('moves 1,000+ people matching a filter to Declined in one call, with one event each', async () => {
    const filter = { stages: ['new', 'evaluated'] };
    const expected = people.filter((p) => p.stage !== 'connected');
    expect(expected.length).toBeGreaterThan(1_000);

    const result = await call('bulkMove', { accountId, selection: { filter }, stage: 'declined' });

    expect(result.moved).toBe(expected.length);
    expect(result.counts).toEqual({ new: 0, evaluated: 0, connected: 25, declined: expected.length });
    expect(result.from).toEqual(expected.map((p) => ({ personId: p.personId, stage: p.stage })));
    expect(one("SELECT count(*) FROM triage WHERE account_id = ? AND stage = 'declined' AND changed_at = '2026-04-01T08:00:00.000Z'", accountId)).toBe(
      expected.length,
    );
    expect(
      one(
        `SELECT count(*) FROM events WHERE account_id = ? AND kind = 'stage_changed'
         AND json_extract(data, '$.to') = 'declined' AND json_extract(data, '$.bulk') = 1`,
        accountId,
      ),
    ).toBe(expected.length);
    // Another account's board is untouched.
    expect(one("SELECT count(*) FROM triage WHERE account_id <> ? AND stage <> 'new'", accountId)).toBe(0);
    expect(events).toEqual([{ event: 'people.changed', payload: { accountId, personIds: null } }]);
  });

  it('refuses Connected, for ids and filters alike, with the reason, and moves nobody', async () => {
    for (const selection of [{ personIds: [people[1]?.personId] }, { filter: { stages: ['new'] } }]) {
      const failure = call('bulkMove', { accountId, selection, stage: 'connected' });
      await expect(failure).rejects.toBeInstanceOf(RapportError);
      await expect(failure).rejects.toMatchObject({ code: 'CONFLICT', message: CONNECTED_REFUSAL });
    }
    expect(one("SELECT count(*) FROM triage WHERE account_id = ? AND stage = 'connected'", accountId)).toBe(25);
    expect(one("SELECT count(*) FROM events WHERE kind = 'stage_changed'")).toBe(0);
  });

  it('moves explicit ids, skips those already there, and names them in people.changed', async () => {
    const picked = [people[0], people[1], people[2], people[3]].map((p) => p?.personId as number);
    const result = await call('bulkMove', { accountId, selection: { personIds: picked }, stage: 'evaluated' });
    // people[1] and people[3] were already Evaluated.
    expect(result.moved).toBe(2);
    expect(result.from).toEqual([
      { personId: picked[0], stage: 'connected' },
      { personId: picked[2], stage: 'new' },
    ]);
    expect(events).toEqual([{ event: 'people.changed', payload: { accountId, personIds: [picked[0], picked[2]] } }]);
    expect(await errorCodeOf(call('bulkMove', { accountId, selection: { personIds: [999_999] }, stage: 'declined' }))).toBe('NOT_FOUND');
  });

  it('matches a bio word and leaves people I follow who never followed me alone', async () => {
    const stranger = Number(
      t.db.prepare("INSERT INTO people (network, remote_id, handle, bio, fetched_at) VALUES ('sample', 'g1', 'g1', 'knitting too', 'x')").run()
        .lastInsertRowid,
    );
    t.db.prepare('INSERT INTO relationships (account_id, person_id, i_follow) VALUES (?, ?, 1)').run(accountId, stranger);
    const result = await call('bulkMove', { accountId, selection: { filter: { query: 'knitting' } }, stage: 'declined' });
    const knitters = people.filter((p) => p.bio.includes('knitting') && p.stage !== 'declined');
    expect(result.moved).toBe(knitters.length);
    expect(result.from.some((entry) => entry.personId === stranger)).toBe(false);
    expect(one('SELECT count(*) FROM triage WHERE person_id = ?', stranger)).toBe(0);
  });

  it('cancels follows still queued for people leaving Connected, and nothing else on the network', async () => {
    const connected = people.filter((p) => p.stage === 'connected').slice(0, 2).map((p) => p.personId);
    const at = '2026-04-01T07:00:00.000Z';
    const queued = outboxRepo(t.db).enqueue({ accountId, personId: connected[0] as number, kind: 'follow', at });
    const sent = outboxRepo(t.db).enqueue({ accountId, personId: connected[1] as number, kind: 'follow', at });
    outboxRepo(t.db).markSending(sent.id, at);

    await call('bulkMove', { accountId, selection: { personIds: connected }, stage: 'declined' });

    expect(outboxRepo(t.db).get(queued.id)).toBeNull();
    expect(outboxRepo(t.db).get(sent.id)?.status).toBe('sending');
    expect(one("SELECT count(*) FROM outbox WHERE kind = 'unfollow'")).toBe(0);
    expect(events.find((e) => e.event === 'outbox.changed')?.payload).toEqual({
      accountId,
      actionIds: [queued.id],
      personIds: [connected[0]],
    });
  });

  it('refuses a filter matching more than one undo can restore', async () => {
    const many = addTestFollowers(t.db, accountId, 50_001 - people.length + 10, { prefix: 'z' });
    expect(many.length).toBeGreaterThan(0);
    const failure = call('bulkMove', { accountId, selection: { filter: {} }, stage: 'declined' });
    await expect(failure).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/at most 50,000/) });
    expect(one("SELECT count(*) FROM triage WHERE account_id = ? AND stage = 'declined'", accountId)).toBe(0);
  });
});

describe('restoreStages', () => {
  it('puts a bulk move back, except people moved to Connected since', async () => {
    const filter = { stages: ['new'] };
    const moved = await call('bulkMove', { accountId, selection: { filter }, stage: 'declined' });
    const followedSince = moved.from[0]?.personId as number;
    t.db.prepare("UPDATE triage SET stage = 'connected' WHERE account_id = ? AND person_id = ?").run(accountId, followedSince);
    events.length = 0;

    const result = await call('restoreStages', { accountId, entries: moved.from });

    expect(result.restored).toBe(moved.moved - 1);
    expect(result.counts.new).toBe(moved.moved - 1);
    expect(one("SELECT stage FROM triage WHERE person_id = ?", followedSince)).toBe('connected');
    expect(
      one("SELECT count(*) FROM events WHERE kind = 'stage_changed' AND json_extract(data, '$.undo') = 1 AND json_extract(data, '$.to') = 'new'"),
    ).toBe(moved.moved - 1);
    expect(events).toEqual([{ event: 'people.changed', payload: { accountId, personIds: null } }]);
  });
});
