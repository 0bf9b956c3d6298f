// Snoozes: a card leaves the board for N days or until the person posts again, then comes back to
// New with a badge (triage.snooze_ended_at). While snoozed, triage.snoozed_until holds the ISO time
// it ends, or 'nextPost'. For 'nextPost' the date of their latest known post at snooze time is kept
// in the snoozed event's data, so "their next post" means a post newer than that one.
//
// The board hides snoozed cards with the predicate `t.snoozed_until IS NULL` (boardRepo), and
// wakeDue runs before board reads, so a due card is back in New before anyone counts the columns.
import type Database from 'better-sqlite3';
import type { Stage } from '../../../shared/domain';
import type { Snooze } from '../../../shared/triageTypes';
import { perDatabase } from './perDatabase';

export const NEXT_POST = 'nextPost';
const DAY_MS = 86_400_000;

/** Why a snooze ended, kept in the snooze_ended event. */
export type SnoozeEndReason = 'time' | 'posted' | 'manual';

export interface WokenPerson {
  personId: number;
  from: Stage;
  reason: SnoozeEndReason;
}

// The newest post we know of: people.last_post_at (written by providers that report it) or the
// cached posts, whichever is later. '' when nothing is known, so comparisons stay plain text.
const LATEST_POST_SQL = `max(coalesce(p.last_post_at, ''),
  coalesce((SELECT max(created_at) FROM posts WHERE person_id = p.id), ''))`;

export const snoozeRepo = perDatabase((db: Database.Database) => {
  const triageRow = db.prepare('SELECT stage, snoozed_until FROM triage WHERE account_id = ? AND person_id = ?');
  const latestPost = db.prepare(`SELECT ${LATEST_POST_SQL} AS at FROM people p WHERE p.id = ?`);
  const setSnooze = db.prepare(
    'UPDATE triage SET snoozed_until = ?, snooze_ended_at = NULL WHERE account_id = ? AND person_id = ?',
  );
  const snoozedEvent = db.prepare(
    "INSERT INTO events (account_id, person_id, kind, at, data) VALUES (?, ?, 'snoozed', ?, ?)",
  );
  const dueByTime = db.prepare(
    `SELECT person_id AS personId, stage AS "from" FROM triage
     WHERE account_id = ? AND snoozed_until IS NOT NULL AND snoozed_until <> '${NEXT_POST}' AND snoozed_until <= ?`,
  );
  const dueByPost = db.prepare(
    `SELECT t.person_id AS personId, t.stage AS "from" FROM triage t CROSS JOIN people p ON p.id = t.person_id
     WHERE t.account_id = @accountId AND t.snoozed_until IS NOT NULL AND t.snoozed_until = '${NEXT_POST}'
       AND ${LATEST_POST_SQL} > coalesce((
         SELECT json_extract(e.data, '$.lastPostAt') FROM events e
         WHERE e.person_id = t.person_id AND e.account_id = t.account_id AND e.kind = 'snoozed'
         ORDER BY e.at DESC, e.id DESC LIMIT 1), '')`,
  );
  const wake = db.prepare(
    `UPDATE triage SET stage = 'new', changed_at = @at, snoozed_until = NULL, snooze_ended_at = @at
     WHERE account_id = @accountId AND person_id = @personId AND snoozed_until IS NOT NULL`,
  );
  const endedEvent = db.prepare(
    `INSERT INTO events (account_id, person_id, kind, at, data)
     VALUES (@accountId, @personId, 'snooze_ended', @at, json_object('from', @from, 'reason', @reason))`,
  );

  const wakeAll = db.transaction((accountId: number, people: WokenPerson[], at: string): WokenPerson[] =>
    people.filter((person) => {
      const params = { accountId, personId: person.personId, at, from: person.from, reason: person.reason };
      if (wake.run(params).changes === 0) return false;
      endedEvent.run(params);
      return true;
    }),
  );

  const start = db.transaction((accountId: number, personId: number, snooze: Snooze, nowMs: number): boolean => {
    const at = new Date(nowMs).toISOString();
    if ('days' in snooze) {
      const until = new Date(nowMs + snooze.days * DAY_MS).toISOString();
      setSnooze.run(until, accountId, personId);
      snoozedEvent.run(accountId, personId, at, JSON.stringify({ days: snooze.days, until }));
    } else {
      const { at: last } = latestPost.get(personId) as { at: string };
      setSnooze.run(NEXT_POST, accountId, personId);
      snoozedEvent.run(accountId, personId, at, JSON.stringify({ untilNextPost: true, lastPostAt: last === '' ? null : last }));
    }
    return true;
  });

  return {
    /**
     * Snoozes the person's card (replacing any snooze it had), or with null ends a running snooze
     * now. Returns false when the account has no card for the person.
     */
    set(accountId: number, personId: number, snooze: Snooze | null, nowMs: number): boolean {
      const row = triageRow.get(accountId, personId) as { stage: Stage; snoozed_until: string | null } | undefined;
      if (!row) return false;
      if (snooze !== null) return start(accountId, personId, snooze, nowMs);
      if (row.snoozed_until !== null) {
        wakeAll(accountId, [{ personId, from: row.stage, reason: 'manual' }], new Date(nowMs).toISOString());
      }
      return true;
    },

    /** Brings every due snooze of the account back to New; returns who came back. */
    wakeDue(accountId: number, nowMs: number): WokenPerson[] {
      const at = new Date(nowMs).toISOString();
      const byTime = (dueByTime.all(accountId, at) as Omit<WokenPerson, 'reason'>[]).map((p) => ({ ...p, reason: 'time' as const }));
      const byPost = (dueByPost.all({ accountId }) as Omit<WokenPerson, 'reason'>[]).map((p) => ({ ...p, reason: 'posted' as const }));
      const due = [...byTime, ...byPost];
      return due.length === 0 ? [] : wakeAll(accountId, due, at);
    },
  };
});

export type SnoozeRepo = ReturnType<typeof snoozeRepo>;
