// A clock that moves only when something sleeps on it: a core and a fake given the same clock see
// a 15-minute rate-limit window pass at once, while the test still reads every wait that was asked
// for. `hold()` keeps sleepers waiting (until `release()` or their signal aborts), for tests that
// must act in the middle of a wait (cancel it, restart the core).

export class VirtualClock {
  /** Every sleep asked for, in ms, in order. */
  readonly sleeps: number[] = [];
  private current: number;
  private holding = false;
  private readonly held = new Set<() => void>();

  constructor(start = Date.now()) {
    this.current = start;
  }

  readonly now = (): number => this.current;

  readonly sleep = (ms: number, signal?: AbortSignal): Promise<void> => {
    if (signal?.aborted) return Promise.reject(signal.reason);
    this.sleeps.push(ms);
    if (!this.holding) {
      this.advance(ms);
      // A macrotask, as a real timer would be: whatever else is ready runs first.
      return new Promise((resolve) => setImmediate(resolve));
    }
    return new Promise((resolve, reject) => {
      const wake = () => {
        signal?.removeEventListener('abort', onAbort);
        this.held.delete(wake);
        this.advance(ms);
        resolve();
      };
      const onAbort = () => {
        this.held.delete(wake);
        reject(signal?.reason);
      };
      this.held.add(wake);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  };

  advance(ms: number): void {
    this.current += Math.max(0, ms);
  }

  hold(): void {
    this.holding = true;
  }

  /** Lets every held sleeper go on (each moves the clock by its own wait), and stops holding. */
  release(): void {
    this.holding = false;
    for (const wake of [...this.held]) wake();
  }
}
