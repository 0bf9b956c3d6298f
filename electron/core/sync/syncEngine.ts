// Owns the sync jobs of a core: at most one per account, started, cancelled and observed here,
// plus on-demand enrichment (avatars, recent posts) for people the UI shows that the sync's
// first pass did not cover.
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { SyncProgress } from '../../../shared/domain';
import { RapportError } from '../../../shared/api/errors';
import type { EventMap, EventName } from '../../../shared/api/events';
import { DownloadSlots } from '../media/downloadSlots';
import { MEDIA_CONCURRENCY, MediaCache } from '../media/mediaCache';
import { accountsRepo } from '../repos/accountsRepo';
import { syncStateRepo, type SyncRun } from '../repos/syncStateRepo';
import { ProfileEnrichment } from './profileEnrichment';
import { logError } from '../errorLog';
import { ProviderRegistry } from './providerRegistry';
import { SyncJob } from './syncJob';

export interface SyncEngineOptions {
  db: Database.Database;
  mediaDir: string;
  emit<E extends EventName>(event: E, payload: EventMap[E]): void;
  now(): number;
  /** Builds providers; a registry without secret storage when not given (the sample network only). */
  providers?: ProviderRegistry;
}

/** Where the media cache remembers images that failed, so later syncs skip them. */
export const FAILED_MEDIA_INDEX = 'failed-media.json';

export const INTERRUPTED_ERROR = {
  code: 'INTERRUPTED',
  message: 'Rapport stopped during this sync; it went on from where it stopped.',
} as const;

function progressOfRun(run: SyncRun): SyncProgress {
  return {
    accountId: run.accountId,
    runId: run.id,
    state: run.state,
    phase: run.phase,
    done: run.items,
    total: run.state === 'done' ? run.items : null,
    pages: run.requests,
    startedAt: run.startedAt,
    error: run.errorCode ? { code: run.errorCode, message: run.errorMessage ?? '' } : null,
  };
}

export class SyncEngine {
  readonly providers: ProviderRegistry;
  private readonly jobs = new Map<number, SyncJob>();
  /**
   * The last progress event of each account's latest run in this core, so getSyncStatus answers
   * exactly what the window was last told (the run's row keeps fewer figures).
   */
  private readonly lastProgress = new Map<number, SyncProgress>();
  private readonly enrichment: ProfileEnrichment;
  /** On-demand work in flight, so close() can wait for it before the db goes away. */
  private readonly background = new Set<Promise<unknown>>();
  private readonly backgroundAbort = new AbortController();
  /** On-demand recent posts share a few slots, like media: a drawer opened 50 times is 50 waits, not 50 requests at once. */
  private readonly postSlots = new DownloadSlots(MEDIA_CONCURRENCY);
  private closed = false;

  constructor(private readonly options: SyncEngineOptions) {
    this.providers = options.providers ?? new ProviderRegistry();
    const media = new MediaCache(options.mediaDir, { memoFile: path.join(options.mediaDir, FAILED_MEDIA_INDEX), now: options.now });
    this.enrichment = new ProfileEnrichment(options.db, media, options.now);
  }

  /** Resolves when background avatar downloads have settled (tests and benches wait on it). */
  whenMediaIdle(): Promise<void> {
    return this.enrichment.whenIdle();
  }

  private account(accountId: number) {
    const account = accountsRepo(this.options.db).get(accountId);
    if (!account) throw new RapportError('NOT_FOUND', `There is no account ${accountId}.`);
    return account;
  }

  /** Starts a sync in the background and returns its first progress. CONFLICT if one runs. */
  start(accountId: number, options: { full?: boolean } = {}): SyncProgress {
    if (this.closed) throw new RapportError('CONFLICT', 'Rapport is shutting down.');
    const account = this.account(accountId);
    if (this.jobs.has(accountId)) throw new RapportError('CONFLICT', 'A sync of this account is already running.');
    const job = new SyncJob({
      db: this.options.db,
      account,
      provider: this.providers.forAccount(account),
      enrichment: this.enrichment,
      emit: this.emitFromJob,
      now: this.options.now,
      walkMode: options.full ? 'full' : 'auto',
      limitWaits: this.providers.limitWaits,
    });
    this.jobs.set(accountId, job);
    void job.finished.then(() => {
      if (this.jobs.get(accountId) === job) this.jobs.delete(accountId);
    });
    return job.progress;
  }

  /** Asks a running sync to stop at its next safe point; false if none was running. */
  cancel(accountId: number): boolean {
    this.account(accountId);
    const job = this.jobs.get(accountId);
    if (!job) return false;
    job.abort('cancel');
    return true;
  }

  /** Cancels and waits until the job has let go of the account (before removing it). */
  async cancelAndWait(accountId: number): Promise<void> {
    const job = this.jobs.get(accountId);
    if (!job) return;
    job.abort('cancel');
    await job.finished;
  }

  /** The account's latest run as its last progress event said (kept on the run's row for a restart). */
  status(accountId: number): SyncProgress | null {
    this.account(accountId);
    const last = this.lastProgress.get(accountId);
    const job = this.jobs.get(accountId);
    if (job) return last?.runId === job.run.id ? last : job.progress;
    const run = syncStateRepo(this.options.db).latestRun(accountId);
    if (!run) return null;
    if (last?.runId === run.id) return last;
    return run.lastProgress ?? progressOfRun(run);
  }

  private readonly emitFromJob = <E extends EventName>(event: E, payload: EventMap[E]): void => {
    if (event === 'sync.progress') {
      const progress = payload as SyncProgress;
      this.lastProgress.set(progress.accountId, progress);
      // A finished run's last word is kept on its row: after a restart getSyncStatus says the same.
      if (progress.state !== 'running' && this.options.db.open) syncStateRepo(this.options.db).saveLastProgress(progress);
    }
    this.options.emit(event, payload);
  };

  isRunning(accountId: number): boolean {
    return this.jobs.has(accountId);
  }

  /** Resolves when the account's current sync (if any) has stopped. */
  async whenIdle(accountId: number): Promise<void> {
    await this.jobs.get(accountId)?.finished;
  }

  /**
   * Runs still marked 'running' belong to a core that died or quit mid-sync. We resume them
   * rather than wait for the user: an interrupted first import would otherwise leave a
   * half-filled board with no visible reason, and the walk's checkpoint makes resuming cheap.
   * The old run is closed as cancelled with an INTERRUPTED note so history stays truthful.
   */
  resumeInterrupted(): number[] {
    const states = syncStateRepo(this.options.db);
    const resumed: number[] = [];
    for (const run of states.runningRuns()) {
      states.finishRun(run, 'cancelled', new Date(this.options.now()).toISOString(), INTERRUPTED_ERROR);
      if (this.jobs.has(run.accountId) || resumed.includes(run.accountId)) continue;
      try {
        this.start(run.accountId);
        resumed.push(run.accountId);
      } catch (error) {
        // One account that cannot sync (e.g. its network is gone) must not keep core from starting.
        logError(`[rapport core] could not resume the sync of account ${run.accountId}`, error);
      }
    }
    return resumed;
  }

  /**
   * Caches the avatars of these people (those the board is showing) in the background and
   * announces the ones that changed with people.changed.
   */
  ensureAvatars(accountId: number, personIds: number[]): Promise<number[]> {
    if (this.closed) return Promise.resolve([]);
    const missing = this.enrichment.avatarsMissing(personIds);
    if (missing.length === 0) return Promise.resolve([]);
    return this.track(async () => {
      const provider = await this.providers.forAccount(this.account(accountId));
      return this.enrichment.cacheAvatarsInBackground(provider, missing, (cached) => {
        if (!this.closed) this.options.emit('people.changed', { accountId, personIds: cached });
      });
    });
  }

  /** Fetches a person's recent posts when none are cached (the drawer opened on them). */
  ensureRecentPosts(accountId: number, personId: number): Promise<boolean> {
    if (this.closed) return Promise.resolve(false);
    const candidate = this.enrichment.postsMissing(personId);
    if (!candidate) return Promise.resolve(false);
    return this.track(async () => {
      const provider = await this.providers.forAccount(this.account(accountId));
      const stored = await this.postSlots.run(() => this.enrichment.fetchPosts(provider, [candidate], this.backgroundAbort.signal));
      if (stored.length > 0 && !this.closed) this.options.emit('people.changed', { accountId, personIds: stored });
      return stored.length > 0;
    });
  }

  /** Stops every job at a safe point (left resumable) and waits for all work to settle. */
  async close(): Promise<void> {
    this.closed = true;
    this.backgroundAbort.abort();
    const jobs = [...this.jobs.values()];
    for (const job of jobs) job.abort('shutdown');
    await Promise.all(jobs.map((job) => job.finished));
    await Promise.allSettled([...this.background]);
    await this.enrichment.close();
  }

  private track<T>(work: () => Promise<T>): Promise<T> {
    const promise = work();
    this.background.add(promise);
    void promise.then(
      () => this.background.delete(promise),
      () => this.background.delete(promise),
    );
    return promise;
  }
}
