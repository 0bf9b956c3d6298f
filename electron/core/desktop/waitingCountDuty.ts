// Emits waiting.changed whenever the number of people in New (across accounts, snoozed excluded)
// changes: after syncs, moves, snoozes, account changes. A sync sends people.changed per page, so
// events within `coalesceMs` are counted once, and nothing is emitted when the total and the
// per-account figures stayed the same.
import type Database from 'better-sqlite3';
import type { WaitingCount } from '../../../shared/api/desktopEvents';
import type { EventMap, EventName } from '../../../shared/api/events';
import { countWaiting } from './waitingCount';

export const WAITING_COALESCE_MS = 500;

export interface WaitingCountDutyOptions {
  db: Database.Database;
  emit(payload: WaitingCount): void;
  coalesceMs?: number;
}

export interface WaitingCountDuty {
  onEvent<E extends EventName>(event: E, payload: EventMap[E]): void;
  /** The current count, remembered as the last one told (a caller asking at start). */
  current(): WaitingCount;
  close(): void;
}

const TRIGGERS = new Set<EventName>(['people.changed', 'accounts.changed', 'sync.progress']);

export function createWaitingCountDuty(options: WaitingCountDutyOptions): WaitingCountDuty {
  let last: string | null = null;
  let timer: NodeJS.Timeout | null = null;

  const recount = (): void => {
    timer = null;
    if (!options.db.open) return;
    const count = countWaiting(options.db);
    const key = JSON.stringify(count);
    if (key === last) return;
    last = key;
    options.emit(count);
  };

  return {
    onEvent(event, payload) {
      if (!TRIGGERS.has(event) || timer !== null || !options.db.open) return;
      // Progress ticks of a running sync say nothing about stages; its pages come as people.changed.
      if (event === 'sync.progress' && (payload as EventMap['sync.progress']).state === 'running') return;
      timer = setTimeout(recount, options.coalesceMs ?? WAITING_COALESCE_MS);
      timer.unref?.();
    },
    current() {
      const count = countWaiting(options.db);
      last = JSON.stringify(count);
      return count;
    },
    close() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}
