// Interactions (replies, mentions, likes… toward me and mine toward them), per account, keyed by
// the person's remote id so a notification about someone not stored yet is kept and joins their
// card once they are (see migration 0013). Three things are kept: the rows (one per network item),
// the per-kind counts (kept beyond retention) and the per-person engagement behind the "Engages
// with you" view and the "Most engaged first" sort. store() writes the rows and queues them; the
// counts and engagement take them in set-based, once per walk, in settleQueuedInteractions()
// (migration 0018 says why), and before a purge deletes any of them.
import type Database from 'better-sqlite3';
import {
  ENGAGEMENT_WEIGHTS,
  isInteractionKind,
  type InteractionCount,
  type InteractionDirection,
  type InteractionKind,
} from '../../../shared/interactions';
import type { RemoteInteraction } from '../networks/provider';
import { COUNT_QUEUED_SQL, ENGAGE_QUEUED_SQL } from './interactionsSettleSql';
import { perDatabase } from './perDatabase';

export interface StoredInteraction {
  kind: InteractionKind;
  direction: InteractionDirection;
  at: string;
  link: string | null;
  excerpt: string | null;
}

interface CountRow {
  person_remote_id: string;
  kind: string;
  direction: InteractionDirection;
  count: number;
  last_at: string;
}

/** Where an account's interactions walk stands (interaction_sync). */
export interface InteractionsPositionRow {
  cursor: string | null;
  inProgress: boolean;
  /** Newest item of the walk in progress. */
  topKey: string | null;
  topAt: string | null;
  /** Newest item of the last completed walk: the next walk stops there. */
  stopKey: string | null;
  stopAt: string | null;
  ignored: number;
}

interface PositionRow {
  cursor: string | null;
  in_progress: number;
  top_key: string | null;
  top_at: string | null;
  stop_key: string | null;
  stop_at: string | null;
  ignored: number;
}

const EMPTY_POSITION: InteractionsPositionRow = {
  cursor: null,
  inProgress: false,
  topKey: null,
  topAt: null,
  stopKey: null,
  stopAt: null,
  ignored: 0,
};

export const interactionsRepo = perDatabase((db: Database.Database) => {
  const s = {
    insert: db.prepare(
      `INSERT OR IGNORE INTO interactions (account_id, item_key, person_remote_id, kind, direction, at, link, excerpt)
       VALUES (@accountId, @key, @personRemoteId, @kind, @direction, @at, @link, @excerpt)`,
    ),
    queue: db.prepare('INSERT OR IGNORE INTO interactions_to_count (account_id, interaction_id) VALUES (?, ?)'),
    countQueued: db.prepare(COUNT_QUEUED_SQL),
    engageQueued: db.prepare(ENGAGE_QUEUED_SQL),
    dequeue: db.prepare('DELETE FROM interactions_to_count WHERE account_id = ?'),
    countsOf: db.prepare(
      `SELECT person_remote_id, kind, direction, count, last_at FROM interaction_counts
       WHERE account_id = @accountId AND person_remote_id IN (SELECT value FROM json_each(@ids))`,
    ),
    latest: db.prepare(
      `SELECT kind, direction, at, link, excerpt FROM interactions WHERE account_id = ? AND person_remote_id = ?
       ORDER BY at DESC, id DESC LIMIT ?`,
    ),
    purge: db.prepare('DELETE FROM interactions WHERE account_id = ? AND at < ?'),
    forgetRows: db.prepare('DELETE FROM interactions WHERE account_id = ? AND person_remote_id = ?'),
    forgetCounts: db.prepare('DELETE FROM interaction_counts WHERE account_id = ? AND person_remote_id = ?'),
    forgetPerson: db.prepare('DELETE FROM interaction_people WHERE account_id = ? AND person_remote_id = ?'),
    // Walks the people with engagement (fewer than the cards) and writes only keys that change, so
    // a walk that brought nothing new writes nothing. Engagement only grows (forget removes the
    // card with it), so cards without a row here keep their 0.
    refreshSort: db.prepare(
      `UPDATE triage SET sort_engagement = fresh.engagement
       FROM (SELECT p.id AS person_id, ip.engagement FROM interaction_people ip
             JOIN people p ON p.network = @network AND p.remote_id = ip.person_remote_id
             WHERE ip.account_id = @accountId) AS fresh
       WHERE triage.account_id = @accountId AND triage.person_id = fresh.person_id AND triage.sort_engagement <> fresh.engagement`,
    ),
    position: db.prepare('SELECT cursor, in_progress, top_key, top_at, stop_key, stop_at, ignored FROM interaction_sync WHERE account_id = ?'),
    savePosition: db.prepare(
      `INSERT INTO interaction_sync (account_id, cursor, in_progress, top_key, top_at, stop_key, stop_at, ignored, updated_at)
       VALUES (@accountId, @cursor, @inProgress, @topKey, @topAt, @stopKey, @stopAt, @ignored, @updatedAt)
       ON CONFLICT (account_id) DO UPDATE SET cursor = excluded.cursor, in_progress = excluded.in_progress,
         top_key = excluded.top_key, top_at = excluded.top_at, stop_key = excluded.stop_key, stop_at = excluded.stop_at,
         ignored = excluded.ignored, updated_at = excluded.updated_at`,
    ),
  };

  const weights = JSON.stringify(ENGAGEMENT_WEIGHTS);
  /** Adds the rows stored since the last call to the counts and engagement, each once. */
  const countQueued = (accountId: number): void => {
    s.countQueued.run({ accountId });
    s.engageQueued.run({ accountId, weights });
    s.dequeue.run(accountId);
  };

  return {
    /**
     * Stores the items not stored yet and queues them for the counts and engagement, which take
     * them at settleQueuedInteractions(); returns how many were new. Run inside the caller's
     * transaction (with the walk's position), so a row is never stored without being queued.
     */
    store(accountId: number, items: readonly RemoteInteraction[]): number {
      let stored = 0;
      for (const item of items) {
        const inserted = s.insert.run({ accountId, ...item });
        if (inserted.changes === 0) continue;
        s.queue.run(accountId, inserted.lastInsertRowid);
        stored++;
      }
      return stored;
    },

    /** Per-kind counts (both directions) of each of these people, kept beyond retention. */
    countsFor(accountId: number, personRemoteIds: readonly string[]): Map<string, InteractionCount[]> {
      const out = new Map<string, InteractionCount[]>();
      if (personRemoteIds.length === 0) return out;
      for (const row of s.countsOf.all({ accountId, ids: JSON.stringify(personRemoteIds) }) as CountRow[]) {
        if (!isInteractionKind(row.kind)) continue;
        const list = out.get(row.person_remote_id) ?? [];
        list.push({ kind: row.kind, direction: row.direction, count: row.count, lastAt: row.last_at });
        out.set(row.person_remote_id, list);
      }
      return out;
    },

    /** The latest interactions with one person, newest first. */
    latest(accountId: number, personRemoteId: string, limit: number): StoredInteraction[] {
      return (s.latest.all(accountId, personRemoteId, limit) as StoredInteraction[]).filter((row) => isInteractionKind(row.kind));
    },

    /** Deletes rows older than `cutoff` (ISO-8601); counts and engagement stay. Returns how many. */
    purgeOlderThan(accountId: number, cutoff: string): number {
      // A row still queued (a walk killed before its end) must be counted before it goes.
      return db.transaction(() => {
        countQueued(accountId);
        return s.purge.run(accountId, cutoff).changes;
      })();
    },

    /** Everything about one person, counts included (Forget this person). */
    forgetPerson(accountId: number, personRemoteId: string): void {
      s.forgetRows.run(accountId, personRemoteId);
      s.forgetCounts.run(accountId, personRemoteId);
      s.forgetPerson.run(accountId, personRemoteId);
    },

    /**
     * Settles what store() queued: counts and engagement take the new rows, then every card's
     * "Most engaged first" key follows. Call it when a walk or an import ends, cut off or not.
     * Returns how many cards' keys changed.
     */
    settleQueuedInteractions(accountId: number, network: string): number {
      return db.transaction(() => {
        countQueued(accountId);
        return s.refreshSort.run({ accountId, network }).changes;
      })();
    },

    position(accountId: number): InteractionsPositionRow {
      const row = s.position.get(accountId) as PositionRow | undefined;
      if (!row) return { ...EMPTY_POSITION };
      return {
        cursor: row.cursor,
        inProgress: row.in_progress === 1,
        topKey: row.top_key,
        topAt: row.top_at,
        stopKey: row.stop_key,
        stopAt: row.stop_at,
        ignored: row.ignored,
      };
    },

    savePosition(accountId: number, position: InteractionsPositionRow, updatedAt: string): void {
      s.savePosition.run({ accountId, ...position, inProgress: position.inProgress ? 1 : 0, updatedAt });
    },
  };
});

export type InteractionsRepo = ReturnType<typeof interactionsRepo>;
