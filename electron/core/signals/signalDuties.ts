// When signals are recomputed, in terms of core's own events, so createCore wires it with one
// call in the place every engine event passes through (emitAndReact):
// - a finished sync ('sync.progress' done): everyone, since time alone moves some signals. On a
//   large account that takes seconds, so it runs in batches that yield to the event loop, and a
//   people.changed follows when it stored anything new (the board reloads its chips);
// - people.changed for a few named people (recent posts fetched when a drawer opened, a profile
//   refreshed): just them, at once, before the event goes on, so the reloaded card has its chips.
import type Database from 'better-sqlite3';
import type { EventMap, EventName } from '../../../shared/api/events';
import { recomputeSignals, recomputeSignalsGradually } from './recomputeSignals';
import { logError } from '../errorLog';

/** Larger named sets (a whole sync batch) wait for the sync's final recompute instead. */
export const NAMED_RECOMPUTE_MAX = 1_000;

export interface SignalDutiesOptions {
  db: Database.Database;
  now(): number;
  /** Emits people.changed after a background recompute changed stored signals. */
  emitChanged(payload: EventMap['people.changed']): void;
}

export interface SignalDuties {
  /** Call for each engine event before forwarding it. */
  onEvent<E extends EventName>(event: E, payload: EventMap[E]): void;
  /** Resolves when no background recompute is running (close, tests). */
  idle(): Promise<void>;
}

export function createSignalDuties(options: SignalDutiesOptions): SignalDuties {
  const { db } = options;
  const running = new Map<number, Promise<void>>();
  const again = new Set<number>();

  const recomputeAccount = (accountId: number): void => {
    if (running.has(accountId)) {
      again.add(accountId);
      return;
    }
    const job = (async () => {
      do {
        again.delete(accountId);
        const outcome = await recomputeSignalsGradually(db, accountId, null, new Date(options.now()));
        if (outcome.changed > 0 && db.open) options.emitChanged({ accountId, personIds: null });
      } while (again.has(accountId) && db.open);
    })()
      .catch((error: unknown) => {
        // Signals only inform; a failed recompute must not take anything else down with it.
        if (db.open) logError(`[rapport core] signals of account ${accountId} were not recomputed`, error);
      })
      .finally(() => running.delete(accountId));
    running.set(accountId, job);
  };

  return {
    onEvent(event, payload) {
      if (!db.open) return;
      if (event === 'sync.progress') {
        const progress = payload as EventMap['sync.progress'];
        if (progress.state === 'done') recomputeAccount(progress.accountId);
        return;
      }
      if (event === 'people.changed') {
        const changed = payload as EventMap['people.changed'];
        const ids = changed.personIds;
        if (ids !== null && ids.length > 0 && ids.length <= NAMED_RECOMPUTE_MAX) {
          recomputeSignals(db, changed.accountId, ids, new Date(options.now()));
        }
      }
    },

    async idle() {
      while (running.size > 0) await Promise.all([...running.values()]);
    },
  };
}
