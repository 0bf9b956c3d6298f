// How a test bends the fake Mastodon. A plain object the test mutates; nothing goes over HTTP, so
// production code can never reach these switches. Route names are normalised, e.g.
// "GET /api/v1/accounts/:id/followers" or "POST /api/v1/statuses".

export type MastodonMalformedKind =
  /** The first account of the next followers page has no `id`. */
  | 'follower-without-id'
  /** The first account of the next followers page has a string `followers_count`. */
  | 'account-bad-count'
  /** The next relationships answer has a string `following`. */
  | 'relationship-bad-following';

export interface FakeMastodonKnobs {
  /** Largest page the list endpoints return (Mastodon caps followers/following at 80). */
  pageSize: number;
  latencyMs: number;
  /** Sends X-RateLimit-* (ISO-8601 reset); requests beyond `limit` in the window get 429. */
  rateLimit: { limit: number; windowMs: number } | null;
  /** The next `count` requests (optionally only these routes) get 429 with Retry-After. */
  tooManyRequests: { count: number; retryAfterSeconds: number; routes?: string[] };
  /** The next `count` requests (optionally only these routes) get this 5xx. */
  serverErrors: { count: number; status: number; routes?: string[] };
  /** The next `count` writes on these routes are applied, then the connection is destroyed. */
  dropAfterCommit: { count: number; routes: string[] };
  malformed: MastodonMalformedKind | null;
  /** The next list page's `Link: rel="next"` points at this origin instead of the fake itself. */
  foreignNextLink: string | null;
  /** GET /api/v1/accounts?id[]= exists (Mastodon ≥ 4.3); older servers answer 404. */
  batchAccounts: boolean;
  /** Serves /.well-known/oauth-authorization-server (Mastodon ≥ 4.3). */
  discovery: boolean;
  /** What discovery announces in code_challenge_methods_supported. */
  codeChallengeMethods: string[];
  /** Loopback redirect URIs match on any port (RFC 8252 §7.3, as Doorkeeper does). */
  loopbackAnyPort: boolean;
  /** /oauth/authorize redirects back with error=access_denied instead of a code. */
  denyAuthorization: boolean;
}

export function defaultMastodonKnobs(): FakeMastodonKnobs {
  return {
    pageSize: 80,
    latencyMs: 0,
    rateLimit: null,
    tooManyRequests: { count: 0, retryAfterSeconds: 1 },
    serverErrors: { count: 0, status: 500 },
    dropAfterCommit: { count: 0, routes: [] },
    malformed: null,
    foreignNextLink: null,
    batchAccounts: true,
    discovery: true,
    codeChallengeMethods: ['S256'],
    loopbackAnyPort: true,
    denyAuthorization: false,
  };
}
