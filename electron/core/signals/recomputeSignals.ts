// Computes every follower's signals and score (shared/signals) from what SQLite holds and stores
// them, so filters, score sorts and chips agree. Runs after a sync and when a profile refreshes.
// Signals depend on the clock too ("no posts in 3 months", "new account · 12 days"), so a finished
// sync recomputes everyone whose signals are due: never computed, an input changed (triggers of
// migration 0008 mark them), or time reached the next instant that can change them
// (signalsStableUntil). A sync that changed nothing reads one index range, not 100,000 profiles.
//
// Work goes in batches of RECOMPUTE_BATCH people, one transaction each: a 100,000-follower account
// never holds the write lock for the whole run (and the gradual variant yields between batches).
import type Database from 'better-sqlite3';
import { computeSignals, scoreSignals, type SignalId } from '../../../shared/signals';
import { setSignalsDue, signalsDueIds, storedSignalsOf, writeSignals, type StoredSignals } from '../repos/signalsRepo';
import { RECENT_ACTIVITY_WEEKS, signalInputsOf, type PersonSignalInput } from './signalInputRows';
import { signalDurationsDays, signalsStableUntil } from './signalsStableUntil';

export const RECOMPUTE_BATCH = 1_000;

const DURATIONS_DAYS = signalDurationsDays(RECENT_ACTIVITY_WEEKS);

export interface RecomputeOutcome {
  /** people whose signals were computed */
  computed: number;
  /** people whose stored score or signals changed */
  changed: number;
}

function sameSignals(a: StoredSignals | undefined, b: StoredSignals): boolean {
  if (!a || a.score !== b.score || a.signals.length !== b.signals.length) return false;
  const ids = new Set<SignalId>(a.signals);
  return b.signals.every((id) => ids.has(id));
}

function storeBatch(db: Database.Database, accountId: number, batch: PersonSignalInput[], now: Date): number {
  if (batch.length === 0) return 0;
  const before = storedSignalsOf(
    db,
    accountId,
    batch.map((b) => b.personId),
  );
  const results = batch.map(({ personId, input, dates }) => {
    const signals = computeSignals(input, now);
    const value: StoredSignals = { score: scoreSignals(signals), signals: signals.map((s) => s.id) };
    return { personId, value, dueAt: signalsStableUntil(dates, now, DURATIONS_DAYS), changed: !sameSignals(before.get(personId), value) };
  });
  db.transaction(() => {
    for (const { personId, value, dueAt, changed } of results) {
      if (changed) writeSignals(db, accountId, personId, value, dueAt);
      else setSignalsDue(db, accountId, personId, dueAt);
    }
  })();
  return results.filter((r) => r.changed).length;
}

/** One batch per step, so a caller can run them all at once or yield between them. */
function* recomputeSteps(
  db: Database.Database,
  accountId: number,
  personIds: readonly number[] | null,
  now: Date,
  outcome: RecomputeOutcome,
): Generator<void, void, void> {
  const ids = personIds ?? signalsDueIds(db, accountId, now).sort((a, b) => a - b);
  for (let start = 0; start < ids.length; start += RECOMPUTE_BATCH) {
    const batch = signalInputsOf(db, accountId, ids.slice(start, start + RECOMPUTE_BATCH), now);
    outcome.computed += batch.length;
    outcome.changed += storeBatch(db, accountId, batch, now);
    yield;
  }
}

/**
 * Recomputes and stores the signals of `personIds` (those among them who follow or followed the
 * account), or of every follower of the account whose signals are due when null, before returning.
 */
export function recomputeSignals(
  db: Database.Database,
  accountId: number,
  personIds: readonly number[] | null,
  now: Date,
): RecomputeOutcome {
  const outcome: RecomputeOutcome = { computed: 0, changed: 0 };
  const steps = recomputeSteps(db, accountId, personIds, now, outcome);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return outcome;
}

/**
 * The same, handing the event loop back between batches: on 100,000 followers the whole run takes
 * seconds, and core must keep answering the board meanwhile. Stops early (with what it did) when
 * the database closes.
 */
export async function recomputeSignalsGradually(
  db: Database.Database,
  accountId: number,
  personIds: readonly number[] | null,
  now: Date,
): Promise<RecomputeOutcome> {
  const outcome: RecomputeOutcome = { computed: 0, changed: 0 };
  const steps = recomputeSteps(db, accountId, personIds, now, outcome);
  while (db.open && !steps.next().done) {
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return outcome;
}
