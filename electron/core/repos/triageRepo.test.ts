import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { triageRepo } from './triageRepo';
import { addTestAccount, addTestFollowers, createTestDatabase, type FixturePerson, type TestDatabase } from './testFixtures';

let t: TestDatabase;
let accountId: number;
let people: FixturePerson[];

beforeEach(() => {
  t = createTestDatabase();
  accountId = addTestAccount(t.db);
  people = addTestFollowers(t.db, accountId, 5);
});
afterEach(() => t.cleanup());

const events = () =>
  t.db.prepare("SELECT person_id, kind, at, data FROM events WHERE kind = 'stage_changed' ORDER BY id").all() as {
    person_id: number;
    kind: string;
    at: string;
    data: string;
  }[];

describe('triageRepo.move', () => {
  it('moves a card, records the event, and both survive a reopen', () => {
    const ada = people[1]!;
    const outcome = triageRepo(t.db).move(accountId, ada.personId, 'evaluated', '2026-03-02T09:00:00.000Z');
    expect(outcome).toEqual({ from: 'new', to: 'evaluated', changed: true });

    const db = t.reopen();
    expect(triageRepo(db).stageOf(accountId, ada.personId)).toBe('evaluated');
    expect(db.prepare('SELECT changed_at FROM triage WHERE person_id = ?').get(ada.personId)).toEqual({
      changed_at: '2026-03-02T09:00:00.000Z',
    });
    const [event] = events();
    expect(event).toMatchObject({ person_id: ada.personId, kind: 'stage_changed', at: '2026-03-02T09:00:00.000Z' });
    expect(JSON.parse(event!.data)).toEqual({ from: 'new', to: 'evaluated' });
  });

  it('treats a move to the current stage as a no-op without an event', () => {
    const outcome = triageRepo(t.db).move(accountId, people[0]!.personId, 'new', '2026-03-02T09:00:00.000Z');
    expect(outcome).toEqual({ from: 'new', to: 'new', changed: false });
    expect(events()).toEqual([]);
  });

  it('returns null for a person without a card on this account', () => {
    const other = addTestAccount(t.db, 'other');
    expect(triageRepo(t.db).move(other, people[0]!.personId, 'declined', '2026-03-02T09:00:00.000Z')).toBeNull();
    expect(triageRepo(t.db).move(accountId, 424242, 'declined', '2026-03-02T09:00:00.000Z')).toBeNull();
    expect(events()).toEqual([]);
  });
});
