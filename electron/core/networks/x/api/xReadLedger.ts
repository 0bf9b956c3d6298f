// X bills reads per user object its API returns, by calendar month. This ledger counts the users
// an account's developer app read this month (UTC) and holds the monthly cap the person set, so a
// sync stops *before* a request that could cross it. Not a secret: kept in the settings table
// under the account's id, one small JSON value, removed with the account (xReactions.ts).
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { RapportError } from '../../../../../shared/api/errors';

const ledgerSchema = z.object({
  month: z.string(),
  reads: z.number().int().nonnegative(),
  cap: z.number().int().positive().nullable(),
  /** The account's own counts as X last said them: what the next sync will read, known without a read. */
  lastSelf: z.object({ followers: z.number().int().nonnegative(), following: z.number().int().nonnegative() }).optional(),
});
export type XReadLedger = z.infer<typeof ledgerSchema>;

const keyOf = (accountId: number): string => `x.apiReads:${accountId}`;
const monthOf = (now: number): string => new Date(now).toISOString().slice(0, 7);

export function readLedger(db: Database.Database, accountId: number, now: number): XReadLedger {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(keyOf(accountId)) as { value: string } | undefined;
  let stored: XReadLedger | null = null;
  try {
    const parsed = row ? ledgerSchema.safeParse(JSON.parse(row.value)) : null;
    stored = parsed?.success ? parsed.data : null;
  } catch {
    stored = null;
  }
  const month = monthOf(now);
  // A new month starts from zero reads; the cap carries over.
  if (!stored) return { month, reads: 0, cap: null };
  return stored.month === month ? stored : { ...stored, month, reads: 0 };
}

function writeLedger(db: Database.Database, accountId: number, ledger: XReadLedger): void {
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(keyOf(accountId), JSON.stringify(ledger));
}

export function setReadCap(db: Database.Database, accountId: number, cap: number | null, now: number): void {
  writeLedger(db, accountId, { ...readLedger(db, accountId, now), cap });
}

export function recordReads(db: Database.Database, accountId: number, users: number, now: number): void {
  if (users <= 0 || !db.open) return;
  const ledger = readLedger(db, accountId, now);
  writeLedger(db, accountId, { ...ledger, reads: ledger.reads + users });
}

export function recordSelfCounts(db: Database.Database, accountId: number, followers: number | null, following: number | null, now: number): void {
  if (followers === null || following === null || !db.open) return;
  writeLedger(db, accountId, { ...readLedger(db, accountId, now), lastSelf: { followers, following } });
}

export function forgetLedger(db: Database.Database, accountId: number): void {
  db.prepare('DELETE FROM settings WHERE key = ?').run(keyOf(accountId));
}

/** The first day of next month (UTC), in words, for "until …". */
function nextMonthStart(now: number): string {
  const d = new Date(now);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)).toLocaleDateString('en-US', { month: 'long', day: 'numeric', timeZone: 'UTC' });
}

/**
 * Refuses a request that could return `atMost` users when that would cross the cap: X may answer
 * a full page, so the check counts the page's size, not what it will turn out to hold.
 */
export function ensureWithinCap(db: Database.Database, accountId: number, handle: string, atMost: number, now: number): void {
  const ledger = readLedger(db, accountId, now);
  if (ledger.cap === null || ledger.reads + atMost <= ledger.cap) return;
  const n = (v: number) => v.toLocaleString('en-US');
  throw new RapportError(
    'BUDGET_EXCEEDED',
    `Stopped before reading more of X for @${handle}: your monthly read cap is ${n(ledger.cap)} users and ${n(ledger.reads)} are read this month; the next request could read ${n(atMost)} more. Raise the cap, or the sync goes on from here on ${nextMonthStart(now)}.`,
  );
}
