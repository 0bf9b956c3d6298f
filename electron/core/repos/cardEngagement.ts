// How each person of a page engaged with me, for the card's "Replied 3× · liked 12" and Review's
// ordering. Two indexed lookups per page, keyed by the page's people: the per-kind counts (kept
// beyond retention, so the chip's totals survive purges) and whether they spoke to me before they
// followed (spokeFirstSql.ts). The latter reads the rows themselves, so it holds within the
// retention window — the case it serves, a new follower, is recent by nature.
import type Database from 'better-sqlite3';
import type { CardEngagement } from '../../../shared/domain';
import {
  engagementPoints,
  isInteractionKind,
  lastInteractionAt,
  type InteractionCount,
  type InteractionDirection,
} from '../../../shared/interactions';
import { perDatabase } from './perDatabase';
import { spokeBeforeFollowingSql } from './spokeFirstSql';

interface CountRow {
  person_id: number;
  kind: string;
  direction: InteractionDirection;
  count: number;
  last_at: string;
}

const engagementStatements = perDatabase((db: Database.Database) => ({
  // Interactions are keyed by the person's remote id (0013); the account fixes the network.
  counts: db.prepare(
    `SELECT p.id AS person_id, c.kind, c.direction, c.count, c.last_at
     FROM people p JOIN interaction_counts c ON c.account_id = @accountId AND c.person_remote_id = p.remote_id
     WHERE p.id IN (SELECT value FROM json_each(@ids))`,
  ),
  spokeFirst: db
    .prepare(
      `SELECT p.id FROM people p
       JOIN relationships r ON r.account_id = @accountId AND r.person_id = p.id
       WHERE p.id IN (SELECT value FROM json_each(@ids)) AND ${spokeBeforeFollowingSql('p', 'r')}`,
    )
    .pluck(),
}));

/** Per-kind counts (both directions, kept beyond retention) of the people among `personIds` who have any. */
export function interactionCountsOf(db: Database.Database, accountId: number, personIds: readonly number[]): Map<number, InteractionCount[]> {
  const counts = new Map<number, InteractionCount[]>();
  if (personIds.length === 0) return counts;
  for (const row of engagementStatements(db).counts.all({ accountId, ids: JSON.stringify(personIds) }) as CountRow[]) {
    if (!isInteractionKind(row.kind)) continue;
    const list = counts.get(row.person_id) ?? [];
    list.push({ kind: row.kind, direction: row.direction, count: row.count, lastAt: row.last_at });
    counts.set(row.person_id, list);
  }
  for (const list of counts.values()) list.sort((a, b) => a.direction.localeCompare(b.direction) || a.kind.localeCompare(b.kind));
  return counts;
}

/** Their engagement, for the people among `personIds` with any interaction stored on this account. */
export function engagementForPeople(db: Database.Database, accountId: number, personIds: readonly number[]): Map<number, CardEngagement> {
  const out = new Map<number, CardEngagement>();
  const counts = interactionCountsOf(db, accountId, personIds);
  if (counts.size === 0) return out;
  const spokeFirst = new Set(engagementStatements(db).spokeFirst.all({ accountId, ids: JSON.stringify([...counts.keys()]) }) as number[]);
  for (const [personId, list] of counts) {
    out.set(personId, {
      counts: list,
      points: engagementPoints(list),
      lastAt: lastInteractionAt(list),
      repliedBeforeFollowing: spokeFirst.has(personId),
    });
  }
  return out;
}
