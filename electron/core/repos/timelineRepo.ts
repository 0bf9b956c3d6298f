// A person's history with me, newest first, from the append-only events table. dm_sent events
// carry the outbox action's id, not the text (the text lives once, in the outbox row), so the
// message is joined in from there.
import type Database from 'better-sqlite3';
import type { TimelineEntry } from '../../../shared/triageTypes';
import { perDatabase } from './perDatabase';
import { parseEventData, timelineSentence, type EventKind } from './timelineSentence';

/** A person with years of churn still gets a readable, bounded answer. */
export const TIMELINE_LIMIT = 500;

interface EventRow {
  id: number;
  kind: EventKind;
  at: string;
  data: string | null;
  payload: string | null;
}

function messageOf(payload: string | null): string | null {
  const text = parseEventData(payload).text;
  return typeof text === 'string' && text.trim() !== '' ? text : null;
}

export const timelineRepo = perDatabase((db: Database.Database) => {
  const events = db.prepare(
    `SELECT e.id, e.kind, e.at, e.data, o.payload
     FROM events e
     LEFT JOIN outbox o ON e.kind = 'dm_sent' AND o.id = json_extract(e.data, '$.actionId') AND o.account_id = e.account_id
     WHERE e.person_id = ? AND e.account_id = ?
     ORDER BY e.at DESC, e.id DESC
     LIMIT ?`,
  );

  return {
    of(accountId: number, personId: number, limit = TIMELINE_LIMIT): TimelineEntry[] {
      return (events.all(personId, accountId, limit) as EventRow[]).map((row) => ({
        id: row.id,
        kind: row.kind,
        at: row.at,
        summary: timelineSentence(row.kind, parseEventData(row.data), messageOf(row.payload)),
      }));
    },
  };
});

export type TimelineRepo = ReturnType<typeof timelineRepo>;
