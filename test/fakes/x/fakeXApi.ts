// A fake X API v2 on 127.0.0.1, answering the way developer.x.com documents it:
// - GET /2/users/me (user context only: an app-only bearer gets 403 Unsupported Authentication),
//   /2/users/:id, /2/users/by/username/:username, /2/users?ids= (at most 100; unknown and
//   suspended ids come back in `errors`, the rest in `data`);
// - GET /2/users/:id/followers and /following: max_results 1–1000 (default 100), `meta.next_token`,
//   the next page asked for with `pagination_token`; protected users are listed like any other;
// - user.fields picks the fields beyond id, name and username;
// - rate limits per token and endpoint family (each follow list 15 per 15 minutes by default) in
//   x-rate-limit-limit / -remaining / -reset (epoch seconds); a spent window answers 429;
// - 401 for a missing or unknown token;
// - OAuth 2.0 with PKCE: GET /i/oauth2/authorize approves at once and redirects with code and state
//   (the callback must be registered exactly, as X requires), POST /2/oauth2/token checks S256;
//   user tokens expire (expires_in) and offline.access brings a single-use refresh token.
// Tests bend it through `knobs` and `clock` (a test's virtual time: windows and token lifetimes
// pass when the test's clock says so); `requests` logs each request by route, never with credentials.
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { countBy, LoopbackServer } from '../loopbackServer';
import { FakeXState, type FakeXUser } from './fakeXApiState';

export type FakeXFamily = 'followers' | 'following' | 'users' | 'me';

export interface FakeXKnobs {
  /** Requests per window by endpoint family (X: each follow list 15, users lookup 300, me 75 per 15 min). */
  limits: Record<FakeXFamily, number>;
  /** Window length; tests and benches shorten it. Resets are reported in whole epoch seconds. */
  windowMs: number;
  latencyMs: number;
  /** expires_in of user access tokens (X: 7200 s); an expired token answers 401. */
  accessTokenLifetimeSeconds: number;
}

export interface FakeXRequestLogEntry {
  /** e.g. "GET /2/users/:id/followers" */
  route: string;
  status: number;
  /** User objects returned (X bills reads per user object). */
  users: number;
  /** The ids a GET /2/users lookup asked for (never a credential). */
  ids?: readonly string[];
  /** x-rate-limit-reset sent with the answer (epoch seconds): when its window opens again. */
  reset?: number;
}

interface PendingCode {
  clientId: string;
  redirectUri: string;
  challenge: string;
  userId: string;
  scopes: string[];
}

const DEFAULT_FIELDS = ['id', 'name', 'username'];
const KNOWN_FIELDS = new Set(['created_at', 'description', 'location', 'profile_image_url', 'protected', 'public_metrics', 'url', 'verified']);

function problem(status: number, title: string, detail: string, type = 'about:blank'): Record<string, unknown> {
  return { title, detail, type, status };
}

export class FakeXApi {
  readonly state = new FakeXState();
  readonly knobs: FakeXKnobs = { limits: { followers: 15, following: 15, users: 300, me: 75 }, windowMs: 15 * 60_000, latencyMs: 0, accessTokenLifetimeSeconds: 7200 };
  readonly requests: FakeXRequestLogEntry[] = [];
  /** OAuth clients (client id → exact callback URIs) and who approves the next authorization. */
  readonly oauthClients = new Map<string, string[]>();
  approvingUserId: string | null = null;
  /** What time it is for windows and token lifetimes (epoch ms). */
  clock: () => number = Date.now;
  private readonly codes = new Map<string, PendingCode>();
  /** Refresh tokens (offline.access) → the grant they renew; each is single-use, as X rotates them. */
  private readonly refreshTokens = new Map<string, PendingCode>();
  private readonly tokenExpiry = new Map<string, number>();
  private readonly windows = new Map<string, { used: number; resetAt: number }>();
  /** Opaque pagination tokens, stable per list and offset so a resumed walk may reuse one. */
  private readonly pageTokens = new Map<string, number>();
  private readonly server = new LoopbackServer('fake x api', (req, res) => void this.handle(req, res));

  get url(): string {
    return this.server.url;
  }

  start(port = 0): Promise<string> {
    return this.server.start(port);
  }

  stop(): Promise<void> {
    return this.server.stop();
  }

  countOf(route: string): number {
    return this.requests.filter((r) => r.route === route && r.status !== 429).length;
  }

  countsByRoute(): Record<string, number> {
    return countBy(this.requests, (r) => `${r.route} ${r.status}`);
  }

  /** User objects served so far: what X would bill. */
  usersRead(): number {
    return this.requests.reduce((sum, r) => sum + r.users, 0);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (this.knobs.latencyMs > 0) await new Promise((r) => setTimeout(r, this.knobs.latencyMs));
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const body = await readBody(req);
    const log = (route: string, status: number, users = 0, reset?: string) => {
      const ids = url.pathname === '/2/users' ? (url.searchParams.get('ids') ?? '').split(',').filter(Boolean) : null;
      this.requests.push({ route, status, users, ...(ids ? { ids } : {}), ...(reset ? { reset: Number(reset) } : {}) });
    };
    const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers }).end(JSON.stringify(payload));
    };

    if (req.method === 'GET' && url.pathname === '/i/oauth2/authorize') return this.authorize(url, res, log);
    if (req.method === 'POST' && url.pathname === '/2/oauth2/token') return this.exchange(body, send, log);

    const route = routeOf(req.method ?? 'GET', url.pathname);
    if (!route) {
      log(`${req.method} ${url.pathname}`, 404);
      return send(404, problem(404, 'Not Found Error', 'Sorry, that page does not exist.'));
    }
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
    const grant = this.state.tokens.get(token);
    const expired = (this.tokenExpiry.get(token) ?? Infinity) <= this.clock();
    if (!grant || expired) {
      log(route.name, 401);
      return send(401, problem(401, 'Unauthorized', 'Unauthorized'));
    }
    const limit = this.spend(token, route.family);
    if (limit.over) {
      log(route.name, 429, 0, limit.headers['x-rate-limit-reset']);
      return send(429, problem(429, 'Too Many Requests', 'Too Many Requests'), limit.headers);
    }
    const fields = new Set([...DEFAULT_FIELDS, ...(url.searchParams.get('user.fields') ?? '').split(',').filter((f) => KNOWN_FIELDS.has(f))]);
    const answer = (status: number, payload: { data?: unknown; users?: number } & Record<string, unknown>) => {
      const { users = 0, ...rest } = payload;
      log(route.name, status, users, limit.headers['x-rate-limit-reset']);
      send(status, rest, limit.headers);
    };

    if (route.name === 'GET /2/users/me') {
      if (grant.kind !== 'user') {
        return answer(
          403,
          problem(
            403,
            'Unsupported Authentication',
            'Authenticating with OAuth 2.0 Application-Only is forbidden for this endpoint.  Supported authentication types are [OAuth 1.0a User Context, OAuth 2.0 User Context].',
            'https://api.twitter.com/2/problems/unsupported-authentication',
          ),
        );
      }
      return answer(200, { data: this.view(this.state.user(grant.userId), fields), users: 1 });
    }
    if (route.name === 'GET /2/users') {
      const ids = (url.searchParams.get('ids') ?? '').split(',').filter(Boolean);
      if (ids.length === 0 || ids.length > 100 || ids.some((id) => !/^\d{1,19}$/.test(id))) {
        return answer(400, { errors: [{ parameters: { ids }, message: 'The `ids` query parameter value must be 1 to 100 numeric ids' }], title: 'Invalid Request', detail: 'One or more parameters to your request was invalid.', type: 'https://api.twitter.com/2/problems/invalid-request' });
      }
      const data: unknown[] = [];
      const errors: unknown[] = [];
      for (const id of ids) {
        const found = this.lookup(id);
        if (found.kind === 'user') data.push(this.view(found.user, fields));
        else errors.push(lookupError(id, found.kind));
      }
      return answer(200, { ...(data.length > 0 ? { data } : {}), ...(errors.length > 0 ? { errors } : {}), users: data.length });
    }
    if (route.name === 'GET /2/users/:id' || route.name === 'GET /2/users/by/username/:username') {
      const id = route.name === 'GET /2/users/:id' ? route.param : [...this.state.users.values()].find((u) => u.username.toLowerCase() === route.param.toLowerCase())?.id;
      const found = id === undefined ? ({ kind: 'missing' } as const) : this.lookup(id);
      if (found.kind !== 'user') return answer(200, { errors: [lookupError(id ?? route.param, found.kind)] });
      return answer(200, { data: this.view(found.user, fields), users: 1 });
    }
    // Follow lists.
    const which = route.name.endsWith('/followers') ? 'followers' : 'following';
    const max = url.searchParams.get('max_results') === null ? 100 : Number(url.searchParams.get('max_results'));
    if (!Number.isInteger(max) || max < 1 || max > 1000) {
      return answer(400, { errors: [{ parameters: { max_results: [String(max)] }, message: 'The `max_results` query parameter value must be between 1 and 1000' }], title: 'Invalid Request', detail: 'One or more parameters to your request was invalid.', type: 'https://api.twitter.com/2/problems/invalid-request' });
    }
    const list = this.state.list(route.param, which);
    const pageToken = url.searchParams.get('pagination_token');
    const offset = pageToken === null ? 0 : this.pageTokens.get(`${route.param}:${which}:${pageToken}`);
    if (offset === undefined) {
      return answer(400, { errors: [{ parameters: { pagination_token: [pageToken] }, message: 'The `pagination_token` query parameter value is not valid' }], title: 'Invalid Request', detail: 'One or more parameters to your request was invalid.', type: 'https://api.twitter.com/2/problems/invalid-request' });
    }
    const data: unknown[] = [];
    const end = Math.min(list.count, offset + max);
    for (let i = offset; i < end; i++) {
      const id = list.id(i);
      // X leaves suspended accounts out of follow lists.
      if (!this.state.suspended.has(id)) data.push(this.view(this.state.user(id), fields));
    }
    const meta: Record<string, unknown> = { result_count: data.length };
    if (end < list.count) meta.next_token = this.tokenFor(route.param, which, end);
    if (offset > 0) meta.previous_token = this.tokenFor(route.param, which, Math.max(0, offset - max));
    return answer(200, { ...(data.length > 0 ? { data } : {}), meta, users: data.length });
  }

  private lookup(id: string): { kind: 'user'; user: FakeXUser } | { kind: 'suspended' | 'missing' } {
    if (this.state.suspended.has(id)) return { kind: 'suspended' };
    const user = this.state.users.get(id);
    return user ? { kind: 'user', user } : { kind: 'missing' };
  }

  private view(user: FakeXUser, fields: Set<string>): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(user)) if (fields.has(key) && value !== undefined) out[key] = value;
    return out;
  }

  private tokenFor(userId: string, which: string, offset: number): string {
    const token = createHash('sha256').update(`${userId}:${which}:${offset}`).digest('hex').slice(0, 16).toUpperCase();
    this.pageTokens.set(`${userId}:${which}:${token}`, offset);
    return token;
  }

  private spend(token: string, family: FakeXFamily): { over: boolean; headers: Record<string, string> } {
    const now = this.clock();
    const key = `${token}:${family}`;
    let window = this.windows.get(key);
    if (!window || now >= window.resetAt) {
      window = { used: 0, resetAt: Math.ceil((now + this.knobs.windowMs) / 1000) * 1000 };
      this.windows.set(key, window);
    }
    const limit = this.knobs.limits[family];
    const over = window.used >= limit;
    if (!over) window.used++;
    return {
      over,
      headers: {
        'x-rate-limit-limit': String(limit),
        'x-rate-limit-remaining': String(Math.max(0, limit - window.used)),
        'x-rate-limit-reset': String(window.resetAt / 1000),
      },
    };
  }

  private authorize(url: URL, res: ServerResponse, log: (route: string, status: number) => void): void {
    const p = url.searchParams;
    const clientId = p.get('client_id') ?? '';
    const redirectUri = p.get('redirect_uri') ?? '';
    const registered = this.oauthClients.get(clientId);
    if (!registered || !registered.includes(redirectUri) || p.get('code_challenge_method') !== 's256' && p.get('code_challenge_method') !== 'S256' || !p.get('code_challenge') || this.approvingUserId === null) {
      log('GET /i/oauth2/authorize', 400);
      res.writeHead(400, { 'content-type': 'text/html' }).end('<!DOCTYPE html><p>Something went wrong. You weren’t able to give access to the App.</p>');
      return;
    }
    const code = randomBytes(24).toString('base64url');
    this.codes.set(code, { clientId, redirectUri, challenge: p.get('code_challenge') as string, userId: this.approvingUserId, scopes: (p.get('scope') ?? '').split(' ') });
    const back = new URL(redirectUri);
    back.searchParams.set('state', p.get('state') ?? '');
    back.searchParams.set('code', code);
    log('GET /i/oauth2/authorize', 302);
    res.writeHead(302, { location: back.href }).end();
  }

  private exchange(body: string, send: (status: number, payload: unknown) => void, log: (route: string, status: number) => void): void {
    const form = new URLSearchParams(body);
    if (form.get('grant_type') === 'refresh_token') {
      const renewed = this.refreshTokens.get(form.get('refresh_token') ?? '');
      this.refreshTokens.delete(form.get('refresh_token') ?? '');
      if (!renewed || renewed.clientId !== form.get('client_id')) {
        log('POST /2/oauth2/token refresh', 400);
        return send(400, { error: 'invalid_request', error_description: 'Value passed for the token was invalid.' });
      }
      log('POST /2/oauth2/token refresh', 200);
      return send(200, this.issue(renewed));
    }
    const pending = this.codes.get(form.get('code') ?? '');
    const verifier = form.get('code_verifier') ?? '';
    const ok =
      form.get('grant_type') === 'authorization_code' &&
      pending !== undefined &&
      pending.clientId === form.get('client_id') &&
      pending.redirectUri === form.get('redirect_uri') &&
      createHash('sha256').update(verifier).digest('base64url') === pending.challenge;
    if (pending) this.codes.delete(form.get('code') ?? '');
    if (!ok || !pending) {
      log('POST /2/oauth2/token', 400);
      return send(400, { error: 'invalid_request', error_description: 'Value passed for the authorization code was invalid.' });
    }
    log('POST /2/oauth2/token', 200);
    send(200, this.issue(pending));
  }

  private issue(grant: PendingCode): Record<string, unknown> {
    const accessToken = this.state.issueUserToken(grant.userId, `fakeuser-${randomBytes(12).toString('hex')}`, grant.scopes);
    this.tokenExpiry.set(accessToken, this.clock() + this.knobs.accessTokenLifetimeSeconds * 1000);
    const answer: Record<string, unknown> = { token_type: 'bearer', expires_in: this.knobs.accessTokenLifetimeSeconds, access_token: accessToken, scope: grant.scopes.join(' ') };
    if (grant.scopes.includes('offline.access')) {
      const refreshToken = randomBytes(18).toString('base64url');
      this.refreshTokens.set(refreshToken, grant);
      answer.refresh_token = refreshToken;
    }
    return answer;
  }
}

function lookupError(id: string, kind: 'suspended' | 'missing'): Record<string, unknown> {
  return kind === 'suspended'
    ? { value: id, detail: `User has been suspended: [${id}].`, title: 'Forbidden', resource_type: 'user', parameter: 'ids', resource_id: id, type: 'https://api.twitter.com/2/problems/resource-not-found' }
    : { value: id, detail: `Could not find user with ids: [${id}].`, title: 'Not Found Error', resource_type: 'user', parameter: 'ids', resource_id: id, type: 'https://api.twitter.com/2/problems/resource-not-found' };
}

function routeOf(method: string, path: string): { name: string; family: FakeXFamily; param: string } | null {
  if (method !== 'GET') return null;
  if (path === '/2/users/me') return { name: 'GET /2/users/me', family: 'me', param: '' };
  if (path === '/2/users') return { name: 'GET /2/users', family: 'users', param: '' };
  let m = /^\/2\/users\/(\d{1,19})\/(followers|following)$/.exec(path);
  if (m) return { name: `GET /2/users/:id/${m[2]}`, family: m[2] as 'followers' | 'following', param: m[1] as string };
  m = /^\/2\/users\/by\/username\/(\w{1,15})$/.exec(path);
  if (m) return { name: 'GET /2/users/by/username/:username', family: 'users', param: m[1] as string };
  m = /^\/2\/users\/(\d{1,19})$/.exec(path);
  if (m) return { name: 'GET /2/users/:id', family: 'users', param: m[1] as string };
  return null;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
