// The OAuth redirect target for a desktop app (RFC 8252 §7.3): an HTTP server on 127.0.0.1 with a
// port the OS picks, alive only for one sign-in. It accepts one `/callback?code=…&state=…` whose
// state matches, answers the browser with a small static page, and closes. A request with the
// wrong state (another tab, a forged link) is refused without ending the wait.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RapportError } from '../../../shared/api/errors';

export const CALLBACK_PATH = '/callback';
const DEFAULT_TIMEOUT_MS = 10 * 60_000;

export interface AuthorizationGrant {
  code: string;
}

function page(title: string, message: string): string {
  // Static text only: nothing from the query string is ever echoed into this page.
  return (
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>` +
    '<style>body{font:16px system-ui,sans-serif;margin:4rem auto;max-width:32rem;color:#222}</style></head>' +
    `<body><h1>${title}</h1><p>${message}</p></body></html>`
  );
}

const SECURITY_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
};

export class LoopbackRedirectServer {
  private settled = false;
  private readonly result: Promise<AuthorizationGrant>;
  private resolveResult!: (grant: AuthorizationGrant) => void;
  private rejectResult!: (error: unknown) => void;
  private timer: NodeJS.Timeout | null = null;
  /** Settles once the listening socket is closed. */
  private closed: Promise<void> = Promise.resolve();

  private constructor(
    private readonly server: Server,
    readonly redirectUri: string,
    private readonly expectedState: string,
    /** How the user knows the server, in sentences ("your Example server"). */
    private readonly serverName: string,
  ) {
    this.result = new Promise<AuthorizationGrant>((resolve, reject) => {
      this.resolveResult = resolve;
      this.rejectResult = reject;
    });
    // Nobody may be awaiting yet; the rejection is delivered by waitForGrant.
    this.result.catch(() => undefined);
  }

  /**
   * Listens on 127.0.0.1:<random port>. `state` is the value the callback must carry; `serverName`
   * says whose page it was in a refusal ("your Example server"; default "the server").
   */
  static async start(options: { state: string; timeoutMs?: number; serverName?: string; port?: number }): Promise<LoopbackRedirectServer> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      // A fixed port for servers that match the registered callback exactly (X); else the OS picks.
      server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    const instance = new LoopbackRedirectServer(server, `http://127.0.0.1:${port}${CALLBACK_PATH}`, options.state, options.serverName ?? 'the server');
    server.on('request', (req, res) => instance.handle(req, res));
    instance.timer = setTimeout(
      () => instance.finish(new RapportError('AUTH_EXPIRED', 'The sign-in was not completed in the browser in time. Start it again.')),
      options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    );
    instance.timer.unref();
    return instance;
  }

  /** Resolves with the code once the browser comes back; rejects on denial, timeout or abort. */
  waitForGrant(signal?: AbortSignal): Promise<AuthorizationGrant> {
    if (signal) {
      if (signal.aborted) this.finish(signal.reason);
      else signal.addEventListener('abort', () => this.finish(signal.reason), { once: true });
    }
    return this.result;
  }

  /** Stops listening (idempotent). A pending wait ends with a cancellation error. */
  async close(): Promise<void> {
    this.finish(new RapportError('CONFLICT', 'The sign-in was cancelled.'));
    await this.closed;
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method !== 'GET' || url.pathname !== CALLBACK_PATH) {
      res.writeHead(404, SECURITY_HEADERS).end(page('Not found', 'This address only receives a sign-in.'));
      return;
    }
    if (this.settled) {
      res.writeHead(410, SECURITY_HEADERS).end(page('Already done', 'This sign-in has already finished. You can close this tab.'));
      return;
    }
    if (url.searchParams.get('state') !== this.expectedState) {
      res.writeHead(400, SECURITY_HEADERS).end(page('Not recognised', 'This answer does not belong to the sign-in Rapport started. You can close this tab.'));
      return;
    }
    const error = url.searchParams.get('error');
    if (error) {
      res.writeHead(200, SECURITY_HEADERS).end(page('Sign-in cancelled', 'Rapport was not given access. You can close this tab.'));
      this.finish(
        new RapportError(
          'AUTH_EXPIRED',
          error === 'access_denied'
            ? `You declined access on ${this.serverName}.`
            : `${this.serverName.charAt(0).toUpperCase()}${this.serverName.slice(1)} refused the sign-in. Try again.`,
        ),
      );
      return;
    }
    const code = url.searchParams.get('code');
    if (!code) {
      res.writeHead(400, SECURITY_HEADERS).end(page('Missing code', 'The server sent no authorization code. Start the sign-in again from Rapport.'));
      return;
    }
    res.writeHead(200, { ...SECURITY_HEADERS, connection: 'close' }).end(page('Signed in', 'Rapport is connected. You can close this tab.'));
    this.finish(null, { code });
  }

  private finish(error: unknown, grant?: AuthorizationGrant): void {
    if (this.settled) return;
    this.settled = true;
    if (this.timer) clearTimeout(this.timer);
    if (grant) this.resolveResult(grant);
    else this.rejectResult(error);
    // Close after the answer has been written; keep-alive sockets are cut so the port frees now.
    this.closed = new Promise<void>((resolve) => {
      setImmediate(() => {
        this.server.close(() => resolve());
        this.server.closeIdleConnections();
      });
    });
  }
}
