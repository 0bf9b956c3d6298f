// A fake Bluesky (PDS + AppView + chat service in one) on 127.0.0.1, serving the XRPC methods
// Rapport uses from in-memory state. Tests drive the real provider against it and bend it through
// `knobs`; `requests` records what was asked, per method, without any credentials.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { countBy, LoopbackServer } from '../loopbackServer';
import { FakeSessions } from './fakeBlueskyAuth';
import { chatRoutes } from './fakeBlueskyChatRoutes';
import { graphRoutes } from './fakeBlueskyGraphRoutes';
import { notificationRoutes } from './fakeBlueskyNotificationRoutes';
import { defaultKnobs, type FakeBlueskyKnobs } from './fakeBlueskyKnobs';
import { FakeBlueskyState } from './fakeBlueskyState';
import { profileViewDetailed } from './fakeBlueskyViews';
import { XrpcFailure, type RouteContext, type XrpcHandler, type XrpcRequest } from './fakeBlueskyXrpc';

export interface FakeRequestLogEntry {
  /** XRPC method, or the path for non-XRPC requests (avatars). */
  endpoint: string;
  httpMethod: string;
  status: number;
  /** The write was applied and the connection then destroyed on purpose. */
  dropped: boolean;
}

export interface FakeBlueskyOptions {
  handle?: string;
  password?: string;
  email?: string;
  seed?: number;
  /** The clock of the rate-limit window; a test shares it with the client's sleep to wait no real time. */
  now?: () => number;
}

/** A few bytes that start like a JPEG: enough for a media cache to store and serve. */
const TINY_JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
  'base64',
);

const WRITE_METHODS = new Set(['com.atproto.repo.createRecord', 'com.atproto.repo.deleteRecord', 'chat.bsky.convo.sendMessage']);

export class FakeBluesky {
  readonly state: FakeBlueskyState;
  readonly knobs: FakeBlueskyKnobs = defaultKnobs();
  readonly sessions = new FakeSessions();
  readonly requests: FakeRequestLogEntry[] = [];
  private readonly http = new LoopbackServer('fake bluesky', (req, res) => void this.handle(req, res));
  private window = { startedAt: 0, used: 0 };
  private readonly routes: Record<string, XrpcHandler>;
  private readonly now: () => number;

  constructor(options: FakeBlueskyOptions = {}) {
    this.state = new FakeBlueskyState(options);
    this.now = options.now ?? Date.now;
    this.routes = {
      ...graphRoutes,
      ...chatRoutes,
      ...notificationRoutes,
      'com.atproto.server.createSession': (_ctx, req) => this.createSession(req),
      'com.atproto.server.refreshSession': (_ctx, req) => this.refreshSession(req),
      'com.atproto.server.getSession': (_ctx, req) => this.getSession(req),
    };
  }

  get url(): string {
    return this.http.url;
  }

  private get origin(): string {
    return this.http.origin;
  }

  start(port = 0): Promise<string> {
    return this.http.start(port);
  }

  stop(): Promise<void> {
    return this.http.stop();
  }

  /** Requests per endpoint so far. */
  countOf(endpoint: string): number {
    return this.requests.filter((r) => r.endpoint === endpoint).length;
  }

  countsByEndpoint(): Record<string, number> {
    return countBy(this.requests, (r) => r.endpoint);
  }

  private createSession(req: XrpcRequest): unknown {
    const { identifier, password } = req.body;
    const self = this.state.self;
    const matches = identifier === self.handle || identifier === self.did || identifier === this.state.email;
    if (!matches || password !== this.state.password) throw new XrpcFailure(401, 'AuthenticationRequired', 'Invalid identifier or password');
    return { ...this.sessions.issue(self.did), did: self.did, handle: self.handle, email: this.state.email, emailConfirmed: true, active: true };
  }

  private refreshSession(req: XrpcRequest): unknown {
    const rotated = this.sessions.rotate(req.headers.authorization);
    if (!rotated) throw new XrpcFailure(400, 'ExpiredToken', 'Token has expired');
    const actor = this.state.actors.get(rotated.did)!;
    return { accessJwt: rotated.accessJwt, refreshJwt: rotated.refreshJwt, did: actor.did, handle: actor.handle, active: true };
  }

  private getSession(req: XrpcRequest): unknown {
    const actor = this.state.actors.get(req.viewerDid ?? '')!;
    return { did: actor.did, handle: actor.handle, email: this.state.email, emailConfirmed: true, active: true };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.origin);
    const xrpc = /^\/xrpc\/([a-zA-Z0-9.]+)$/.exec(url.pathname);
    const endpoint = xrpc?.[1] ?? url.pathname;
    const httpMethod = req.method ?? 'GET';
    const log = (status: number, dropped = false) => this.requests.push({ endpoint, httpMethod, status, dropped });
    const rawBody = await readBody(req);
    if (this.knobs.latencyMs > 0) await new Promise((r) => setTimeout(r, this.knobs.latencyMs));

    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      log(status);
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...this.rateLimitHeaders(), ...headers });
      res.end(JSON.stringify(body));
    };

    if (this.consumeKnob(this.knobs.tooManyRequests, endpoint)) {
      send(429, { error: 'RateLimitExceeded', message: 'Rate Limit Exceeded' }, { 'retry-after': String(this.knobs.tooManyRequests.retryAfterSeconds) });
      return;
    }
    if (this.consumeKnob(this.knobs.serverErrors, endpoint)) {
      send(this.knobs.serverErrors.status, { error: 'InternalServerError', message: 'Internal Server Error' });
      return;
    }
    if (this.spendRateLimit()) {
      send(429, { error: 'RateLimitExceeded', message: 'Rate Limit Exceeded' });
      return;
    }

    if (!xrpc) {
      this.serveMedia(url.pathname, res, log);
      return;
    }
    const handler = this.routes[endpoint];
    if (!handler) {
      send(501, { error: 'MethodNotImplemented', message: `Method Not Implemented: ${endpoint}` });
      return;
    }
    try {
      const body = rawBody.length > 0 ? parseJsonObject(rawBody) : {};
      const viewerDid = this.authenticate(endpoint, req);
      const ctx: RouteContext = { state: this.state, origin: this.knobs.avatarOrigin ?? this.origin, knobs: this.knobs };
      const result = handler(ctx, { nsid: endpoint, params: url.searchParams, body, headers: req.headers, viewerDid });
      if (WRITE_METHODS.has(endpoint) && this.knobs.dropAfterCommit.count > 0 && this.knobs.dropAfterCommit.methods.includes(endpoint)) {
        this.knobs.dropAfterCommit.count--;
        log(200, true);
        req.socket.destroy();
        return;
      }
      send(200, result);
    } catch (error) {
      if (error instanceof XrpcFailure) send(error.status, { error: error.error, message: error.message });
      else send(500, { error: 'InternalServerError', message: String(error) });
    }
  }

  /** DID of the caller, or throws the XRPC error the PDS would send. */
  private authenticate(endpoint: string, req: IncomingMessage): string | null {
    if (endpoint === 'com.atproto.server.createSession' || endpoint === 'com.atproto.identity.resolveHandle') return null;
    if (endpoint === 'com.atproto.server.refreshSession') return this.sessions.refreshOwner(req.headers.authorization);
    const check = this.sessions.checkAccess(req.headers.authorization, this.knobs.accessTokenUses);
    if (!check.ok) throw new XrpcFailure(check.status, check.error, check.message);
    return check.did;
  }

  private consumeKnob(knob: { count: number; methods?: string[] }, endpoint: string): boolean {
    if (knob.count <= 0) return false;
    if (knob.methods && !knob.methods.includes(endpoint)) return false;
    knob.count--;
    return true;
  }

  /** True when this request is over the window's limit. */
  private spendRateLimit(): boolean {
    const limit = this.knobs.rateLimit;
    if (!limit) return false;
    const now = this.now();
    if (now - this.window.startedAt >= limit.windowMs) this.window = { startedAt: now, used: 0 };
    this.window.used++;
    return this.window.used > limit.limit;
  }

  private rateLimitHeaders(): Record<string, string> {
    const limit = this.knobs.rateLimit;
    if (!limit) return {};
    return {
      'ratelimit-limit': String(limit.limit),
      'ratelimit-remaining': String(Math.max(0, limit.limit - this.window.used)),
      'ratelimit-reset': String(Math.ceil((this.window.startedAt + limit.windowMs) / 1000)),
      'ratelimit-policy': `${limit.limit};w=${Math.round(limit.windowMs / 1000)}`,
    };
  }

  private serveMedia(path: string, res: ServerResponse, log: (status: number) => void): void {
    if (path.startsWith('/img/avatar/')) {
      log(200);
      res.writeHead(200, { 'content-type': 'image/jpeg' });
      res.end(TINY_JPEG);
    } else if (path === '/img/huge.jpg') {
      log(200);
      res.writeHead(200, { 'content-type': 'image/jpeg' });
      res.end(Buffer.alloc(6 * 1024 * 1024));
    } else if (path === '/page.html') {
      log(200);
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html><script>alert(1)</script></html>');
    } else {
      log(404);
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  }

  /** Profile of any actor as getProfile would show it (ignoring status), for assertions. */
  profileOf(did: string): Record<string, unknown> {
    const actor = this.state.actors.get(did);
    if (!actor) throw new Error(`fake bluesky: no actor ${did}`);
    return profileViewDetailed({ state: this.state, origin: this.origin }, actor);
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function parseJsonObject(raw: Buffer): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(raw.toString('utf8'));
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new XrpcFailure(400, 'InvalidRequest', 'Request body must be a JSON object');
}
