import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RapportError } from '../../../shared/api/errors';
import { addTestAccount, addTestFollowers, createTestDatabase, type TestDatabase } from '../repos/testFixtures';
import { BUDGET_WINDOW_MS, readActionBudget, requireBudget, writeActionBudget } from './actionBudget';

const NOW = Date.parse('2026-05-01T12:00:00.000Z');
const iso = (ms: number): string => new Date(ms).toISOString();

let t: TestDatabase;
let accountId: number;
let personId: number;
let key = 0;

beforeEach(() => {
  t = createTestDatabase();
  accountId = addTestAccount(t.db);
  personId = addTestFollowers(t.db, accountId, 1)[0]!.personId;
});
afterEach(() => t.cleanup());

function action(status: string, createdAt: number, sentAt: number | null): void {
  t.db
    .prepare(
      `INSERT INTO outbox (account_id, person_id, kind, idempotency_key, status, created_at, updated_at, sent_at)
       VALUES (?, ?, 'follow', ?, ?, ?, ?, ?)`,
    )
    .run(accountId, personId, `k${key++}`, status, iso(createdAt), iso(createdAt), sentAt === null ? null : iso(sentAt));
}

describe('daily action budget', () => {
  it('counts a rolling 24 hours of sent and queued actions, not failures that never left', () => {
    action('done', NOW - BUDGET_WINDOW_MS - 60_000, NOW - BUDGET_WINDOW_MS - 60_000); // a day and a minute ago
    action('done', NOW - 3_600_000, NOW - 3_600_000);
    action('failed', NOW - 1_800_000, NOW - 1_800_000); // the network saw it
    action('failed', NOW - 600_000, null); // never sent
    action('queued', NOW - 60_000, null);
    const budget = readActionBudget(t.db, accountId, 'bluesky', NOW);
    expect(budget).toEqual({ network: 'bluesky', limit: 100, maxLimit: 100, used: 3, resetsAt: iso(NOW - 3_600_000 + BUDGET_WINDOW_MS) });
  });

  it('refuses past the limit with a sentence saying when a slot frees up', () => {
    writeActionBudget(t.db, accountId, 'bluesky', 2);
    action('done', NOW - 3 * 3_600_000, NOW - 3 * 3_600_000);
    expect(() => requireBudget(t.db, accountId, 'bluesky', NOW)).not.toThrow();
    action('done', NOW - 60_000, NOW - 60_000);
    let thrown: unknown;
    try {
      requireBudget(t.db, accountId, 'bluesky', NOW);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(RapportError);
    expect((thrown as RapportError).code).toBe('BUDGET_EXCEEDED');
    expect((thrown as RapportError).message).toMatch(/2 follow, unfollow and message actions.*frees up in about 21 hours/);
    expect(() => requireBudget(t.db, accountId, 'bluesky', NOW + 21 * 3_600_000 + 1)).not.toThrow();
  });

  it('may be lowered and restored, never raised above the network default', () => {
    writeActionBudget(t.db, accountId, 'bluesky', 10);
    expect(readActionBudget(t.db, accountId, 'bluesky', NOW).limit).toBe(10);
    expect(() => writeActionBudget(t.db, accountId, 'bluesky', 101)).toThrow(/at most 100/);
    writeActionBudget(t.db, accountId, 'bluesky', 100);
    expect(readActionBudget(t.db, accountId, 'bluesky', NOW).limit).toBe(100);
    // Sample data acts only in simulation, under a budget of its own.
    expect(readActionBudget(t.db, accountId, 'sample', NOW)).toMatchObject({ limit: 50, maxLimit: 50 });
  });
});
