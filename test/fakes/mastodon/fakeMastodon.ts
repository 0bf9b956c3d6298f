// A fake Mastodon instance on 127.0.0.1: OAuth (apps, authorize, token with PKCE, discovery) and
// the REST endpoints Rapport uses, from in-memory state. Tests drive the real provider and sign-in
// flow against it and bend it through `knobs`; `requests` logs each request by normalised route
// (never with credentials).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { countBy, LoopbackServer } from '../loopbackServer';
import { defaultMastodonKnobs, type FakeMastodonKnobs } from './fakeMastodonKnobs';
import { FakeOAuth, hasScope, OAuthFailure } from './fakeMastodonOAuth';
import { notificationRoutes } from './fakeMastodonNotificationRoutes';
import { mastodonRoutes, RouteFailure, type Route, type RouteAnswer, type RouteContext } from './fakeMastodonRoutes';
import { FakeMastodonState } from './fakeMastodonState';

export interface FakeMastodonRequestLogEntry {
  /** Normalised route, e.g. "GET /api/v1/accounts/:id/followers". */
  route: string;
  status: number;
  /** The write was applied and the connection then destroyed on purpose. */
  dropped: boolean;
}

export interface FakeMastodonOptions {
  username?: string;
  domain?: string;
  seed?: number;
}

/** A 1×1 transparent PNG. */
const TINY_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

export class FakeMastodon {
  readonly state: FakeMastodonState;
  readonly knobs: FakeMastodonKnobs = defaultMastodonKnobs();
  readonly oauth: FakeOAuth;
  readonly requests: FakeMastodonRequestLogEntry[] = [];
  private readonly http = new LoopbackServer('fake mastodon', (req, res) => void this.handle(req, res));
  private window = { startedAt: 0, used: 0 };

  constructor(options: FakeMastodonOptions = {}) {
    this.state = new FakeMastodonState(options);
    this.oauth = new FakeOAuth(this.knobs);
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

  countOf(route: string): number {
    return this.requests.filter((r) => r.route === route).length;
  }

  countsByRoute(): Record<string, number> {
    return countBy(this.requests, (r) => r.route);
  }

  /** An access token for the signed-in user without the browser dance (for provider tests). */
  issueToken(scopes = 'read:accounts read:follows write:follows read:statuses write:statuses write:accounts read:notifications'): string {
    const app = this.oauth.registerApp({ client_name: 'test', redirect_uris: 'urn:ietf:wg:oauth:2.0:oob', scopes });
    const access = `test-token-${app.clientId}`;
    this.oauth.tokens.set(access, { clientId: app.clientId, scopes: scopes.split(' '), accountId: this.state.self.id, revoked: false });
    this.oauth.issuedSecrets.push(access);
    return access;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.origin);
    const method = (req.method ?? 'GET').toUpperCase();
    const rawBody = await readBody(req);
    if (this.knobs.latencyMs > 0) await new Promise((r) => setTimeout(r, this.knobs.latencyMs));
    const route = this.routeOf(method, url.pathname);
    const routeName = route?.name ?? `${method} ${url.pathname.replace(/\/\d+(?=\/|$|\.)/g, '/:id')}`;
    const log = (status: number, dropped = false) => this.requests.push({ route: routeName, status, dropped });
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      log(status);
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...this.rateLimitHeaders(), ...headers });
      res.end(JSON.stringify(body));
    };
    const html = (status: number, text: string) => {
      log(status);
      res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
      res.end(text);
    };

    const isApi = url.pathname.startsWith('/api/') || url.pathname.startsWith('/oauth/token');
    if (isApi && this.consume(this.knobs.tooManyRequests, routeName)) {
      send(429, { error: 'Too many requests' }, { 'retry-after': String(this.knobs.tooManyRequests.retryAfterSeconds) });
      return;
    }
    if (isApi && this.consume(this.knobs.serverErrors, routeName)) {
      html(this.knobs.serverErrors.status, '<html><body>We\'re sorry, but something went wrong on our end.</body></html>');
      return;
    }
    if (isApi && this.spendRateLimit()) {
      send(429, { error: 'Too many requests' });
      return;
    }

    let body: Record<string, unknown>;
    try {
      body = parseBody(rawBody, req.headers['content-type']);
    } catch {
      send(400, { error: 'Malformed request body' });
      return;
    }

    try {
      if (method === 'GET' && url.pathname === '/.well-known/oauth-authorization-server') {
        if (!this.knobs.discovery) return html(404, '<h1>The page you are looking for isn\'t here.</h1>');
        return send(200, this.oauth.discoveryDocument(this.origin));
      }
      if (method === 'POST' && url.pathname === '/api/v1/apps') {
        const app = this.oauth.registerApp(body);
        return send(200, {
          id: String(this.oauth.apps.size),
          name: app.name,
          website: body.website ?? null,
          scopes: app.scopes,
          redirect_uri: app.redirectUris.join('\n'),
          redirect_uris: app.redirectUris,
          client_id: app.clientId,
          client_secret: app.clientSecret,
          client_secret_expires_at: 0,
          vapid_key: 'BCk-fake-vapid',
        });
      }
      if (method === 'GET' && url.pathname === '/oauth/authorize') {
        const outcome = this.oauth.authorize(url.searchParams);
        if (outcome.kind === 'page') return html(outcome.status, outcome.html);
        log(302);
        res.writeHead(302, { location: outcome.location, 'content-type': 'text/html' });
        res.end('<html><body>You are being redirected.</body></html>');
        return;
      }
      if (method === 'POST' && url.pathname === '/oauth/token') {
        return send(200, this.oauth.exchange(stringFields(body), this.state.self.id), { 'cache-control': 'no-store' });
      }
      if (method === 'POST' && url.pathname === '/oauth/revoke') {
        this.oauth.revoke(stringFields(body));
        return send(200, {});
      }
      if (method === 'GET' && (url.pathname.startsWith('/avatars/') || url.pathname.startsWith('/emoji/'))) {
        log(200);
        res.writeHead(200, { 'content-type': 'image/png' });
        res.end(TINY_PNG);
        return;
      }
      if (!route) return send(404, { error: 'Record not found' });

      const token = this.oauth.check(req.headers.authorization);
      if (!token) return send(401, { error: 'The access token is invalid' });
      if (!hasScope(token.scopes, route.scope)) return send(403, { error: 'This action is outside the authorized scopes' });
      const ctx: RouteContext = { state: this.state, origin: this.origin, knobs: this.knobs };
      const id = route.pattern.exec(url.pathname)?.[1] ?? '';
      const answer: RouteAnswer = route.handle(ctx, { params: url.searchParams, body, headers: req.headers, id, url });
      if (route.write && this.knobs.dropAfterCommit.count > 0 && this.knobs.dropAfterCommit.routes.includes(route.name)) {
        this.knobs.dropAfterCommit.count--;
        log(200, true);
        req.socket.destroy();
        return;
      }
      send(answer.status ?? 200, answer.body, answer.headers);
    } catch (error) {
      if (error instanceof RouteFailure) send(error.status, { error: error.error });
      else if (error instanceof OAuthFailure) {
        send(error.status, error.description ? { error: error.error, error_description: error.description } : { error: error.error });
      } else send(500, { error: String(error) });
    }
  }

  private routeOf(method: string, path: string): Route | undefined {
    return [...mastodonRoutes, ...notificationRoutes].find((r) => r.method === method && r.pattern.test(path));
  }

  private consume(knob: { count: number; routes?: string[] }, route: string): boolean {
    if (knob.count <= 0) return false;
    if (knob.routes && !knob.routes.includes(route)) return false;
    knob.count--;
    return true;
  }

  private spendRateLimit(): boolean {
    const limit = this.knobs.rateLimit;
    if (!limit) return false;
    const now = Date.now();
    if (now - this.window.startedAt >= limit.windowMs) this.window = { startedAt: now, used: 0 };
    this.window.used++;
    return this.window.used > limit.limit;
  }

  /** Mastodon's headers: X-RateLimit-Reset is an ISO-8601 time, not epoch seconds. */
  private rateLimitHeaders(): Record<string, string> {
    const limit = this.knobs.rateLimit;
    if (!limit) return {};
    return {
      'x-ratelimit-limit': String(limit.limit),
      'x-ratelimit-remaining': String(Math.max(0, limit.limit - this.window.used)),
      'x-ratelimit-reset': new Date(this.window.startedAt + limit.windowMs).toISOString(),
    };
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

/** JSON or application/x-www-form-urlencoded, as Rails accepts both. */
function parseBody(raw: Buffer, contentType: string | undefined): Record<string, unknown> {
  if (raw.length === 0) return {};
  const text = raw.toString('utf8');
  if ((contentType ?? '').includes('application/x-www-form-urlencoded')) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of new URLSearchParams(text)) {
      if (k.endsWith('[]')) {
        const key = k.slice(0, -2);
        out[key] = [...((out[key] as string[] | undefined) ?? []), v];
      } else out[k] = v;
    }
    return out;
  }
  const parsed: unknown = JSON.parse(text);
  if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  throw new Error('not an object');
}

function stringFields(body: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) if (typeof v === 'string') out[k] = v;
  return out;
}
