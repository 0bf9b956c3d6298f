// Reads an account's interactions (the network's notifications, newest first) into SQLite. Each
// page is stored with the walk's position in one transaction, so a killed walk resumes at the
// first page not in the database. A walk stops at the newest item of the previous completed walk
// (Mastodon filters by it on the server, since_id; others are stopped here), at items older than
// the retention, or at the end of the list. The counts and engagement take the walk's new rows when
// it ends, cut off or not (interactionsRepo.settleQueuedInteractions). Network-agnostic: the
// module's provider normalizes.
import type Database from 'better-sqlite3';
import type { InteractionsPage, Provider } from '../networks/provider';
import { interactionCutoff } from '../repos/interactionRetention';
import { interactionsRepo, type InteractionsPositionRow } from '../repos/interactionsRepo';

export interface InteractionsWalkContext {
  db: Database.Database;
  provider: Provider;
  network: string;
  accountId: number;
  signal: AbortSignal;
  now(): number;
  onRequest(): void;
  /** After each committed page: new rows stored so far by this call. */
  onStored?(stored: number): void;
}

export interface InteractionsWalkOutcome {
  /** False when the network has no interactions to read. */
  supported: boolean;
  stored: number;
  pages: number;
  /** Items of kinds not kept (or unreadable), counted and skipped. */
  ignored: number;
  resumed: boolean;
  purged: number;
}

/** A walk never reads more pages than this in one sync; the next sync goes on from its cursor. */
export const INTERACTION_PAGES_PER_SYNC = 200;

export async function runInteractionsWalk(ctx: InteractionsWalkContext): Promise<InteractionsWalkOutcome> {
  const { db, provider, accountId } = ctx;
  const outcome: InteractionsWalkOutcome = { supported: false, stored: 0, pages: 0, ignored: 0, resumed: false, purged: 0 };
  if (!provider.listInteractions) return outcome;
  outcome.supported = true;
  const repo = interactionsRepo(db);
  const iso = (): string => new Date(ctx.now()).toISOString();
  let position: InteractionsPositionRow = repo.position(accountId);
  outcome.resumed = position.inProgress;
  if (!position.inProgress) position = { ...position, cursor: null, inProgress: true, topKey: null, topAt: null };
  const cutoff = interactionCutoff(db, ctx.now());

  const commit = db.transaction((page: InteractionsPage, next: InteractionsPositionRow): number => {
    const keep = page.items.filter((item) => item.at >= cutoff);
    const stored = repo.store(accountId, keep);
    repo.savePosition(accountId, next, iso());
    return stored;
  });

  let finished = false;
  try {
    while (outcome.pages < INTERACTION_PAGES_PER_SYNC) {
      ctx.signal.throwIfAborted();
      const page = await provider.listInteractions({ cursor: position.cursor, newerThan: position.stopKey }, ctx.signal);
      ctx.onRequest();
      ctx.signal.throwIfAborted();
      outcome.pages++;
      outcome.ignored += page.ignored;
      const first = page.head ?? page.items[0];
      const { stopKey, stopAt } = position;
      const reachedKnown = page.items.some((item) => item.key === stopKey || (stopAt !== null && item.at < stopAt));
      const reachedCutoff = page.items.some((item) => item.at < cutoff);
      finished = page.cursor === null || reachedKnown || reachedCutoff || page.items.length + page.ignored === 0;
      const top = position.topKey === null && first ? { topKey: first.key, topAt: first.at } : {};
      const walking: InteractionsPositionRow = { ...position, ...top, cursor: page.cursor, ignored: position.ignored + page.ignored };
      // The walk that completes hands its newest item on as the next walk's stop.
      const next: InteractionsPositionRow = finished
        ? {
            cursor: null,
            inProgress: false,
            topKey: null,
            topAt: null,
            stopKey: walking.topKey ?? position.stopKey,
            stopAt: walking.topAt ?? position.stopAt,
            ignored: walking.ignored,
          }
        : walking;
      outcome.stored += commit(page, next);
      position = next;
      ctx.onStored?.(outcome.stored);
      if (finished) break;
    }
    outcome.purged = repo.purgeOlderThan(accountId, cutoff);
  } finally {
    // A walk cut off mid-way settles too: what its committed pages stored counts on the cards now,
    // not at the next sync.
    repo.settleQueuedInteractions(accountId, ctx.network);
  }
  return outcome;
}
