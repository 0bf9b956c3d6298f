// Every network tells us how hard we may push in its own dialect. These pure parsers turn the
// headers into one shape (absolute epoch milliseconds), so the HTTP client has a single rule:
// wait until `resetAt` or for `Retry-After`, whichever the server gave.

/** The part of `Headers` we read; plain objects in tests satisfy it too. */
export interface HeaderSource {
  get(name: string): string | null;
}

export interface RateLimitInfo {
  limit: number | null;
  remaining: number | null;
  /** When the window resets, in epoch milliseconds; null when the server did not say. */
  resetAt: number | null;
}

// Reset values below this are deltas in seconds (IETF draft); above it, epoch seconds
// (most networks). 1e9 s is 2001-09-09, so no real delta or epoch falls on the wrong side.
const EPOCH_SECONDS_THRESHOLD = 1e9;

function parseNonNegativeInt(value: string | null): number | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const n = Number(trimmed);
  return Number.isSafeInteger(n) ? n : null;
}

/**
 * A reset header value as epoch ms. Numbers are epoch seconds or (when small) delta seconds;
 * anything else is tried as a date (some servers send ISO-8601 in X-RateLimit-Reset).
 */
export function parseResetValue(value: string | null, nowMs: number): number | null {
  if (value === null || value.trim() === '') return null;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) {
    const seconds = Number(trimmed);
    if (!Number.isFinite(seconds)) return null;
    return seconds >= EPOCH_SECONDS_THRESHOLD ? Math.round(seconds * 1000) : nowMs + Math.round(seconds * 1000);
  }
  const parsed = Date.parse(trimmed);
  return Number.isNaN(parsed) ? null : parsed;
}

/**
 * Reads `RateLimit-Limit/Remaining/Reset` (IETF draft) and falls back to the older
 * `X-RateLimit-*` and X's `x-rate-limit-*`. Missing or garbled values come back as null.
 */
export function parseRateLimit(headers: HeaderSource, nowMs: number): RateLimitInfo {
  // X spells them x-rate-limit-* (epoch-second reset), GitHub and most others x-ratelimit-*.
  const pick = (name: string): string | null => headers.get(`ratelimit-${name}`) ?? headers.get(`x-ratelimit-${name}`) ?? headers.get(`x-rate-limit-${name}`);
  return {
    limit: parseNonNegativeInt(pick('limit')),
    remaining: parseNonNegativeInt(pick('remaining')),
    resetAt: parseResetValue(pick('reset'), nowMs),
  };
}

/**
 * `Retry-After` as milliseconds to wait from now: delta seconds or an HTTP date (RFC 9110).
 * A date in the past means "now" (0). Garbled values give null.
 */
export function parseRetryAfter(value: string | null, nowMs: number): number | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (trimmed === '') return null;
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - nowMs);
}
