// The daily action budget of an account: how many follow/unfollow/message actions it may queue in
// a rolling 24 hours. Rolling rather than the local calendar day, because the networks' own write
// limits are windows too, and a calendar day would allow twice the budget across midnight.
//
// Counted: actions sent (done, sending, or failed after being sent: the network saw them) by
// their sent_at, and actions still queued by their created_at, since they will be spent soon — so
// queueing 500 follows while offline is refused up front, not discovered when the network is back.
// Cancelled actions are deleted and free their slot.
import type Database from 'better-sqlite3';
import type { ActionBudget, Network } from '../../../shared/domain';
import { RapportError } from '../../../shared/api/errors';
import { perDatabase } from '../repos/perDatabase';
import { networkPolicy } from '../networks/networkRegistry';

export const BUDGET_WINDOW_MS = 24 * 60 * 60 * 1000;

const settingKey = (accountId: number): string => `actionBudget:${accountId}`;

const budgetStatements = perDatabase((db: Database.Database) => ({
  counted: db.prepare(
    `SELECT count(*) AS used, min(coalesce(sent_at, created_at)) AS oldest FROM outbox
     WHERE account_id = ? AND kind IN ('follow', 'unfollow', 'dm')
       AND (status IN ('queued', 'sending', 'done') OR sent_at IS NOT NULL)
       AND coalesce(sent_at, created_at) > ?`,
  ),
  getSetting: db.prepare('SELECT value FROM settings WHERE key = ?'),
  setSetting: db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value'),
  deleteSetting: db.prepare('DELETE FROM settings WHERE key = ?'),
}));

export function defaultDailyActions(network: Network): number {
  return networkPolicy(network).dailyActions;
}

/** The account's limit: the user's setting if any (never above the default), else the default. */
function limitOf(db: Database.Database, accountId: number, network: Network): number {
  const max = defaultDailyActions(network);
  const row = budgetStatements(db).getSetting.get(settingKey(accountId)) as { value: string } | undefined;
  const stored = row ? Number(row.value) : Number.NaN;
  return Number.isInteger(stored) && stored >= 0 ? Math.min(stored, max) : max;
}

export function readActionBudget(db: Database.Database, accountId: number, network: Network, nowMs: number): ActionBudget {
  const since = new Date(nowMs - BUDGET_WINDOW_MS).toISOString();
  const { used, oldest } = budgetStatements(db).counted.get(accountId, since) as { used: number; oldest: string | null };
  return {
    network,
    limit: limitOf(db, accountId, network),
    maxLimit: defaultDailyActions(network),
    used,
    resetsAt: oldest ? new Date(Date.parse(oldest) + BUDGET_WINDOW_MS).toISOString() : null,
  };
}

/** Sets the limit; above the network's default is refused (the default is already generous). */
export function writeActionBudget(db: Database.Database, accountId: number, network: Network, limit: number): void {
  const max = defaultDailyActions(network);
  if (limit > max) {
    throw new RapportError('INVALID_INPUT', `The daily limit for ${network} can be at most ${max} actions, to stay well inside the network's own limits.`);
  }
  const s = budgetStatements(db);
  if (limit === max) s.deleteSetting.run(settingKey(accountId));
  else s.setSetting.run(settingKey(accountId), String(limit));
}

function describeWhen(resetsAt: string, nowMs: number): string {
  const minutes = Math.max(1, Math.ceil((Date.parse(resetsAt) - nowMs) / 60_000));
  if (minutes < 60) return `in ${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.ceil(minutes / 60);
  return `in about ${hours} hour${hours === 1 ? '' : 's'}`;
}

/** Throws BUDGET_EXCEEDED, saying when a slot frees up, if one more action would pass the limit. */
export function requireBudget(db: Database.Database, accountId: number, network: Network, nowMs: number): void {
  const budget = readActionBudget(db, accountId, network, nowMs);
  if (budget.used < budget.limit) return;
  const when = budget.resetsAt ? ` The next one frees up ${describeWhen(budget.resetsAt, nowMs)}.` : '';
  throw new RapportError(
    'BUDGET_EXCEEDED',
    `You have used today's ${budget.limit} follow, unfollow and message actions for this account.${when}`,
  );
}
