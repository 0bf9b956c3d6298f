// Settling a walk reads only what the walk queued: the plan starts from the queue and fetches each
// row by id, never walking all of the account's interactions (which grows with every sync).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ENGAGEMENT_WEIGHTS } from '../../../shared/interactions';
import { COUNT_QUEUED_SQL, ENGAGE_QUEUED_SQL } from './interactionsSettleSql';
import { createTestDatabase, type TestDatabase } from './testFixtures';

let t: TestDatabase;
beforeEach(() => (t = createTestDatabase()));
afterEach(() => t.cleanup());

const planOf = (sql: string): string[] =>
  (t.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ accountId: 1, weights: JSON.stringify(ENGAGEMENT_WEIGHTS) }) as { detail: string }[]).map((r) => r.detail);

describe('settling queued interactions', () => {
  it.each([
    ['counts', COUNT_QUEUED_SQL],
    ['engagement', ENGAGE_QUEUED_SQL],
  ])('%s: reads the queue first and each queued row by id', (_, sql) => {
    const plan = planOf(sql);
    expect(plan[0]).toMatch(/^SEARCH q USING PRIMARY KEY \(account_id=\?\)/);
    expect(plan[1]).toBe('SEARCH i USING INTEGER PRIMARY KEY (rowid=?)');
  });
});
