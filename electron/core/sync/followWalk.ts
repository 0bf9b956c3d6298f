// One walk over a newest-first list (followers or following) from the checkpointed cursor.
// Pages are buffered and committed in batches, each batch with its cursor in one transaction, so
// a walk killed at any point resumes at the first page not in the database.
//
// Why batches: each commit rewrites every index page it touched, and the triage sort indexes
// are hit at random places; committing 500 rows at a time wrote the same pages again and again
// (measured: 100k followers took 2.4x longer in 500-row transactions than in 5,000-row ones).
//
// Issue 3 (real networks) adds an incremental head-scan next to this full walk: page from the
// head (cursor null) and stop at the first page whose ids are all known followers, without
// stamping a generation (only a full walk can prove a removal). Its new followers need ranks
// above everything stored yet below the next full walk's newcomers: give each head-scan a
// sequence number s within the current generation g and rank = RANK_SPAN * g + s * SCAN_SPAN -
// position, with RANK_SPAN split accordingly. The page write path (ingestRepo) is shared as is.
import type Database from 'better-sqlite3';
import type { Network } from '../../../shared/domain';
import type { Provider, RemoteEdge, RemotePage, UnreadableItem } from '../networks/provider';
import { syncStateRepo, type WalkCheckpoint, type WalkName } from '../repos/syncStateRepo';
import { ingestPageWithSharedConnections } from './profileEnrichment';

/** A batch is committed once it holds this many rows… */
export const INGEST_BATCH_ROWS = 5_000;
/** …or once its first page is this old, so a slow network still fills the board steadily. */
export const INGEST_BATCH_MAX_MS = 500;

export interface WalkContext {
  db: Database.Database;
  provider: Provider;
  network: Network;
  accountId: number;
  runId: number;
  signal: AbortSignal;
  now(): string;
  /** Called once per network request. */
  onRequest(): void;
  /** Items fetched so far in this walk (committed or buffered), after each page. */
  onFetched(progress: { itemsSeen: number; pagesSeen: number }): void;
  /** After each committed batch. */
  onCommit(progress: { checkpoint: WalkCheckpoint; personIds: number[] }): void;
  requests(): number;
  items(): number;
  onItems(count: number): void;
  /** Items the network sent outside its rules (kept cut or left out); may repeat an item. */
  onUnreadable(items: UnreadableItem[]): void;
}

/** What a page and its hydrated profiles say could not be read as sent. */
export function unreadableOf(page: { unreadable?: UnreadableItem[] }, edges: RemoteEdge[]): UnreadableItem[] {
  const out = [...(page.unreadable ?? [])];
  for (const edge of edges) if (edge.profile.unreadable) out.push(edge.profile.unreadable);
  return out;
}

export interface WalkOutcome {
  checkpoint: WalkCheckpoint;
  resumed: boolean;
  /** Pages fetched by this call (fewer than checkpoint.pagesDone after a resume). */
  pagesFetched: number;
}

/** Lists without full profiles are hydrated before the page is written, inside the same unit. */
export async function hydrate(ctx: WalkContext, edges: RemoteEdge[]): Promise<RemoteEdge[]> {
  const { provider, signal } = ctx;
  const batch = Math.max(1, provider.capabilities.profileBatch);
  const full = new Map<string, RemoteEdge['profile']>();
  for (let i = 0; i < edges.length; i += batch) {
    const ids = edges.slice(i, i + batch).map((e) => e.profile.remoteId);
    const profiles = await provider.getProfiles(ids, signal);
    ctx.onRequest();
    for (const profile of profiles) full.set(profile.remoteId, profile);
  }
  return edges.map((edge) => ({ ...edge, profile: full.get(edge.profile.remoteId) ?? edge.profile }));
}

export async function runWalk(ctx: WalkContext, walk: WalkName): Promise<WalkOutcome> {
  const { db, provider, signal } = ctx;
  const { checkpoint: start, resumed } = syncStateRepo(db).beginWalk(ctx.accountId, walk, ctx.now());
  // The first walk of an account writes no "new follower" events (see ingestRepo).
  const initialImport = start.generation === 1;
  const list = walk === 'followers' ? provider.listFollowers.bind(provider) : provider.listFollowing.bind(provider);
  let checkpoint = start;
  let pagesFetched = 0;

  let buffer: RemoteEdge[] = [];
  let bufferPages = 0;
  let bufferStartedAt = 0;
  let cursor = start.cursor;
  let ended = start.done;

  const commit = (): void => {
    const result = ingestPageWithSharedConnections(db, {
      accountId: ctx.accountId,
      network: ctx.network,
      walk,
      checkpoint,
      edges: buffer,
      pages: bufferPages,
      nextCursor: ended ? null : cursor,
      initialImport,
      at: ctx.now(),
      run: { id: ctx.runId, requests: ctx.requests(), items: ctx.items() },
    });
    checkpoint = result.checkpoint;
    buffer = [];
    bufferPages = 0;
    ctx.onCommit({ checkpoint, personIds: result.personIds });
  };

  try {
    while (!ended) {
      signal.throwIfAborted();
      const page: RemotePage<RemoteEdge> = await list(cursor, provider.capabilities.pageMax, signal);
      ctx.onRequest();
      pagesFetched++;
      const edges = provider.capabilities.listsCarryFullProfiles ? page.items : await hydrate(ctx, page.items);
      signal.throwIfAborted();
      ctx.onUnreadable(unreadableOf(page, edges));
      // A network that answers an empty page with the same cursor again would loop forever.
      const stuck = page.items.length === 0 && page.cursor !== null && page.cursor === cursor;
      ended = page.cursor === null || stuck;
      cursor = page.cursor;
      if (bufferPages === 0) bufferStartedAt = performance.now();
      for (const edge of edges) buffer.push(edge);
      bufferPages++;
      ctx.onItems(edges.length);
      ctx.onFetched({ itemsSeen: checkpoint.itemsDone + buffer.length, pagesSeen: checkpoint.pagesDone + bufferPages });
      if (ended || buffer.length >= INGEST_BATCH_ROWS || performance.now() - bufferStartedAt >= INGEST_BATCH_MAX_MS) commit();
    }
  } catch (error) {
    // Pages already read are kept with the cursor after them, so a walk stopped by a cancel, a
    // refused read (a spent read cap) or a failure resumes after them instead of reading them
    // again: on networks that count reads in 15-minute windows (X), each page re-read is costly.
    if (buffer.length > 0 && db.open) commit();
    throw error;
  }
  return { checkpoint, resumed, pagesFetched };
}
