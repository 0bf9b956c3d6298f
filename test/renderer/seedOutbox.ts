// Test-only: outbox rows in a test core's database, in states core's worker leaves alone — failed,
// done, or queued with its next attempt far away — so a renderer test can show them without a
// network answering. Written as the worker leaves them (same columns, a fresh idempotency key).
import { randomUUID } from 'node:crypto';
import type { ActionKind, ActionStatus } from '../../shared/domain';
import type { CoreApi } from './coreApi';
import { withCoreDatabase } from './coreDatabase';

/** Queued actions wait for this moment, so the worker never picks them up during a test. */
export const FAR_AWAY = '2100-01-01T00:00:00.000Z';

export interface SeedAction {
  accountId?: number;
  personId: number;
  kind: ActionKind;
  /** 'queued' waits for FAR_AWAY; 'sending' is not offered (core would re-check it at start). */
  status: Exclude<ActionStatus, 'sending'>;
  text?: string;
  error?: { code: string; message: string };
  attempts?: number;
  /** When it was queued (and sent, for done or failed); defaults to an hour ago. */
  at?: string;
}

/** The timeline event the worker writes when the network took an action. */
const DONE_EVENT = { follow: 'i_followed', unfollow: 'i_unfollowed', dm: 'dm_sent' } as const;

/** Inserts one action (and, when done, the event the worker writes with it) and returns its id. */
export function seedAction(api: CoreApi, action: SeedAction): number {
  const at = action.at ?? new Date(Date.now() - 3_600_000).toISOString();
  const sent = action.status === 'done' || action.status === 'failed';
  const accountId = action.accountId ?? 1;
  return withCoreDatabase(api, (db) => {
    const id = Number(
      db
        .prepare(
          `INSERT INTO outbox (account_id, person_id, kind, payload, idempotency_key, status, attempts, last_error_code,
                               last_error_message, created_at, updated_at, sent_at, next_attempt_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          accountId,
          action.personId,
          action.kind,
          action.kind === 'dm' ? JSON.stringify({ text: action.text ?? '' }) : null,
          randomUUID(),
          action.status,
          action.attempts ?? (sent ? 1 : 0),
          action.error?.code ?? null,
          action.error?.message ?? null,
          at,
          at,
          sent ? at : null,
          action.status === 'queued' ? FAR_AWAY : null,
        ).lastInsertRowid,
    );
    if (action.status === 'done' && action.kind !== 'note') {
      db.prepare("INSERT INTO events (account_id, person_id, kind, at, data) VALUES (?, ?, ?, ?, json_object('actionId', ?))").run(
        accountId,
        action.personId,
        DONE_EVENT[action.kind],
        at,
        id,
      );
    }
    return id;
  });
}

/** `count` follows sent within the last day, so today's budget shows them as used. */
export function spendBudget(api: CoreApi, count: number, options: { accountId?: number; personId: number }): void {
  for (let i = 0; i < count; i++) seedAction(api, { accountId: options.accountId, personId: options.personId, kind: 'follow', status: 'done' });
}

/**
 * What the worker writes when the network took a queued follow: the action done, the follow in
 * the relationship, the event in the timeline. For tests whose core has no network to send to;
 * the test then announces it (api.emit('outbox.changed', …)) as the worker would.
 */
export function completeFollow(api: CoreApi, actionId: number): void {
  const at = new Date().toISOString();
  withCoreDatabase(api, (db) =>
    db.transaction(() => {
      const row = db.prepare("SELECT account_id AS accountId, person_id AS personId FROM outbox WHERE id = ? AND kind = 'follow'").get(actionId) as
        | { accountId: number; personId: number }
        | undefined;
      if (!row) throw new Error(`no follow action ${actionId}`);
      db.prepare("UPDATE outbox SET status = 'done', attempts = attempts + 1, sent_at = ?, updated_at = ?, next_attempt_at = NULL WHERE id = ?").run(at, at, actionId);
      db.prepare('UPDATE relationships SET i_follow = 1, i_followed_at = ? WHERE account_id = ? AND person_id = ?').run(at, row.accountId, row.personId);
      db.prepare("INSERT INTO events (account_id, person_id, kind, at, data) VALUES (?, ?, 'i_followed', ?, json_object('actionId', ?))").run(row.accountId, row.personId, at, actionId);
    })(),
  );
}
