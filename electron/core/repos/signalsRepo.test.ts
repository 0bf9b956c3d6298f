import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STORED_SCORES_SQL, STORED_SIGNALS_SQL, storedSignalsOf, writeSignals } from './signalsRepo';
import { addTestAccount, addTestFollowers, createTestDatabase, type TestDatabase } from './testFixtures';

let t: TestDatabase;
let accountId: number;
let otherAccountId: number;
let ids: number[];

beforeEach(() => {
  t = createTestDatabase();
  accountId = addTestAccount(t.db);
  ids = addTestFollowers(t.db, accountId, 300).map((f) => f.personId);
  otherAccountId = addTestAccount(t.db, 'other');
  addTestFollowers(t.db, otherAccountId, 20, { prefix: 'o' });
  t.db.transaction(() => {
    for (const [i, id] of ids.entries()) {
      writeSignals(t.db, accountId, id, { score: i % 7, signals: i % 2 ? ['active', 'established'] : ['no-posts'] }, null);
    }
  })();
});
afterEach(() => t.cleanup());

function planOf(sql: string): string {
  const rows = t.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ accountId, ids: JSON.stringify(ids.slice(0, 40)) }) as { detail: string }[];
  return rows.map((row) => row.detail).join('\n');
}

describe('stored signals of a page of cards', () => {
  it('reads each card by its own (account, person) key, not by walking the account’s rows', () => {
    // A fresh database has no statistics (a first sync leaves none): there `person_id IN (…)` made
    // the planner walk a covering index of the whole account, 20–155 ms per page on a 100k board.
    for (const statistics of ['none', 'analyzed']) {
      if (statistics === 'analyzed') t.db.exec('ANALYZE');
      expect(planOf(STORED_SCORES_SQL), statistics).toMatch(/SEARCH t USING (COVERING )?INDEX \w+ \(account_id=\? AND person_id=\?\)/);
      expect(planOf(STORED_SIGNALS_SQL), statistics).toMatch(/SEARCH s USING (COVERING )?INDEX triage_signals_person \(account_id=\? AND person_id=\?\)/);
    }
  });

  it('gives each asked person their score and signals once, from this account only', () => {
    const [first, second] = ids as [number, number];
    const foreign = (t.db.prepare('SELECT person_id FROM triage WHERE account_id = ? LIMIT 1').pluck().get(otherAccountId) as number);
    const stored = storedSignalsOf(t.db, accountId, [first, second, first, foreign]);
    expect([...stored.keys()].sort((a, b) => a - b)).toEqual([first, second].sort((a, b) => a - b));
    expect(stored.get(first)).toEqual({ score: 0, signals: ['no-posts'] });
    expect(stored.get(second)?.signals.slice().sort()).toEqual(['active', 'established']);
  });
});
