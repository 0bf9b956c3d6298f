// How a test bends the fake GitHub. A plain object the test mutates; nothing goes over HTTP, so
// production code can never reach these switches. Route names are normalised, e.g.
// "GET /user/followers", "PUT /user/following/:login", "POST /graphql".

export interface FakeGithubKnobs {
  /** Largest page the REST lists and GraphQL connections return (GitHub: 100). */
  pageSize: number;
  /** Primary limits per token and resource, as GitHub publishes them (REST requests, GraphQL points). */
  primary: { core: number; graphql: number; windowMs: number };
  /**
   * Secondary limit: after `afterRequests` more requests, the next `count` requests (optionally only
   * these routes) are refused with `status` and Retry-After, GitHub's "You have exceeded a
   * secondary rate limit" answer.
   */
  secondary: { afterRequests: number; count: number; status: 403 | 429; retryAfterSeconds: number; routes?: string[] };
  /** The next `count` requests (optionally only these routes) get this 5xx. */
  serverErrors: { count: number; status: number; routes?: string[] };
  latencyMs: number;
}

export function defaultGithubKnobs(): FakeGithubKnobs {
  return {
    pageSize: 100,
    primary: { core: 5_000, graphql: 5_000, windowMs: 60 * 60 * 1000 },
    secondary: { afterRequests: 0, count: 0, status: 403, retryAfterSeconds: 1 },
    serverErrors: { count: 0, status: 502 },
    latencyMs: 0,
  };
}
