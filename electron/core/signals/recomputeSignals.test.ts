import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SIGNAL_WEIGHTS, type SignalId } from '../../../shared/signals';
import { peopleQueryRepo } from '../repos/peopleQueryRepo';
import { signalsForPeople, storedSignalsOf } from '../repos/signalsRepo';
import { addTestAccount, addTestFollowers, createTestDatabase, type TestDatabase } from '../repos/testFixtures';
import { recomputeSignals, RECOMPUTE_BATCH } from './recomputeSignals';
import { createSignalDuties } from './signalDuties';

const NOW = new Date('2026-03-01T12:00:00.000Z');
const daysAgo = (days: number): string => new Date(NOW.getTime() - days * 86_400_000).toISOString();

let t: TestDatabase;
let accountId: number;
let ids: number[];

function setPerson(id: number, fields: Record<string, string | number | null>): void {
  const columns = Object.keys(fields);
  t.db.prepare(`UPDATE people SET ${columns.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`).run({ ...fields, id });
}

function storedIds(personId: number): SignalId[] {
  return (storedSignalsOf(t.db, accountId, [personId]).get(personId)?.signals ?? []).slice().sort();
}

beforeEach(() => {
  t = createTestDatabase();
  accountId = addTestAccount(t.db);
  ids = addTestFollowers(t.db, accountId, 8).map((f) => f.personId);
  const [bait, silent, churner, fresh, quiet, busy, unknown, plain] = ids as [number, number, number, number, number, number, number, number];
  const customAvatar = 'https://cdn.sample.invalid/a.jpg';
  setPerson(bait, { bio: 'Follow back guaranteed! #F4F', followers_count: 120, following_count: 6_000, posts_count: 400, avatar_url: customAvatar });
  setPerson(silent, { followers_count: 30, following_count: 40, posts_count: 0, avatar_url: customAvatar });
  setPerson(churner, { followers_count: 50, following_count: 60, posts_count: 80, avatar_url: customAvatar });
  const event = t.db.prepare('INSERT INTO events (account_id, person_id, kind, at) VALUES (?, ?, ?, ?)');
  for (const [kind, days] of [['followed_me', 60], ['unfollowed_me', 50], ['followed_me', 40], ['unfollowed_me', 30], ['followed_me', 20]] as const) {
    event.run(accountId, churner, kind, daysAgo(days));
  }
  setPerson(fresh, { joined_at: daysAgo(10), followers_count: 5, following_count: 7, posts_count: 2, avatar_url: customAvatar });
  setPerson(quiet, { followers_count: 40, following_count: 45, posts_count: 12, avatar_url: customAvatar, last_post_at: daysAgo(200) });
  setPerson(busy, { followers_count: 400, following_count: 300, posts_count: 900, avatar_url: customAvatar, joined_at: '2019-01-01T00:00:00.000Z' });
  const post = t.db.prepare('INSERT INTO posts (person_id, remote_id, text, created_at) VALUES (?, ?, ?, ?)');
  for (let i = 0; i < 12; i += 1) post.run(busy, `b${i}`, 'hello', daysAgo(1 + i * 2));
  // Bluesky-style: the list carried no counts, so all three are still 0.
  setPerson(unknown, { followers_count: 0, following_count: 0, posts_count: 0, avatar_url: customAvatar });
  setPerson(plain, { avatar_url: null });
});
afterEach(() => t.cleanup());

describe('recomputeSignals', () => {
  it('stores each follower’s signals and a score equal to the sum of their weights', () => {
    const outcome = recomputeSignals(t.db, accountId, null, NOW);
    expect(outcome).toEqual({ computed: 8, changed: 8 });
    const [bait, silent, churner, fresh, quiet, busy, unknown, plain] = ids as [number, number, number, number, number, number, number, number];
    expect(storedIds(bait)).toEqual(expect.arrayContaining(['follow-bait', 'mass-following']));
    expect(storedIds(silent)).toContain('no-posts');
    expect(storedIds(churner)).toContain('churn');
    expect(storedIds(fresh)).toContain('new-account');
    expect(storedIds(quiet)).toContain('inactive');
    expect(storedIds(busy)).toEqual(expect.arrayContaining(['active', 'established', 'balanced-ratio']));
    expect(storedIds(unknown)).not.toContain('no-posts');
    expect(storedIds(plain)).toContain('default-avatar');
    for (const id of [bait, silent, churner, quiet, unknown]) expect(storedIds(id)).not.toContain('default-avatar');

    for (const id of ids) {
      const stored = storedSignalsOf(t.db, accountId, [id]).get(id);
      expect(stored?.score).toBe(stored?.signals.reduce((sum, s) => sum + SIGNAL_WEIGHTS[s], 0));
    }
    expect(storedSignalsOf(t.db, accountId, [bait]).get(bait)?.score).toBeLessThan(storedSignalsOf(t.db, accountId, [busy]).get(busy)?.score ?? 0);
  });

  it('reads nobody the second time when nothing changed, and only the changed person after an edit', () => {
    recomputeSignals(t.db, accountId, null, NOW);
    expect(recomputeSignals(t.db, accountId, null, NOW)).toEqual({ computed: 0, changed: 0 });
    const silent = ids[1] as number;
    setPerson(silent, { posts_count: 5 });
    expect(recomputeSignals(t.db, accountId, null, NOW)).toEqual({ computed: 1, changed: 1 });
    expect(storedIds(silent)).not.toContain('no-posts');
  });

  it('recomputes whoever a new post, a follow event or a new follower concerns', () => {
    recomputeSignals(t.db, accountId, null, NOW);
    const [, silent, , , quiet] = ids as [number, number, number, number, number];
    t.db.prepare('INSERT INTO posts (person_id, remote_id, text, created_at) VALUES (?, ?, ?, ?)').run(quiet, 'q1', 'back', daysAgo(1));
    t.db.prepare("INSERT INTO events (account_id, person_id, kind, at) VALUES (?, ?, 'unfollowed_me', ?)").run(accountId, silent, daysAgo(1));
    const [newcomer] = addTestFollowers(t.db, accountId, 1, { prefix: 'late' });
    expect(recomputeSignals(t.db, accountId, null, NOW).computed).toBe(3);
    expect(storedIds(quiet)).not.toContain('inactive');
    expect(storedSignalsOf(t.db, accountId, [newcomer?.personId as number]).size).toBe(1);
    // A stage change is not a signal input.
    t.db.prepare("INSERT INTO events (account_id, person_id, kind, at) VALUES (?, ?, 'stage_changed', ?)").run(accountId, silent, daysAgo(0));
    expect(recomputeSignals(t.db, accountId, null, NOW).computed).toBe(0);
  });

  it('recomputes a person when time alone changes their signals, and nobody in between', () => {
    recomputeSignals(t.db, accountId, null, NOW);
    const fresh = ids[3] as number;
    expect(storedIds(fresh)).toContain('new-account');
    // Joined 10 days before NOW: "new account" ends 20 days later. Between two recomputes a day
    // apart, with no instant in between where a rule flips, nobody is read.
    const day = (n: number): Date => new Date(NOW.getTime() + n * 86_400_000);
    expect(recomputeSignals(t.db, accountId, null, day(2)).computed).toBeLessThan(ids.length);
    expect(recomputeSignals(t.db, accountId, null, day(3)).computed).toBe(0);
    expect(storedIds(fresh)).toContain('new-account');
    const later = new Date(NOW.getTime() + 21 * 86_400_000);
    const outcome = recomputeSignals(t.db, accountId, null, later);
    expect(outcome.computed).toBeLessThan(ids.length);
    expect(storedIds(fresh)).not.toContain('new-account');
    // The same as computing everyone from scratch at that moment.
    t.db.prepare('UPDATE triage SET signals_due_at = 0').run();
    const before = ids.map(storedIds);
    expect(recomputeSignals(t.db, accountId, null, later).changed).toBe(0);
    expect(ids.map(storedIds)).toEqual(before);
  });

  it('recomputes only the people named, skipping people without a card', () => {
    const other = addTestAccount(t.db, 'other');
    const stranger = addTestFollowers(t.db, other, 1, { prefix: 'x' })[0]?.personId as number;
    const outcome = recomputeSignals(t.db, accountId, [ids[0] as number, stranger], NOW);
    expect(outcome.computed).toBe(1);
    expect(storedSignalsOf(t.db, accountId, ids).size).toBe(1);
    expect(storedSignalsOf(t.db, other, [stranger]).size).toBe(0);
  });

  it('handles more people than one batch', () => {
    const many = addTestFollowers(t.db, accountId, RECOMPUTE_BATCH + 5, { prefix: 'm' });
    const outcome = recomputeSignals(t.db, accountId, null, NOW);
    expect(outcome.computed).toBe(RECOMPUTE_BATCH + 13);
    const unscored = t.db.prepare('SELECT count(*) FROM triage WHERE account_id = ? AND score IS NULL').pluck().get(accountId);
    expect(unscored).toBe(0);
    expect(storedIds(many[many.length - 1]?.personId as number)).toContain('default-avatar');
  });

  it('lets a signal filter return exactly the people holding that stored signal', () => {
    recomputeSignals(t.db, accountId, null, NOW);
    const expected = (
      t.db.prepare("SELECT person_id FROM triage_signals WHERE account_id = ? AND signal = 'default-avatar' ORDER BY person_id").pluck().all(accountId) as number[]
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(peopleQueryRepo(t.db).matchingIds(accountId, { signals: ['default-avatar'] }).sort((a, b) => a - b)).toEqual(expected);
  });
});

describe('signalsForPeople', () => {
  it('rebuilds chips with their numbers for computed people only', () => {
    const [bait, , churner] = ids as [number, number, number];
    expect(signalsForPeople(t.db, accountId, [bait], NOW).size).toBe(0);
    recomputeSignals(t.db, accountId, null, NOW);
    const chips = signalsForPeople(t.db, accountId, ids, NOW);
    expect(chips.size).toBe(8);
    expect(chips.get(bait)?.map((s) => s.id).sort()).toEqual(storedIds(bait));
    expect(chips.get(bait)?.find((s) => s.id === 'mass-following')?.detail).toContain('6,000');
    expect(chips.get(churner)?.find((s) => s.id === 'churn')?.label).toBe('Followed and unfollowed you 2 times');
  });
});

describe('signal duties', () => {
  const done = {
    runId: 1, state: 'done', phase: 'done', done: 8, total: 8, pages: 1, startedAt: NOW.toISOString(), error: null,
  } as const;

  it('recompute everyone in the background after a finished sync, then ask for a reload', async () => {
    const emitted: unknown[] = [];
    const duties = createSignalDuties({ db: t.db, now: () => NOW.getTime(), emitChanged: (p) => emitted.push(p) });
    duties.onEvent('sync.progress', { ...done, accountId, state: 'running' });
    await duties.idle();
    expect(storedSignalsOf(t.db, accountId, ids).size).toBe(0);

    duties.onEvent('sync.progress', { ...done, accountId });
    await duties.idle();
    expect(storedSignalsOf(t.db, accountId, ids).size).toBe(8);
    expect(emitted).toEqual([{ accountId, personIds: null }]);

    // Nothing new the second time: no reload.
    duties.onEvent('sync.progress', { ...done, accountId });
    await duties.idle();
    expect(emitted).toHaveLength(1);
  });

  it('recompute named people at once when their profile changed', () => {
    const duties = createSignalDuties({ db: t.db, now: () => NOW.getTime(), emitChanged: () => {} });
    const busy = ids[5] as number;
    duties.onEvent('people.changed', { accountId, personIds: [busy] });
    expect(storedIds(busy)).toContain('active');
    expect(storedSignalsOf(t.db, accountId, ids).size).toBe(1);
  });
});
