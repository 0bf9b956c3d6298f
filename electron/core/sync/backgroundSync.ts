// Syncs every account when the app opens and every N minutes while core runs, so new followers
// appear without a click.
// An account whose sync is already running is skipped; failures show in its sync status as usual.
import type { Account } from '../../../shared/domain';
import type { SyncEngine } from './syncEngine';
import { logError } from '../errorLog';

export class BackgroundSync {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly engine: SyncEngine,
    private readonly accounts: () => Account[],
    private readonly everyMinutes: number,
  ) {}

  /**
   * `syncNow`: the app syncs every account as it opens (new followers since last time show up
   * without a click); tests and the harness leave it off and sync when asked.
   */
  start(options: { syncNow?: boolean } = {}): void {
    if (options.syncNow) this.tick();
    if (this.everyMinutes <= 0 || this.timer) return;
    this.timer = setInterval(() => this.tick(), this.everyMinutes * 60_000);
    this.timer.unref();
  }

  /** Starts a sync of each idle account; returns the ids started. */
  tick(): number[] {
    const started: number[] = [];
    for (const account of this.accounts()) {
      if (this.engine.isRunning(account.id)) continue;
      try {
        this.engine.start(account.id);
        started.push(account.id);
      } catch (error) {
        logError(`[rapport core] background sync of account ${account.id} did not start`, error);
      }
    }
    return started;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
