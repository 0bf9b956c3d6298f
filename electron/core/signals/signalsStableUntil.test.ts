// Skipping a person until their signals are due is only safe if nothing but a changed input or
// the due instant can change their chips. Checked over generated people (dates on and off whole
// days, so rule edges are hit exactly), through the same SQLite reads a recompute uses: the chips
// computed at any instant before the stored due instant equal the stored ones.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeSignals, type SignalId } from '../../../shared/signals';
import { storedSignalsOf } from '../repos/signalsRepo';
import { addTestAccount, createTestDatabase, type TestDatabase } from '../repos/testFixtures';
import { recomputeSignals } from './recomputeSignals';
import { signalInputsOf } from './signalInputRows';

const DAY = 86_400_000;
const NOW = Date.parse('2026-03-01T12:00:00.000Z');
const CASES = 300;

let t: TestDatabase;
let accountId: number;
let next = 0;

beforeAll(() => {
  t = createTestDatabase();
  accountId = addTestAccount(t.db);
});
afterAll(() => t.cleanup());

/**
 * An offset from NOW, mostly within the windows the rules look at (weeks to months), often on a
 * whole day so a rule's edge falls exactly on NOW or on a whole day after it.
 */
const offset = fc.oneof(
  { arbitrary: fc.integer({ min: -100, max: 10 }).map((d) => d * DAY), weight: 3 },
  { arbitrary: fc.integer({ min: -100 * DAY, max: 10 * DAY }), weight: 2 },
  { arbitrary: fc.integer({ min: -800, max: 40 }).map((d) => d * DAY), weight: 1 },
);
const iso = (ms: number): string => new Date(NOW + ms).toISOString();

const personShape = fc.record({
  joined: fc.option(offset, { nil: null }),
  lastPost: fc.option(offset, { nil: null }),
  posts: fc.array(offset, { maxLength: 12 }),
  events: fc.array(fc.record({ kind: fc.constantFrom('followed_me', 'unfollowed_me'), at: offset }), { maxLength: 6 }),
  postsCount: fc.constantFrom(0, 3, 60, 900),
  later: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 3, maxLength: 3 }),
});

type PersonShape = typeof personShape extends fc.Arbitrary<infer S> ? S : never;

function insertPerson(shape: PersonShape): number {
  next += 1;
  const personId = Number(
    t.db
      .prepare(
        `INSERT INTO people (network, remote_id, handle, display_name, followers_count, following_count, posts_count,
                             joined_at, last_post_at, avatar_url, fetched_at)
         VALUES ('sample', ?, ?, 'P', 40, 50, ?, ?, ?, 'https://cdn.sample.invalid/a.jpg', ?)`,
      )
      .run(`g${next}`, `g${next}.sample`, shape.postsCount, shape.joined === null ? null : iso(shape.joined),
        shape.lastPost === null ? null : iso(shape.lastPost), iso(0)).lastInsertRowid,
  );
  t.db.prepare("INSERT INTO triage (account_id, person_id, stage, changed_at) VALUES (?, ?, 'new', ?)").run(accountId, personId, iso(0));
  shape.posts.forEach((at, i) =>
    t.db.prepare('INSERT INTO posts (person_id, remote_id, text, created_at) VALUES (?, ?, ?, ?)').run(personId, `p${i}`, 'x', iso(at)),
  );
  for (const event of shape.events) {
    t.db.prepare('INSERT INTO events (account_id, person_id, kind, at) VALUES (?, ?, ?, ?)').run(accountId, personId, event.kind, iso(event.at));
  }
  return personId;
}

function chipIdsAt(personId: number, at: number): SignalId[] {
  const [row] = signalInputsOf(t.db, accountId, [personId], new Date(at));
  return row ? computeSignals(row.input, new Date(at)).map((s) => s.id).sort() : [];
}

describe('signals due instant', () => {
  it(`keeps every chip until the stored due instant (${CASES} generated people)`, () => {
    fc.assert(
      fc.property(personShape, (shape) => {
        const personId = insertPerson(shape);
        recomputeSignals(t.db, accountId, [personId], new Date(NOW));
        const stored = (storedSignalsOf(t.db, accountId, [personId]).get(personId)?.signals ?? []).slice().sort();
        const due = t.db.prepare('SELECT signals_due_at FROM triage WHERE person_id = ?').pluck().get(personId) as number | null;
        if (due !== null) expect(due).toBeGreaterThan(NOW);
        const until = due ?? NOW + 4 * 365 * DAY;
        for (const at of [NOW + 1, ...shape.later.map((f) => Math.floor(NOW + f * (until - NOW))), until - 1]) {
          if (at >= NOW && at < until) expect(chipIdsAt(personId, at)).toEqual(stored);
        }
      }),
      { numRuns: CASES, seed: 14 },
    );
  });

  it('is due again no later than a rule flips: an account turning 30 days old', () => {
    const personId = insertPerson({ joined: -10 * DAY, lastPost: null, posts: [], events: [], postsCount: 3, later: [] });
    recomputeSignals(t.db, accountId, [personId], new Date(NOW));
    const due = t.db.prepare('SELECT signals_due_at FROM triage WHERE person_id = ?').pluck().get(personId);
    expect(due).toBeGreaterThan(NOW);
    expect(due).toBeLessThanOrEqual(NOW + 20 * DAY);
    expect(chipIdsAt(personId, NOW + 20 * DAY - 1)).toContain('new-account');
    expect(chipIdsAt(personId, NOW + 20 * DAY)).not.toContain('new-account');
  });
});
