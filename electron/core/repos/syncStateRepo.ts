// Sync bookkeeping: one sync_runs row per attempt (what the progress UI and getSyncStatus show)
// and one sync_state row per walk (followers, following) holding the checkpointed cursor and the
// walk's generation. The checkpoint is written by ingestRepo in the same transaction as the page's
// data, so after a kill the cursor never points past rows that are not in the database.
import type Database from 'better-sqlite3';
import type { SyncPhase, SyncProgress } from '../../../shared/domain';
import { perDatabase } from './perDatabase';

export type WalkName = 'followers' | 'following';
export type SyncRunState = 'running' | 'done' | 'failed' | 'cancelled';

export interface WalkCheckpoint {
  accountId: number;
  walk: WalkName;
  /** Stamped on every edge this walk sees; edges left on an older one are removal candidates. */
  generation: number;
  /** Where the next page starts; null before the first page (and after the last). */
  cursor: string | null;
  pagesDone: number;
  itemsDone: number;
  done: boolean;
}

export interface SyncRun {
  id: number;
  accountId: number;
  startedAt: string;
  finishedAt: string | null;
  state: SyncRunState;
  phase: SyncPhase;
  errorCode: string | null;
  errorMessage: string | null;
  requests: number;
  items: number;
  /** The last progress event of a finished run, as the window was told it (null: not kept). */
  lastProgress: SyncProgress | null;
}

interface SyncRunRow {
  id: number;
  account_id: number;
  started_at: string;
  finished_at: string | null;
  state: SyncRunState;
  phase: SyncPhase;
  error_code: string | null;
  error_message: string | null;
  requests: number;
  items: number;
  last_progress: string | null;
}

interface WalkRow {
  account_id: number;
  walk: WalkName;
  generation: number;
  cursor: string | null;
  pages_done: number;
  items_done: number;
  done: number;
}

function toRun(row: SyncRunRow): SyncRun {
  return {
    id: row.id,
    accountId: row.account_id,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    state: row.state,
    phase: row.phase,
    errorCode: row.error_code,
    errorMessage: row.error_message,
    requests: row.requests,
    items: row.items,
    lastProgress: parseLastProgress(row.last_progress),
  };
}

/** Our own JSON, but read defensively: a row that does not hold a progress event is "not kept". */
function parseLastProgress(json: string | null): SyncProgress | null {
  if (json === null) return null;
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === 'object' && value !== null && 'runId' in value && 'state' in value ? (value as SyncProgress) : null;
  } catch {
    return null;
  }
}

function toCheckpoint(row: WalkRow): WalkCheckpoint {
  return {
    accountId: row.account_id,
    walk: row.walk,
    generation: row.generation,
    cursor: row.cursor,
    pagesDone: row.pages_done,
    itemsDone: row.items_done,
    done: row.done === 1,
  };
}

export const syncStateRepo = perDatabase((db: Database.Database) => {
  const insertRun = db.prepare(
    `INSERT INTO sync_runs (account_id, started_at, state, phase) VALUES (?, ?, 'running', ?) RETURNING id`,
  );
  const updateRunProgress = db.prepare(
    'UPDATE sync_runs SET phase = @phase, requests = @requests, items = @items WHERE id = @id',
  );
  const finishRunStatement = db.prepare(
    `UPDATE sync_runs SET state = @state, phase = @phase, finished_at = @finishedAt, error_code = @errorCode,
       error_message = @errorMessage, requests = @requests, items = @items
     WHERE id = @id`,
  );
  const updateLastProgress = db.prepare('UPDATE sync_runs SET last_progress = ? WHERE id = ?');
  const selectRun = db.prepare('SELECT * FROM sync_runs WHERE id = ?');
  const selectLatestRun = db.prepare('SELECT * FROM sync_runs WHERE account_id = ? ORDER BY id DESC LIMIT 1');
  const selectRunning = db.prepare(`SELECT * FROM sync_runs WHERE state = 'running' ORDER BY id`);
  const selectWalk = db.prepare('SELECT * FROM sync_state WHERE account_id = ? AND walk = ?');
  const upsertWalk = db.prepare(
    `INSERT INTO sync_state (account_id, walk, generation, cursor, pages_done, items_done, done, updated_at)
     VALUES (@accountId, @walk, @generation, @cursor, @pagesDone, @itemsDone, @done, @updatedAt)
     ON CONFLICT (account_id, walk) DO UPDATE SET generation = excluded.generation, cursor = excluded.cursor,
       pages_done = excluded.pages_done, items_done = excluded.items_done, done = excluded.done,
       updated_at = excluded.updated_at`,
  );
  const touchAccount = db.prepare('UPDATE accounts SET last_synced_at = ? WHERE id = ?');

  const saveCheckpoint = (checkpoint: WalkCheckpoint, at: string): void => {
    upsertWalk.run({ ...checkpoint, done: checkpoint.done ? 1 : 0, updatedAt: at });
  };

  return {
    startRun(accountId: number, startedAt: string, phase: SyncPhase): SyncRun {
      const { id } = insertRun.get(accountId, startedAt, phase) as { id: number };
      return toRun(selectRun.get(id) as SyncRunRow);
    },

    /** Cheap progress write; the engine calls it inside each page's transaction. */
    recordProgress(runId: number, phase: SyncPhase, requests: number, items: number): void {
      updateRunProgress.run({ id: runId, phase, requests, items });
    },

    finishRun(
      run: { id: number; accountId: number; phase: SyncPhase; requests: number; items: number },
      state: Exclude<SyncRunState, 'running'>,
      finishedAt: string,
      error: { code: string; message: string } | null = null,
    ): void {
      db.transaction(() => {
        finishRunStatement.run({
          id: run.id,
          state,
          phase: run.phase,
          finishedAt,
          errorCode: error?.code ?? null,
          errorMessage: error?.message ?? null,
          requests: run.requests,
          items: run.items,
        });
        if (state === 'done') touchAccount.run(finishedAt, run.accountId);
      })();
    },

    /** Keeps a finished run's last progress event, so its status reads the same after a restart. */
    saveLastProgress(progress: SyncProgress): void {
      updateLastProgress.run(JSON.stringify(progress), progress.runId);
    },

    getRun(runId: number): SyncRun | undefined {
      const row = selectRun.get(runId) as SyncRunRow | undefined;
      return row && toRun(row);
    },

    latestRun(accountId: number): SyncRun | undefined {
      const row = selectLatestRun.get(accountId) as SyncRunRow | undefined;
      return row && toRun(row);
    },

    /** Runs still marked running: at startup these are runs whose process died mid-sync. */
    runningRuns(): SyncRun[] {
      return (selectRunning.all() as SyncRunRow[]).map(toRun);
    },

    getWalk(accountId: number, walk: WalkName): WalkCheckpoint | undefined {
      const row = selectWalk.get(accountId, walk) as WalkRow | undefined;
      return row && toCheckpoint(row);
    },

    /**
     * The walk to run now: the interrupted one, to resume from its cursor, or a fresh walk with
     * the next generation when the last one completed (or none ever ran).
     */
    beginWalk(accountId: number, walk: WalkName, at: string): { checkpoint: WalkCheckpoint; resumed: boolean } {
      const existing = selectWalk.get(accountId, walk) as WalkRow | undefined;
      if (existing && existing.done === 0) return { checkpoint: toCheckpoint(existing), resumed: true };
      const checkpoint: WalkCheckpoint = {
        accountId,
        walk,
        generation: (existing?.generation ?? 0) + 1,
        cursor: null,
        pagesDone: 0,
        itemsDone: 0,
        done: false,
      };
      saveCheckpoint(checkpoint, at);
      return { checkpoint, resumed: false };
    },

    /** Writes a walk's position; ingestRepo calls this inside the page's transaction. */
    saveCheckpoint,
  };
});

export type SyncStateRepo = ReturnType<typeof syncStateRepo>;
