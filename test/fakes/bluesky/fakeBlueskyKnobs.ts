// How a test bends the fake. A plain typed object the test mutates directly; nothing goes over
// HTTP, so production code can never reach these switches.

export type MalformedKind =
  /** The first follower of the next getFollowers page has no `did`. */
  | 'follower-without-did'
  /** The first profile of the next getProfiles answer has a string followersCount. */
  | 'profile-bad-count';

export interface FakeBlueskyKnobs {
  /** Largest page the list endpoints return, below the requested limit (real max 100). */
  pageSize: number;
  /** Delay before every answer. */
  latencyMs: number;
  /** Sends RateLimit-* headers; requests beyond `limit` in the window get 429. */
  rateLimit: { limit: number; windowMs: number } | null;
  /** The next `count` requests (optionally only these methods) get 429 with Retry-After. */
  tooManyRequests: { count: number; retryAfterSeconds: number; methods?: string[] };
  /** The next `count` requests (optionally only these methods) get this 5xx. */
  serverErrors: { count: number; status: number; methods?: string[] };
  /** The next `count` writes of these methods are applied, then the socket is destroyed. */
  dropAfterCommit: { count: number; methods: string[] };
  /** The next answer of the matching method is malformed in this way. */
  malformed: MalformedKind | null;
  /** After the last item of a list, answer one more page: empty, but still with a cursor. */
  emptyLastPageWithCursor: boolean;
  /** Access tokens expire after this many uses (null: never). */
  accessTokenUses: number | null;
  /** Where profiles say their avatars live (null: this fake's own /img/avatar/ route). */
  avatarOrigin: string | null;
}

export function defaultKnobs(): FakeBlueskyKnobs {
  return {
    pageSize: 100,
    latencyMs: 0,
    rateLimit: null,
    tooManyRequests: { count: 0, retryAfterSeconds: 1 },
    serverErrors: { count: 0, status: 500 },
    dropAfterCommit: { count: 0, methods: [] },
    malformed: null,
    emptyLastPageWithCursor: false,
    accessTokenUses: null,
    avatarOrigin: null,
  };
}
