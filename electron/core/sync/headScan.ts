// The incremental sync between full walks: page from the head of the newest-first list and stop at
// the first page whose ids are all known, so 7 new followers cost one or two list requests instead
// of a walk over every follower. It stamps no generation (only a full walk can prove a removal);
// new edges get ranks above everything stored, below the next full walk's newcomers.
import type Database from 'better-sqlite3';
import type { RemoteEdge } from '../networks/provider';
import { perDatabase } from '../repos/perDatabase';
import { syncStateRepo, type WalkName } from '../repos/syncStateRepo';
import { hydrate, unreadableOf, type WalkContext } from './followWalk';
import { ingestPageWithSharedConnections } from './profileEnrichment';

/** A full walk (with the removal re-check) at least this often; head-scans in between. */
export const FULL_WALK_EVERY_MS = 24 * 60 * 60 * 1000;
/** More new edges than this at the head: a full walk is cheaper than growing a buffer. */
export const HEAD_SCAN_MAX_ITEMS = 5_000;

const headStatements = perDatabase((db: Database.Database) => ({
  knownFollowers: db.prepare(
    `SELECT p.remote_id AS remoteId FROM people p JOIN relationships r ON r.person_id = p.id AND r.account_id = ?
     WHERE p.network = ? AND p.remote_id IN (SELECT value FROM json_each(?)) AND r.follows_me = 1`,
  ),
  knownFollowing: db.prepare(
    `SELECT p.remote_id AS remoteId FROM people p JOIN relationships r ON r.person_id = p.id AND r.account_id = ?
     WHERE p.network = ? AND p.remote_id IN (SELECT value FROM json_each(?)) AND r.i_follow = 1`,
  ),
  maxRank: db.prepare('SELECT coalesce(max(follow_rank), 0) AS rank FROM relationships WHERE account_id = ?'),
  completedAt: db.prepare('SELECT updated_at AS at FROM sync_state WHERE account_id = ? AND walk = ? AND done = 1'),
}));

/** Whether this walk may be a head-scan: a full walk completed within FULL_WALK_EVERY_MS. */
export function headScanAllowed(db: Database.Database, accountId: number, walk: WalkName, nowMs: number): boolean {
  const row = headStatements(db).completedAt.get(accountId, walk) as { at: string } | undefined;
  return row !== undefined && nowMs - Date.parse(row.at) < FULL_WALK_EVERY_MS;
}

export interface HeadScanOutcome {
  /** False when the head held too much new to scan: the caller runs a full walk instead. */
  completed: boolean;
  added: number;
  pages: number;
}

export async function runHeadScan(ctx: WalkContext, walk: WalkName): Promise<HeadScanOutcome> {
  const { db, provider, signal } = ctx;
  const checkpoint = syncStateRepo(db).getWalk(ctx.accountId, walk);
  if (!checkpoint?.done) return { completed: false, added: 0, pages: 0 };
  const list = walk === 'followers' ? provider.listFollowers.bind(provider) : provider.listFollowing.bind(provider);
  const known = walk === 'followers' ? headStatements(db).knownFollowers : headStatements(db).knownFollowing;
  const fresh: RemoteEdge[] = [];
  let cursor: string | null = null;
  let pages = 0;
  for (;;) {
    signal.throwIfAborted();
    const page = await list(cursor, provider.capabilities.pageMax, signal);
    ctx.onRequest();
    pages++;
    const ids = page.items.map((edge) => edge.profile.remoteId);
    const seen = new Set((known.all(ctx.accountId, ctx.network, JSON.stringify(ids)) as { remoteId: string }[]).map((r) => r.remoteId));
    const unknown = page.items.filter((edge) => !seen.has(edge.profile.remoteId));
    fresh.push(...unknown);
    ctx.onUnreadable(page.unreadable ?? []);
    ctx.onFetched({ itemsSeen: fresh.length, pagesSeen: pages });
    if (fresh.length > HEAD_SCAN_MAX_ITEMS) return { completed: false, added: 0, pages };
    if (unknown.length === 0 || page.cursor === null || page.cursor === cursor) break;
    cursor = page.cursor;
  }
  if (fresh.length === 0) return { completed: true, added: 0, pages };
  const edges = provider.capabilities.listsCarryFullProfiles ? fresh : await hydrate(ctx, fresh);
  signal.throwIfAborted();
  ctx.onUnreadable(unreadableOf({}, edges));
  const rankBase = (headStatements(db).maxRank.get(ctx.accountId) as { rank: number }).rank + edges.length;
  ctx.onItems(edges.length);
  const result = ingestPageWithSharedConnections(db, {
    accountId: ctx.accountId,
    network: ctx.network,
    walk,
    checkpoint,
    edges,
    pages,
    nextCursor: null,
    initialImport: false,
    at: ctx.now(),
    run: { id: ctx.runId, requests: ctx.requests(), items: ctx.items() },
    headScan: { rankBase },
  });
  ctx.onCommit({ checkpoint: result.checkpoint, personIds: result.personIds });
  return { completed: true, added: result.added, pages };
}
