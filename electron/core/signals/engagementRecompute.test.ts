// After an interactions walk, only the people whose engagement changed are recomputed, and their
// cards then carry "Engages with you" with the counts in its text and in the score.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RemoteInteraction } from '../networks/provider';
import { interactionsRepo } from '../repos/interactionsRepo';
import { signalsDueIds, signalsForPeople, storedSignalsOf } from '../repos/signalsRepo';
import { addTestAccount, addTestFollowers, createTestDatabase, type FixturePerson, type TestDatabase } from '../repos/testFixtures';
import { recomputeSignals } from './recomputeSignals';

const NOW = new Date('2026-03-10T00:00:00.000Z');
let t: TestDatabase;
let accountId: number;
let people: FixturePerson[];
beforeEach(() => {
  t = createTestDatabase();
  accountId = addTestAccount(t.db);
  people = addTestFollowers(t.db, accountId, 20);
  recomputeSignals(t.db, accountId, null, NOW);
});
afterEach(() => t.cleanup());

let keys = 0;
const item = (who: number, kind: RemoteInteraction['kind'], direction: RemoteInteraction['direction'] = 'theirs'): RemoteInteraction => ({
  key: `k${keys++}`,
  personRemoteId: `p${who}`,
  kind,
  direction,
  at: '2026-03-05T10:00:00.000Z',
  link: null,
  excerpt: null,
});

/** What the interactions walk does with a page, then at its end. */
function walkStores(items: RemoteInteraction[]): void {
  const repo = interactionsRepo(t.db);
  t.db.transaction(() => repo.store(accountId, items))();
  repo.settleQueuedInteractions(accountId, 'sample');
}

describe('engagement in signals', () => {
  it('recomputes only the people whose engagement changed, and explains the points', () => {
    expect(signalsDueIds(t.db, accountId, NOW)).toEqual([]);
    const before = storedSignalsOf(t.db, accountId, [people[3]!.personId]).get(people[3]!.personId)!;

    walkStores([item(3, 'reply'), item(3, 'reply'), item(3, 'like'), item(5, 'reply', 'mine'), item(5, 'follow')]);
    // Person 5 got only my reply and their follow: no engagement toward me, nothing to recompute.
    expect(signalsDueIds(t.db, accountId, NOW)).toEqual([people[3]!.personId]);
    expect(recomputeSignals(t.db, accountId, null, NOW)).toEqual({ computed: 1, changed: 1 });

    const chips = signalsForPeople(t.db, accountId, [people[3]!.personId], NOW).get(people[3]!.personId);
    expect(chips?.find((s) => s.id === 'engages')?.label).toBe('Replied 2× · liked 1');
    expect(storedSignalsOf(t.db, accountId, [people[3]!.personId]).get(people[3]!.personId)).toEqual({
      score: before.score + 25,
      signals: expect.arrayContaining(['engages', ...before.signals]),
    });

    // A walk that brings nothing new marks nobody.
    walkStores([]);
    expect(signalsDueIds(t.db, accountId, NOW)).toEqual([]);
  });
});
