// The HTTP plumbing every network fake shares: listen on 127.0.0.1 only (tests never leave the
// machine), on a random port, and close every connection on stop so a test never hangs on a
// keep-alive socket.
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export class LoopbackServer {
  private server: Server | null = null;
  private lastOrigin = '';

  constructor(
    private readonly name: string,
    private readonly listener: RequestListener,
  ) {}

  get running(): boolean {
    return this.server !== null;
  }

  /** `http://127.0.0.1:<port>` of the current (or last) run. */
  get origin(): string {
    return this.lastOrigin;
  }

  /** The origin, for callers that must not use a stopped fake. */
  get url(): string {
    if (!this.server) throw new Error(`${this.name} is not started`);
    return this.lastOrigin;
  }

  async start(port = 0): Promise<string> {
    const server = createServer(this.listener);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.lastOrigin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return this.lastOrigin;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** How many items fall under each key — a fake's request log per endpoint. */
export function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) {
    const k = key(item);
    counts[k] = (counts[k] ?? 0) + 1;
  }
  return counts;
}
