// One walk over a newest-first list (followers or following), page by page from the checkpointed
// cursor. Each page, with the profiles it needs, is committed with its cursor in one transaction,
// so a walk killed at any point resumes at the first page not in the database.
import type Database from 'better-sqlite3';
import type { Network } from '../../../shared/domain';
import type { Provider, RemoteEdge, RemotePage } from '../providers/provider';
import { ingestRepo } from '../repos/ingestRepo';
import { syncStateRepo, type WalkCheckpoint, type WalkName } from '../repos/syncStateRepo';

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
  /** Run totals after each committed page, and the walk's position. */
  onPage(progress: { checkpoint: WalkCheckpoint; personIds: number[] }): void;
  requests(): number;
  items(): number;
  onItems(count: number): void;
}

export interface WalkOutcome {
  checkpoint: WalkCheckpoint;
  resumed: boolean;
  /** Pages fetched by this call (fewer than checkpoint.pagesDone after a resume). */
  pagesFetched: number;
}

/** Lists without full profiles are hydrated before the page is written, inside the same unit. */
async function hydrate(ctx: WalkContext, edges: RemoteEdge[]): Promise<RemoteEdge[]> {
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
  while (!checkpoint.done) {
    signal.throwIfAborted();
    const page: RemotePage<RemoteEdge> = await list(checkpoint.cursor, provider.capabilities.pageMax, signal);
    ctx.onRequest();
    pagesFetched++;
    const edges = provider.capabilities.listsCarryFullProfiles ? page.items : await hydrate(ctx, page.items);
    signal.throwIfAborted();
    // A network that answers an empty page with the same cursor again would loop forever.
    const stuck = page.items.length === 0 && page.cursor !== null && page.cursor === checkpoint.cursor;
    ctx.onItems(edges.length);
    const result = ingestRepo(db).ingestPage({
      accountId: ctx.accountId,
      network: ctx.network,
      walk,
      checkpoint,
      edges,
      nextCursor: stuck ? null : page.cursor,
      initialImport,
      at: ctx.now(),
      run: { id: ctx.runId, requests: ctx.requests(), items: ctx.items() },
    });
    checkpoint = result.checkpoint;
    ctx.onPage({ checkpoint, personIds: result.personIds });
  }
  return { checkpoint, resumed, pagesFetched };
}
