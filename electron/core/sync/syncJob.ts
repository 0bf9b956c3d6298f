// One sync of one account, phase by phase: followers walk → following walk → removal checks →
// recent posts → done, then avatars in the background. The same code runs for every network;
// the sample network is just another Provider.
import type Database from 'better-sqlite3';
import type { Account, SyncPhase, SyncProgress } from '../../../shared/domain';
import { RapportError } from '../../../shared/api/errors';
import type { EventMap, EventName } from '../../../shared/api/events';
import { deferSearchIndex, isSearchIndexDeferred, rebuildSearchIndex } from '../db/searchIndex';
import { logError } from '../errorLog';
import type { LimitWaitListener } from '../net/rateLimitWaits';
import type { Provider, UnreadableItem } from '../networks/provider';
import { accountsRepo } from '../repos/accountsRepo';
import { syncStateRepo, type SyncRun, type WalkName } from '../repos/syncStateRepo';
import { runWalk, type WalkContext } from './followWalk';
import { headScanAllowed, runHeadScan } from './headScan';
import type { ProfileEnrichment } from './profileEnrichment';
import { ProgressReporter } from './progressReporter';
import { checkRemovals } from './removalCheck';
import { runInteractionsWalk } from './interactionsWalk';

/**
 * Walks at least this long build the search index once at the end instead of row by row
 * (measured: 5x faster on 200k people); small incremental walks keep the triggers on.
 */
export const DEFER_SEARCH_INDEX_FROM = 5_000;

/** Why a job was aborted: the user cancelled, or core is shutting down (resume next start). */
export type AbortReason = 'cancel' | 'shutdown';

export interface SyncJobDeps {
  db: Database.Database;
  account: Account;
  /** A promise while the provider is still being built (a network session resumed from disk). */
  provider: Provider | Promise<Provider>;
  enrichment: ProfileEnrichment;
  emit<E extends EventName>(event: E, payload: EventMap[E]): void;
  now(): number;
  /**
   * 'full' (default): walk every list and re-check what was missing. 'auto': a head-scan for new
   * edges when a full walk completed within a day, else a full walk.
   */
  walkMode?: 'full' | 'auto';
  /** Rate-limit waits of the job's requests (by its signal), shown on the progress bar. */
  limitWaits?: { watch(signal: AbortSignal, listener: LimitWaitListener): () => void };
}

function errorShape(error: unknown): { code: string; message: string } {
  if (error instanceof RapportError) return error.toShape();
  return { code: 'NETWORK_ERROR', message: 'The sync stopped because the network answered with an error. Try again later.' };
}

export class SyncJob {
  readonly accountId: number;
  readonly run: SyncRun;
  /** Settles when the job has stopped, whatever the outcome; never rejects. */
  readonly finished: Promise<void>;
  private readonly controller = new AbortController();
  private readonly reporter: ProgressReporter;
  private requests = 0;
  private items = 0;
  private phase: SyncPhase = 'followers';
  private providerReady: Provider | null = null;
  /** Items the network sent outside its rules, one per item however often it was seen. */
  private readonly unreadable = new Map<string, UnreadableItem>();
  private readonly stopWatchingLimits: (() => void) | undefined;

  constructor(private readonly deps: SyncJobDeps) {
    this.accountId = deps.account.id;
    this.run = syncStateRepo(deps.db).startRun(this.accountId, this.iso(), 'followers');
    // A resumed walk reports what is already in from its first event on.
    const resuming = syncStateRepo(deps.db).getWalk(this.accountId, 'followers');
    const carried = resuming && !resuming.done ? resuming : null;
    this.reporter = new ProgressReporter(
      {
        accountId: this.accountId,
        runId: this.run.id,
        state: 'running',
        phase: 'followers',
        done: carried?.itemsDone ?? 0,
        total: null,
        pages: carried?.pagesDone ?? 0,
        startedAt: this.run.startedAt,
        error: null,
      },
      (progress) => deps.emit('sync.progress', progress),
      () => deps.emit('people.changed', { accountId: this.accountId, personIds: null }),
    );
    this.stopWatchingLimits = deps.limitWaits?.watch(this.signal, (until) =>
      this.reporter.update({ waitingUntil: until === null ? null : new Date(until).toISOString() }),
    );
    this.finished = this.execute();
  }

  get progress(): SyncProgress {
    return this.reporter.current;
  }

  abort(reason: AbortReason): void {
    this.controller.abort(reason);
  }

  private iso(): string {
    return new Date(this.deps.now()).toISOString();
  }

  private get signal(): AbortSignal {
    return this.controller.signal;
  }

  private setPhase(phase: SyncPhase, total: number | null, done = 0, pages = 0): void {
    this.phase = phase;
    this.reporter.update({ phase, total, done, pages });
  }

  private async execute(): Promise<void> {
    // Let start() return before any work: the caller gets the run id and can subscribe first.
    await Promise.resolve();
    const { db } = this.deps;
    let deferredSearch = false;
    try {
      const provider = await this.deps.provider;
      this.providerReady = provider;
      const self = await provider.getSelf();
      this.requests++;
      for (const walk of ['followers', 'following'] as WalkName[]) {
        const expected = walk === 'followers' ? self.followersCount : self.followingCount;
        if ((expected ?? 0) >= DEFER_SEARCH_INDEX_FROM && !isSearchIndexDeferred(db)) {
          deferSearchIndex(db);
          deferredSearch = true;
        }
        await this.walk(walk, expected);
        if (deferredSearch) {
          rebuildSearchIndex(db);
          deferredSearch = false;
        }
      }
      await this.readInteractions();
      await this.enrich();
      this.finish('done', null);
    } catch (error) {
      const reason: unknown = this.signal.reason;
      if (this.signal.aborted && reason === 'shutdown') {
        // Left 'running' on purpose: the next start of core resumes it (see SyncEngine).
      } else if (this.signal.aborted) {
        this.finish('cancelled', null);
      } else {
        logError(`[rapport core] sync of account ${this.accountId} failed`, error);
        this.finish('failed', errorShape(error));
      }
    } finally {
      this.stopWatchingLimits?.();
      // On shutdown the rebuild is left to openDatabase's heal at the next start: quitting stays quick.
      if (deferredSearch && db.open && this.signal.reason !== 'shutdown') rebuildSearchIndex(db);
    }
  }

  private get provider(): Provider {
    if (!this.providerReady) throw new Error('the provider is used before it was ready');
    return this.providerReady;
  }

  private async walk(walk: WalkName, expected: number | null): Promise<void> {
    const { db, account } = this.deps;
    const provider = this.provider;
    const existing = syncStateRepo(db).getWalk(this.accountId, walk);
    const resuming = existing !== undefined && !existing.done;
    this.setPhase(walk, expected, resuming ? existing.itemsDone : 0, resuming ? existing.pagesDone : 0);
    const walkContext: WalkContext = {
      db,
      provider,
      network: account.network,
      accountId: this.accountId,
      runId: this.run.id,
      signal: this.signal,
      now: () => this.iso(),
      onRequest: () => this.requests++,
      onItems: (count) => (this.items += count),
      requests: () => this.requests,
      items: () => this.items,
      onFetched: ({ itemsSeen, pagesSeen }) => this.reporter.update({ done: itemsSeen, pages: pagesSeen }),
      onCommit: () => this.reporter.peopleChanged(),
      onUnreadable: (items) => this.noteUnreadable(items),
    };
    if (this.deps.walkMode === 'auto' && headScanAllowed(db, this.accountId, walk, this.deps.now())) {
      const scan = await runHeadScan(walkContext, walk);
      if (scan.completed) return;
    }
    const outcome = await runWalk(walkContext, walk);
    const removals = await checkRemovals({
      db,
      provider,
      accountId: this.accountId,
      walk,
      generation: outcome.checkpoint.generation,
      at: this.iso(),
      signal: this.signal,
      onRequest: () => this.requests++,
    });
    if (removals.ended + removals.gone > 0) this.reporter.peopleChanged();
  }

  /**
   * Counts and logs each item the network sent outside its rules, once, by remote id (never its
   * content), and puts the counts into the run's progress, so the summary can say so.
   */
  private noteUnreadable(items: UnreadableItem[]): void {
    let added = false;
    for (const item of items) {
      const key = item.remoteId === null ? `${item.kind}#${this.unreadable.size}` : `${item.kind}:${item.remoteId}`;
      if (this.unreadable.has(key)) continue;
      this.unreadable.set(key, item);
      added = true;
      const fields = item.fields.length > 0 ? ` (${item.fields.join(', ')})` : '';
      const outcome = item.outcome === 'cut' ? 'stored with those fields cut' : 'left out';
      console.warn(`[rapport core] sync of account ${this.accountId}: ${item.kind} ${item.remoteId ?? 'without a usable id'} broke the network's rules${fields}; ${outcome}`);
    }
    if (!added) return;
    const counts = { profiles: 0, posts: 0 };
    for (const item of this.unreadable.values()) {
      if (item.kind === 'profile') counts.profiles++;
      else counts.posts++;
    }
    this.reporter.update({ unreadable: counts });
  }

  /**
   * Who engaged with me since the last sync (the network's notifications), shown under the posts
   * phase: it reads recent activity too. It never fails the sync: interactions add to the cards,
   * and a token without the notifications permission (an account signed in before this step
   * existed) still syncs its followers; the reason is logged and the next sync tries again.
   */
  private async readInteractions(): Promise<void> {
    const provider = this.provider;
    if (!provider.listInteractions) return;
    this.setPhase('posts', null);
    try {
      const outcome = await runInteractionsWalk({
        db: this.deps.db,
        provider,
        network: this.deps.account.network,
        accountId: this.accountId,
        signal: this.signal,
        now: () => this.deps.now(),
        onRequest: () => this.requests++,
      });
      if (outcome.ignored > 0) console.warn(`[rapport core] sync of account ${this.accountId}: ${outcome.ignored} notifications of kinds Rapport does not keep were skipped`);
      if (outcome.stored > 0) this.reporter.peopleChanged();
    } catch (error) {
      if (this.signal.aborted) throw error;
      logError(`[rapport core] interactions of account ${this.accountId} could not be read`, error);
    }
  }

  private async enrich(): Promise<void> {
    const { enrichment } = this.deps;
    const provider = this.provider;
    const posts = enrichment.postsCandidates(this.accountId);
    this.setPhase('posts', posts.length);
    await enrichment.fetchPosts(
      provider,
      posts,
      this.signal,
      (done) => {
        this.requests++;
        this.reporter.update({ done });
      },
      (items) => this.noteUnreadable(items),
    );

    // Avatars go on in the background after the sync is done: an image host that is slow or gone
    // must not hold up (or fail) the sync. Cards show initials until their avatar arrives.
    void enrichment
      .cacheAvatarsInBackground(provider, enrichment.avatarCandidates(this.accountId), (cached) =>
        this.deps.emit('people.changed', { accountId: this.accountId, personIds: cached }),
      )
      .catch(() => {}); // aborted when core closes; each failure was logged by the enrichment
  }

  private finish(state: 'done' | 'failed' | 'cancelled', error: { code: string; message: string } | null): void {
    const { db } = this.deps;
    if (!db.open) return;
    const phase: SyncPhase = state === 'done' ? 'done' : this.phase;
    this.phase = phase;
    syncStateRepo(db).finishRun(
      { id: this.run.id, accountId: this.accountId, phase, requests: this.requests, items: this.items },
      state,
      this.iso(),
      error,
    );
    // People first, so a board that reloads on the final progress event sees every row.
    this.reporter.flush();
    const waitOver = this.reporter.current.waitingUntil ? { waitingUntil: null } : {};
    this.reporter.update({ state, phase, error, ...waitOver, ...(state === 'done' ? { done: this.items, total: this.items } : {}) });
    if (state === 'done') this.deps.emit('accounts.changed', { accounts: accountsRepo(db).list() });
  }
}
