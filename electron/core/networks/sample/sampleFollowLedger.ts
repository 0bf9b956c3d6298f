// The sample network's memory of follows across restarts. Its people are generated, so the only
// record of a follow or unfollow made on it is the outbox row that performed it: replayed in
// order, those rows give the provider the same follows it had before core stopped, and the next
// sync reports no phantom unfollow.
import type Database from 'better-sqlite3';

/** remoteId → following (true) or unfollowed (false), the latest sent action winning. */
export function sampleFollowsFromOutbox(db: Database.Database, accountId: number): Map<string, boolean> {
  const rows = db
    .prepare(
      `SELECT p.remote_id AS remoteId, o.kind AS kind
         FROM outbox o JOIN people p ON p.id = o.person_id
        WHERE o.account_id = ? AND o.status = 'done' AND o.kind IN ('follow', 'unfollow')
        ORDER BY o.id`,
    )
    .all(accountId) as { remoteId: string; kind: 'follow' | 'unfollow' }[];
  const follows = new Map<string, boolean>();
  for (const row of rows) {
    follows.delete(row.remoteId);
    follows.set(row.remoteId, row.kind === 'follow');
  }
  return follows;
}
