// Stored signals: triage.score and one triage_signals row per (person, signal id), written by
// recomputeSignals (electron/core/signals) and read by filters (peopleFilterSql), score sorts and
// cards. Chips carry numbers in their labels ("Follows 35× their followers"), which are not
// stored: signalsForPeople rebuilds them from the same inputs, keeping only the ids stored, so a
// card shows exactly the signals a filter matches it by.
import type Database from 'better-sqlite3';
import { computeSignals, type Signal, type SignalId } from '../../../shared/signals';
import { signalInputsOf } from '../signals/signalInputRows';
import { perDatabase } from './perDatabase';

export interface StoredSignals {
  score: number;
  signals: SignalId[];
}

// A card page asks for 40 ids out of 100,000 rows: with `person_id IN (…)` the planner walked
// the account's whole covering index (20–50 ms warm, 155 ms cold on a 100k board). The ids drive
// the loop instead (CROSS JOIN keeps json_each outside), each a seek on (account_id, person_id): 0.1 ms.
export const STORED_SCORES_SQL = `SELECT t.person_id, t.score FROM json_each(@ids) j
  CROSS JOIN triage t ON t.account_id = @accountId AND t.person_id = j.value
  WHERE t.score IS NOT NULL`;
export const STORED_SIGNALS_SQL = `SELECT s.person_id, s.signal FROM json_each(@ids) j
  CROSS JOIN triage_signals s INDEXED BY triage_signals_person ON s.account_id = @accountId AND s.person_id = j.value`;

const signalStatements = perDatabase((db: Database.Database) => ({
  scoresOf: db.prepare(STORED_SCORES_SQL),
  signalsOf: db.prepare(STORED_SIGNALS_SQL),
  setScore: db.prepare(
    'UPDATE triage SET score = @score, signals_due_at = @dueAt WHERE account_id = @accountId AND person_id = @personId',
  ),
  clearSignals: db.prepare('DELETE FROM triage_signals WHERE account_id = @accountId AND person_id = @personId'),
  insertSignal: db.prepare('INSERT INTO triage_signals (account_id, person_id, signal) VALUES (@accountId, @personId, @signal)'),
  // NULL (nothing ahead) never compares as due.
  dueIds: db.prepare('SELECT person_id FROM triage WHERE account_id = @accountId AND signals_due_at <= @nowMs').pluck(),
  setDue: db.prepare('UPDATE triage SET signals_due_at = @dueAt WHERE account_id = @accountId AND person_id = @personId'),
}));

/** People whose stored signals are due (never computed, an input changed, or time moved them). */
export function signalsDueIds(db: Database.Database, accountId: number, now: Date): number[] {
  return signalStatements(db).dueIds.all({ accountId, nowMs: now.getTime() }) as number[];
}

/** When this person's signals are next due (ms, null for never). Call inside the caller's transaction. */
export function setSignalsDue(db: Database.Database, accountId: number, personId: number, dueAt: number | null): void {
  signalStatements(db).setDue.run({ accountId, personId, dueAt });
}

/** What is stored for these people; people never computed (score NULL) are absent. */
export function storedSignalsOf(db: Database.Database, accountId: number, personIds: readonly number[]): Map<number, StoredSignals> {
  const stored = new Map<number, StoredSignals>();
  if (personIds.length === 0) return stored;
  const s = signalStatements(db);
  // Each id once: the join would return a repeated id's signals twice.
  const ids = JSON.stringify([...new Set(personIds)]);
  for (const row of s.scoresOf.all({ accountId, ids }) as { person_id: number; score: number }[]) {
    stored.set(row.person_id, { score: row.score, signals: [] });
  }
  for (const row of s.signalsOf.all({ accountId, ids }) as { person_id: number; signal: SignalId }[]) {
    stored.get(row.person_id)?.signals.push(row.signal);
  }
  return stored;
}

/**
 * Replaces one person's stored score and signal ids, and when they are next due (one UPDATE of
 * triage for both). Call inside the caller's transaction.
 */
export function writeSignals(db: Database.Database, accountId: number, personId: number, value: StoredSignals, dueAt: number | null): void {
  const s = signalStatements(db);
  s.setScore.run({ accountId, personId, score: value.score, dueAt });
  s.clearSignals.run({ accountId, personId });
  for (const signal of new Set(value.signals)) s.insertSignal.run({ accountId, personId, signal });
}

/**
 * Chip objects for a page of cards, strongest caution first. People whose signals were never
 * computed are absent from the map (their card shows none yet); computed people with no signal
 * map to [].
 */
export function signalsForPeople(
  db: Database.Database,
  accountId: number,
  personIds: readonly number[],
  now: Date = new Date(),
): Map<number, Signal[]> {
  const out = new Map<number, Signal[]>();
  const stored = storedSignalsOf(db, accountId, personIds);
  if (stored.size === 0) return out;
  for (const { personId, input } of signalInputsOf(db, accountId, [...stored.keys()], now)) {
    const ids = new Set(stored.get(personId)?.signals ?? []);
    out.set(
      personId,
      computeSignals(input, now).filter((signal) => ids.has(signal.id)),
    );
  }
  return out;
}
