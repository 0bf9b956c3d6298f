// A walk's pages store rows; the counts on cards and the engagement behind "Most engaged first"
// take them once per walk (settleQueuedInteractions). Whatever happens in between — the same items
// stored again, a retention purge, Forget this person, ids SQLite hands out again — the settled
// numbers equal what the rows say, each row counted exactly once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ENGAGEMENT_WEIGHTS, type InteractionDirection, type InteractionKind } from '../../../shared/interactions';
import type { RemoteInteraction } from '../networks/provider';
import { interactionsRepo } from './interactionsRepo';
import { addTestAccount, addTestFollowers, createTestDatabase, type TestDatabase } from './testFixtures';

let t: TestDatabase;
let accountId: number;
beforeEach(() => {
  t = createTestDatabase();
  accountId = addTestAccount(t.db);
  addTestFollowers(t.db, accountId, 3);
});
afterEach(() => t.cleanup());

let keys = 0;
const item = (person: string, kind: InteractionKind, day: number, direction: InteractionDirection = 'theirs'): RemoteInteraction => ({
  key: `item-${keys++}`,
  personRemoteId: person,
  kind,
  direction,
  at: `2026-02-${String(day).padStart(2, '0')}T10:00:00.000Z`,
  link: null,
  excerpt: null,
});

const repo = () => interactionsRepo(t.db);
const store = (items: RemoteInteraction[]): number => t.db.transaction(() => repo().store(accountId, items))();
const settle = (): number => repo().settleQueuedInteractions(accountId, 'sample');

/** Counts as the cards read them. */
const kept = (person: string) =>
  (repo().countsFor(accountId, [person]).get(person) ?? []).map((c) => `${c.direction} ${c.kind} ${c.count} ${c.lastAt.slice(5, 10)}`).sort();
const engagementOf = (person: string) =>
  t.db.prepare('SELECT engagement, first_at, last_at FROM interaction_people WHERE account_id = ? AND person_remote_id = ?').get(accountId, person);
const sortKeyOf = (person: string) =>
  t.db.prepare("SELECT t.sort_engagement FROM triage t JOIN people p ON p.id = t.person_id WHERE p.network = 'sample' AND p.remote_id = ?").pluck().get(person);

describe('interactions counts and engagement', () => {
  it('settle once per walk: every row stored counts once, and the same items stored again count nothing', () => {
    const page = [item('p0', 'reply', 3), item('p0', 'like', 5), item('p0', 'like', 4), item('p0', 'reply', 6, 'mine'), item('p1', 'follow', 2)];
    expect(store(page)).toBe(5);
    expect(store(page)).toBe(0);
    expect(store([item('p0', 'repost', 1)])).toBe(1);
    expect(settle()).toBe(1);

    expect(kept('p0')).toEqual(['mine reply 1 02-06', 'theirs like 2 02-05', 'theirs reply 1 02-03', 'theirs repost 1 02-01']);
    const points = ENGAGEMENT_WEIGHTS.reply + 2 * ENGAGEMENT_WEIGHTS.like + ENGAGEMENT_WEIGHTS.repost;
    expect(engagementOf('p0')).toEqual({ engagement: points, first_at: '2026-02-01T10:00:00.000Z', last_at: '2026-02-05T10:00:00.000Z' });
    expect(sortKeyOf('p0')).toBe(points);
    // A follow weighs nothing: counted on the card, no engagement.
    expect(kept('p1')).toEqual(['theirs follow 1 02-02']);
    expect(engagementOf('p1')).toBeUndefined();

    // Settling again with nothing new changes nothing.
    expect(settle()).toBe(0);
    expect(kept('p0')).toHaveLength(4);
    expect(engagementOf('p0')).toMatchObject({ engagement: points });
  });

  it('a purge counts rows a cut-off walk left unsettled before deleting them', () => {
    store([item('p0', 'like', 1), item('p0', 'reply', 20)]);
    expect(repo().purgeOlderThan(accountId, '2026-02-10T00:00:00.000Z')).toBe(1);
    settle();
    expect(kept('p0')).toEqual(['theirs like 1 02-01', 'theirs reply 1 02-20']);
    expect(sortKeyOf('p0')).toBe(ENGAGEMENT_WEIGHTS.like + ENGAGEMENT_WEIGHTS.reply);
  });

  it('Forget this person takes their unsettled rows too, and ids handed out again are counted for their new owner', () => {
    store([item('p1', 'like', 1), item('p0', 'reply', 2), item('p0', 'like', 3)]);
    // p0 holds the newest ids: once they are deleted, SQLite hands the same ids out again.
    repo().forgetPerson(accountId, 'p0');
    store([item('p2', 'like', 4), item('p2', 'quote', 5)]);
    settle();
    expect(kept('p0')).toEqual([]);
    expect(engagementOf('p0')).toBeUndefined();
    expect(kept('p1')).toEqual(['theirs like 1 02-01']);
    expect(kept('p2')).toEqual(['theirs like 1 02-04', 'theirs quote 1 02-05']);

    // Settled rows forgotten, then their ids reused by another person's new rows.
    repo().forgetPerson(accountId, 'p2');
    store([item('p0', 'mention', 6), item('p0', 'mention', 7)]);
    settle();
    expect(kept('p0')).toEqual(['theirs mention 2 02-07']);
    expect(kept('p2')).toEqual([]);
    expect(t.db.prepare('SELECT count(*) FROM interactions_to_count').pluck().get()).toBe(0);
  });
});
