// The outbox table: follow, unfollow and message actions, written before anything is sent so a
// crash, a quit or a lost network never loses or doubles one. Every status change is one UPDATE
// guarded by the status it expects, so two workers (or a cancel racing a send) cannot both win.
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { ActionKind, ActionStatus, ActionSummary, OutboxAction } from '../../../shared/domain';
import { perDatabase } from './perDatabase';

interface OutboxRow {
  id: number;
  account_id: number;
  person_id: number;
  kind: ActionKind;
  payload: string | null;
  idempotency_key: string;
  status: ActionStatus;
  attempts: number;
  last_error_code: string | null;
  last_error_message: string | null;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
  next_attempt_at: string | null;
}

/** An outbox row with what a worker needs to send it. */
export interface StoredAction extends OutboxAction {
  idempotencyKey: string;
}

interface DmPayload {
  text: string;
}

function textOf(payload: string | null): string | undefined {
  if (!payload) return undefined;
  const parsed: unknown = JSON.parse(payload);
  const text = typeof parsed === 'object' && parsed !== null ? (parsed as Partial<DmPayload>).text : undefined;
  return typeof text === 'string' ? text : undefined;
}

function toAction(row: OutboxRow): StoredAction {
  const text = row.kind === 'dm' ? textOf(row.payload) : undefined;
  return {
    id: row.id,
    accountId: row.account_id,
    personId: row.person_id,
    kind: row.kind,
    status: row.status,
    ...(row.last_error_code ? { error: { code: row.last_error_code, message: row.last_error_message ?? '' } } : {}),
    attempts: row.attempts,
    ...(text !== undefined ? { text } : {}),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    sentAt: row.sent_at,
    nextAttemptAt: row.next_attempt_at,
    idempotencyKey: row.idempotency_key,
  };
}

/** The public view of an action (no idempotency key). */
export function publicAction(action: StoredAction): OutboxAction {
  const { idempotencyKey: _key, ...rest } = action;
  return rest;
}

export function actionSummary(action: OutboxAction): ActionSummary {
  return { id: action.id, kind: action.kind, status: action.status, ...(action.error ? { error: action.error } : {}) };
}

export interface NewAction {
  accountId: number;
  personId: number;
  kind: ActionKind;
  text?: string;
  at: string;
}

export const outboxRepo = perDatabase((db: Database.Database) => {
  const insert = db.prepare(
    `INSERT INTO outbox (account_id, person_id, kind, payload, idempotency_key, status, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 'queued', ?, ?)`,
  );
  // Opened on the network's own page: never sent by the worker, counted by the budget from now.
  const insertOpened = db.prepare(
    `INSERT INTO outbox (account_id, person_id, kind, payload, idempotency_key, status, created_at, updated_at, sent_at)
     VALUES (?, ?, ?, ?, ?, 'opened', ?, ?, ?)`,
  );
  const byId = db.prepare('SELECT * FROM outbox WHERE id = ?');
  const listAccount = db.prepare("SELECT * FROM outbox WHERE account_id = ? AND kind <> 'note' ORDER BY id DESC LIMIT ?");
  const listPerson = db.prepare(
    "SELECT * FROM outbox WHERE account_id = ? AND person_id = ? AND kind <> 'note' ORDER BY id DESC LIMIT ?",
  );
  const pendingOf = db.prepare(
    `SELECT * FROM outbox WHERE account_id = ? AND person_id = ? AND kind = ? AND status IN ('queued', 'sending', 'opened')
     ORDER BY id DESC LIMIT 1`,
  );
  const due = db.prepare(
    `SELECT * FROM outbox WHERE account_id = ? AND status = 'queued'
       AND (next_attempt_at IS NULL OR next_attempt_at <= ?) ORDER BY id LIMIT 1`,
  );
  const nextWaiting = db.prepare(
    "SELECT min(next_attempt_at) AS at FROM outbox WHERE account_id = ? AND status = 'queued' AND next_attempt_at IS NOT NULL",
  );
  const accountsWithWork = db.prepare("SELECT DISTINCT account_id AS accountId FROM outbox WHERE status IN ('queued', 'sending')");
  const toSending = db.prepare(
    `UPDATE outbox SET status = 'sending', attempts = attempts + 1, sent_at = ?, updated_at = ?,
       last_error_code = NULL, last_error_message = NULL, next_attempt_at = NULL
     WHERE id = ? AND status = 'queued'`,
  );
  const toDone = db.prepare(
    "UPDATE outbox SET status = 'done', updated_at = ?, last_error_code = NULL, last_error_message = NULL WHERE id = ? AND status = 'sending'",
  );
  const toFailed = db.prepare(
    "UPDATE outbox SET status = 'failed', updated_at = ?, last_error_code = ?, last_error_message = ? WHERE id = ? AND status = 'sending'",
  );
  const toWaiting = db.prepare(
    `UPDATE outbox SET status = 'queued', updated_at = ?, last_error_code = ?, last_error_message = ?, next_attempt_at = ?
     WHERE id = ? AND status = 'sending'`,
  );
  const requeue = db.prepare(
    `UPDATE outbox SET status = 'queued', updated_at = ?, next_attempt_at = NULL, last_error_code = NULL, last_error_message = NULL
     WHERE id = ? AND status IN ('failed', 'queued')`,
  );
  const remove = db.prepare("DELETE FROM outbox WHERE id = ? AND status IN ('queued', 'opened')");
  const openedToDone = db.prepare(
    "UPDATE outbox SET status = 'done', updated_at = ?, last_error_code = NULL, last_error_message = NULL WHERE id = ? AND status = 'opened'",
  );
  const interrupted = db.prepare("UPDATE outbox SET status = 'queued', updated_at = ?, next_attempt_at = NULL WHERE status = 'sending'");
  const latestPerPerson = db.prepare(
    `SELECT * FROM outbox WHERE id IN (
       SELECT max(id) FROM outbox WHERE account_id = ? AND kind <> 'note'
         AND person_id IN (SELECT value FROM json_each(?)) GROUP BY person_id)`,
  );

  return {
    /** Queues an action with a fresh idempotency key. */
    enqueue(action: NewAction): StoredAction {
      const payload = action.kind === 'dm' ? JSON.stringify({ text: action.text ?? '' } satisfies DmPayload) : null;
      const info = insert.run(action.accountId, action.personId, action.kind, payload, randomUUID(), action.at, action.at);
      return toAction(byId.get(info.lastInsertRowid) as OutboxRow);
    },

    /** Records an action the person does on the network's own page (status 'opened'). */
    enqueueOpened(action: NewAction): StoredAction {
      const payload = action.kind === 'dm' ? JSON.stringify({ text: action.text ?? '' } satisfies DmPayload) : null;
      const info = insertOpened.run(action.accountId, action.personId, action.kind, payload, randomUUID(), action.at, action.at, action.at);
      return toAction(byId.get(info.lastInsertRowid) as OutboxRow);
    },

    /** opened → done; false when it was not waiting to be marked done. */
    markOpenedDone(actionId: number, at: string): boolean {
      return openedToDone.run(at, actionId).changes === 1;
    },

    get(actionId: number): StoredAction | null {
      const row = byId.get(actionId) as OutboxRow | undefined;
      return row ? toAction(row) : null;
    },

    list(accountId: number, personId?: number, limit = 200): StoredAction[] {
      const rows = (personId === undefined ? listAccount.all(accountId, limit) : listPerson.all(accountId, personId, limit)) as OutboxRow[];
      return rows.map(toAction);
    },

    /** A queued, sending or opened action of this kind for this person, so a move never queues twice. */
    pending(accountId: number, personId: number, kind: ActionKind): StoredAction | null {
      const row = pendingOf.get(accountId, personId, kind) as OutboxRow | undefined;
      return row ? toAction(row) : null;
    },

    /** The oldest queued action whose time has come. */
    nextDue(accountId: number, at: string): StoredAction | null {
      const row = due.get(accountId, at) as OutboxRow | undefined;
      return row ? toAction(row) : null;
    },

    /** The earliest scheduled retry of a waiting action (ISO), or null. */
    nextScheduled(accountId: number): string | null {
      return (nextWaiting.get(accountId) as { at: string | null }).at;
    },

    accountsWithWork(): number[] {
      return (accountsWithWork.all() as { accountId: number }[]).map((r) => r.accountId);
    },

    /** queued → sending; false if someone else took (or cancelled) it first. */
    markSending(actionId: number, at: string): boolean {
      return toSending.run(at, at, actionId).changes === 1;
    },

    markDone(actionId: number, at: string): boolean {
      return toDone.run(at, actionId).changes === 1;
    },

    markFailed(actionId: number, at: string, error: { code: string; message: string }): boolean {
      return toFailed.run(at, error.code, error.message, actionId).changes === 1;
    },

    /** sending → queued with the reason and the time of the next attempt (network away, rate limit). */
    markWaiting(actionId: number, at: string, error: { code: string; message: string }, nextAttemptAt: string): boolean {
      return toWaiting.run(at, error.code, error.message, nextAttemptAt, actionId).changes === 1;
    },

    /** failed (or waiting) → queued now; attempts are kept, so the worker checks before resending. */
    retry(actionId: number, at: string): boolean {
      return requeue.run(at, actionId).changes === 1;
    },

    /** Deletes a still-queued action (nothing was ever sent for it), or an opened one the person did not do. */
    cancel(actionId: number): boolean {
      return remove.run(actionId).changes === 1;
    },

    /**
     * Actions a previous core left 'sending' go back to the queue. Their attempts count is above
     * zero, so the worker checks the relationship before sending anything again.
     */
    requeueInterrupted(at: string): number {
      return interrupted.run(at).changes;
    },

    latestFor(accountId: number, personIds: number[]): Map<number, ActionSummary> {
      const rows = latestPerPerson.all(accountId, JSON.stringify(personIds)) as OutboxRow[];
      return new Map(rows.map((row) => [row.person_id, actionSummary(toAction(row))]));
    },
  };
});

export type OutboxRepo = ReturnType<typeof outboxRepo>;
