// After a sync, one followers.arrived event per account and sync with how many new followers it
// found and how many of them look promising, for the desktop notification ("12 new followers on
// <network> — 3 look promising"). Listens to sync completion instead of living in the sync job: the
// job records followed_me events as it ingests; this reads them back for the run's time span.
//
// It waits for the signals recompute the same completion started, so "promising" is counted from
// the scores the board will show. A first import records no followed_me events (see ingestRepo),
// so adding an account never announces its whole audience as new.
import type Database from 'better-sqlite3';
import type { FollowersArrived } from '../../../shared/api/desktopEvents';
import type { EventMap, EventName } from '../../../shared/api/events';
import { NETWORK_LABELS } from '../../../shared/networkLabels';
import { PROMISING_SCORE_ABOVE } from '../../../shared/signals/promising';
import { accountsRepo } from '../repos/accountsRepo';
import { perDatabase } from '../repos/perDatabase';

export interface NewFollowersDutyOptions {
  db: Database.Database;
  emit(payload: FollowersArrived): void;
  /** Resolves once stored signals and scores are up to date (signalDuties.idle). */
  signalsSettled(): Promise<void>;
}

export interface NewFollowersDuty {
  onEvent<E extends EventName>(event: E, payload: EventMap[E]): void;
  /** Resolves when no count is pending (close, tests). */
  idle(): Promise<void>;
}

const statements = perDatabase((db: Database.Database) => ({
  // events_by_account (account_id, at) serves the range; one sync at a time per account, so
  // followed_me events since the run started are this run's.
  arrivedSince: db.prepare(
    `SELECT count(DISTINCT e.person_id) AS count,
            count(DISTINCT CASE WHEN t.score > @promisingAbove THEN e.person_id END) AS promising
     FROM events e
     LEFT JOIN triage t ON t.account_id = e.account_id AND t.person_id = e.person_id
     WHERE e.account_id = @accountId AND e.kind = 'followed_me' AND e.at >= @since`,
  ),
}));

/** What a finished run found, or null when it found nobody new. */
export function followersArrivedInRun(db: Database.Database, progress: EventMap['sync.progress']): FollowersArrived | null {
  const account = accountsRepo(db).get(progress.accountId);
  if (!account) return null;
  const row = statements(db).arrivedSince.get({
    accountId: progress.accountId,
    since: progress.startedAt,
    promisingAbove: PROMISING_SCORE_ABOVE,
  }) as { count: number; promising: number };
  if (row.count === 0) return null;
  return {
    accountId: account.id,
    runId: progress.runId,
    network: account.network,
    networkLabel: NETWORK_LABELS[account.network],
    count: row.count,
    promising: row.promising,
  };
}

export function createNewFollowersDuty(options: NewFollowersDutyOptions): NewFollowersDuty {
  const pending = new Set<Promise<void>>();
  const announced = new Set<number>();

  const announce = async (progress: EventMap['sync.progress']): Promise<void> => {
    await options.signalsSettled();
    if (!options.db.open || announced.has(progress.runId)) return;
    const arrived = followersArrivedInRun(options.db, progress);
    announced.add(progress.runId);
    if (arrived) options.emit(arrived);
  };

  return {
    onEvent(event, payload) {
      if (event !== 'sync.progress' || !options.db.open) return;
      const progress = payload as EventMap['sync.progress'];
      // A failed sync may still have stored new followers; the next run starts later and would
      // never count them. A cancelled one resumes under the same run and is counted when it ends.
      if (progress.state !== 'done' && progress.state !== 'failed') return;
      const job = announce(progress)
        .catch((error: unknown) => {
          if (options.db.open) console.error('[rapport core] new followers were not counted:', error);
        })
        .finally(() => pending.delete(job));
      pending.add(job);
    },
    async idle() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
  };
}
