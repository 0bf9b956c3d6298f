// Who is waiting for a rate limit, and until when. The HTTP layer (and a module's own limit rule,
// such as GitHub's 403 answers) reports each wait under the caller's AbortSignal; a sync job
// watches its own signal, so its progress bar can say "waiting until 14:05" for its requests only.

/** Told when a wait starts (until: epoch ms) and when it is over (until: null). */
export type LimitWaitListener = (until: number | null) => void;

export class RateLimitWaits {
  private readonly watchers = new Map<AbortSignal, Set<LimitWaitListener>>();

  /** A request under `signal` waits until `until` (epoch ms), or has stopped waiting (null). */
  report(signal: AbortSignal | undefined, until: number | null): void {
    if (!signal) return;
    for (const listener of this.watchers.get(signal) ?? []) listener(until);
  }

  /** Hears the waits of requests sent under `signal`; returns the way to stop hearing them. */
  watch(signal: AbortSignal, listener: LimitWaitListener): () => void {
    let listeners = this.watchers.get(signal);
    if (!listeners) {
      listeners = new Set();
      this.watchers.set(signal, listeners);
    }
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0 && this.watchers.get(signal) === listeners) this.watchers.delete(signal);
    };
  }

  /** Reports the wait, sleeps through it and reports its end, even when the sleep is aborted. */
  async waitOut(signal: AbortSignal | undefined, until: number, sleep: () => Promise<void>): Promise<void> {
    this.report(signal, until);
    try {
      await sleep();
    } finally {
      this.report(signal, null);
    }
  }
}
