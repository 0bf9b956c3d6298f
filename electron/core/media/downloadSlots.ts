// At most N downloads at once for the whole core: the sync's avatars, the board's on-demand ones
// and a drawer's banner share the same few slots, so no caller can fan out a burst of requests
// (or of abort listeners on one signal). Waiting tasks hold nothing but their place in line.

export class DownloadSlots {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(readonly size: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.size) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      // The slot passes straight to the next task, so `running` stays counted.
      if (next) next();
      else this.running--;
    }
  }
}
