// A fake GitHub on 127.0.0.1: the REST endpoints and the GraphQL subset Rapport uses, from
// in-memory state, with GitHub's rules that matter to a client: token checks (401 "Bad
// credentials", X-OAuth-Scopes on classic tokens), primary limits per token and resource
// (x-ratelimit-* with epoch-second resets; REST requests and GraphQL points counted apart),
// secondary limits (403/429 with Retry-After), ETags with 304 answers that cost nothing, Link
// pagination, renamed and deleted users. Served at the root (api.github.com's layout) and under
// /api/v3 + /api/graphql (GitHub Enterprise Server's). `requests` logs each request by normalised
// route, never with credentials.
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { countBy, LoopbackServer } from '../loopbackServer';
import { answerGraphql } from './fakeGithubGraphql';
import { defaultGithubKnobs, type FakeGithubKnobs } from './fakeGithubKnobs';
import { routeOf } from './fakeGithubRoutes';
import { FakeGithubState, type FakeGithubToken } from './fakeGithubState';

export interface FakeGithubRequestLogEntry {
  /** Normalised route, e.g. "GET /user/followers" or "POST /graphql". */
  route: string;
  status: number;
  /** The GraphQL operation's name (RapportFollowers, RapportFollowing) for POST /graphql. */
  operation?: string;
}

type Resource = 'core' | 'graphql';

/** A 1×1 PNG: the fake's avatar for everyone. */
const TINY_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

const SECONDARY_MESSAGE =
  'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID.';

export class FakeGithub {
  readonly state: FakeGithubState;
  readonly knobs: FakeGithubKnobs = defaultGithubKnobs();
  readonly requests: FakeGithubRequestLogEntry[] = [];
  /** Points spent per resource in the current window (304s cost nothing, as on github.com). */
  private used: Record<Resource, number> = { core: 0, graphql: 0 };
  private windowStartedAt = Date.now();
  private readonly server = new LoopbackServer('fake github', (req, res) => void this.handle(req, res));

  constructor(options: { seed?: number; login?: string } = {}) {
    this.state = new FakeGithubState(options);
  }

  get url(): string {
    return this.server.url;
  }

  /** GitHub Enterprise Server's API root on this fake. */
  get enterpriseUrl(): string {
    return `${this.server.url}/api/v3`;
  }

  start(port = 0): Promise<string> {
    return this.server.start(port);
  }

  stop(): Promise<void> {
    return this.server.stop();
  }

  /** A classic token with the scopes Rapport asks for (or others), for provider tests. */
  issueToken(grant: Partial<FakeGithubToken> = {}, token = `ghp_fake${this.state.tokens.size + 1}`): string {
    return this.state.issueToken(token, grant);
  }

  countOf(route: string): number {
    return this.requests.filter((r) => r.route === route).length;
  }

  countsByRoute(): Record<string, number> {
    return countBy(this.requests, (r) => r.route);
  }

  /** Rate-limit points spent so far (REST requests and GraphQL points), since the last reset. */
  pointsUsed(): Record<Resource, number> {
    return { ...this.used };
  }

  resetLog(): void {
    this.requests.length = 0;
    this.used = { core: 0, graphql: 0 };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.server.origin);
    const method = (req.method ?? 'GET').toUpperCase();
    const raw = await readBody(req);
    if (this.knobs.latencyMs > 0) await new Promise((r) => setTimeout(r, this.knobs.latencyMs));
    const path = url.pathname.replace(/^\/api\/v3(?=\/)/, '').replace(/^\/api\/graphql$/, '/graphql');
    const graphql = method === 'POST' && path === '/graphql';
    const match = graphql ? null : routeOf(method, path);
    const routeName = graphql ? 'POST /graphql' : (match?.route.name ?? `${method} ${path}`);
    const resource: Resource = graphql ? 'graphql' : 'core';
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      this.requests.push({ route: routeName, status });
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      res.end(body === undefined ? undefined : JSON.stringify(body));
    };

    if (method === 'GET' && path.startsWith('/avatars/')) {
      this.requests.push({ route: 'GET /avatars', status: 200 });
      res.writeHead(200, { 'content-type': 'image/png' });
      res.end(TINY_PNG);
      return;
    }

    const token = this.tokenOf(req.headers.authorization);
    if (!token) return send(401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' });
    const scopeHeaders: Record<string, string> = token.scopes === null ? {} : { 'x-oauth-scopes': token.scopes.join(', '), 'x-accepted-oauth-scopes': '' };

    if (this.consume(this.knobs.serverErrors, routeName)) return send(this.knobs.serverErrors.status, { message: 'Server Error' });
    if (this.secondaryLimited(routeName)) {
      const status = this.knobs.secondary.status;
      return send(status, { message: SECONDARY_MESSAGE, documentation_url: 'https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api' }, {
        'retry-after': String(this.knobs.secondary.retryAfterSeconds),
        ...this.limitHeaders(resource),
      });
    }
    this.rollWindow();
    if (this.used[resource] >= this.knobs.primary[resource]) {
      return send(403, { message: `API rate limit exceeded for user ID ${token.userId}.`, status: '403' }, this.limitHeaders(resource));
    }

    if (graphql) {
      let body: unknown;
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        return send(400, { message: 'Problems parsing JSON' });
      }
      const answer = answerGraphql(this.state, this.knobs, this.server.origin, body);
      this.used.graphql += answer.cost;
      send(answer.status, answer.body, { ...scopeHeaders, ...this.limitHeaders('graphql') });
      const entry = this.requests.at(-1);
      if (entry) entry.operation = operationName(body);
      return;
    }
    if (!match) return send(404, { message: 'Not Found', status: '404' });

    const answer = match.route.handle({ state: this.state, knobs: this.knobs, origin: this.server.origin, token, url, accept: req.headers.accept ?? '' }, match.params);
    const text = answer.body === undefined ? '' : JSON.stringify(answer.body);
    if (method === 'GET' && answer.status === 200) {
      // The ETag covers the answer and who asked (GitHub varies on Authorization).
      const etag = `W/"${createHash('sha1').update(text).update(String(token.userId)).digest('hex')}"`;
      if (req.headers['if-none-match'] === etag) {
        this.requests.push({ route: routeName, status: 304 });
        res.writeHead(304, { etag, ...scopeHeaders, ...this.limitHeaders('core') });
        res.end();
        return;
      }
      this.used.core++;
      return send(200, answer.body, { etag, ...scopeHeaders, ...this.limitHeaders('core'), ...answer.headers });
    }
    this.used.core++;
    send(answer.status, answer.body, { ...scopeHeaders, ...this.limitHeaders('core'), ...answer.headers });
  }

  private tokenOf(authorization: string | undefined): FakeGithubToken | null {
    const match = /^(?:token|bearer)\s+(\S+)$/i.exec(authorization ?? '');
    const token = match?.[1] ? this.state.tokens.get(match[1]) : undefined;
    return token && !token.revoked ? token : null;
  }

  private rollWindow(): void {
    if (Date.now() - this.windowStartedAt < this.knobs.primary.windowMs) return;
    this.windowStartedAt = Date.now();
    this.used = { core: 0, graphql: 0 };
  }

  private limitHeaders(resource: Resource): Record<string, string> {
    const limit = this.knobs.primary[resource];
    return {
      'x-ratelimit-limit': String(limit),
      'x-ratelimit-remaining': String(Math.max(0, limit - this.used[resource])),
      'x-ratelimit-used': String(this.used[resource]),
      'x-ratelimit-reset': String(Math.ceil((this.windowStartedAt + this.knobs.primary.windowMs) / 1000)),
      'x-ratelimit-resource': resource,
    };
  }

  private secondaryLimited(route: string): boolean {
    const knob = this.knobs.secondary;
    if (knob.count <= 0) return false;
    if (knob.routes && !knob.routes.includes(route)) return false;
    if (knob.afterRequests > 0) {
      knob.afterRequests--;
      return false;
    }
    knob.count--;
    return true;
  }

  private consume(knob: { count: number; routes?: string[] }, route: string): boolean {
    if (knob.count <= 0) return false;
    if (knob.routes && !knob.routes.includes(route)) return false;
    knob.count--;
    return true;
  }
}

function operationName(body: unknown): string | undefined {
  const query = (body as { query?: unknown } | null)?.query;
  return typeof query === 'string' ? /^\s*query\s+(\w+)/.exec(query)?.[1] : undefined;
}

/** GraphQL requests of one operation answered so far (e.g. 'RapportFollowers'). */
export function operationCount(fake: FakeGithub, operation: string): number {
  return fake.requests.filter((r) => r.operation === operation).length;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
