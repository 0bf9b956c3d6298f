// The archive's interactions (staged while reading) into the interactions table, inside the
// merge's one transaction, through the same repository the sync's interactions walk uses: rows
// deduplicated by key, per-kind counts and engagement kept in step. Read from staging in chunks
// ordered by key, so memory stays flat whatever the archive's size. Items older than the retention
// are left out, as the walk leaves them out (and what the last import stored past it is purged).
import type Database from 'better-sqlite3';
import { interactionsRepo } from '../../../repos/interactionsRepo';
import { perDatabase } from '../../../repos/perDatabase';
import type { ArchiveInteraction } from './archiveInteractions';

const CHUNK = 5_000;

const statements = perDatabase((db: Database.Database) => ({
  chunk: db.prepare(
    `SELECT item_key AS key, person_remote_id AS personRemoteId, kind, direction, at, link, excerpt
     FROM temp.x_stage_interactions WHERE item_key > @after AND at >= @cutoff ORDER BY item_key LIMIT @limit`,
  ),
}));

/** Stores the staged interactions not stored yet; returns how many were new. */
export function mergeArchiveInteractions(db: Database.Database, accountId: number, network: string, cutoff: string): number {
  const repo = interactionsRepo(db);
  const { chunk } = statements(db);
  let after = '';
  let stored = 0;
  for (;;) {
    const rows = chunk.all({ after, cutoff, limit: CHUNK }) as ArchiveInteraction[];
    if (rows.length === 0) break;
    stored += repo.store(accountId, rows);
    after = rows[rows.length - 1]!.key;
  }
  repo.purgeOlderThan(accountId, cutoff);
  if (stored > 0) repo.settleQueuedInteractions(accountId, network);
  return stored;
}
