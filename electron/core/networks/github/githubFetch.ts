// The fetch octokit sends through: core's HTTP layer (timeouts, 429 + Retry-After, backoff with
// jitter, request counting, https-only, redirect checks) plus the one rule only GitHub has.
// GitHub refuses with 403 (not only 429) when a limit is hit: a secondary limit ("You have
// exceeded a secondary rate limit", with or without Retry-After) or the primary window spent
// (x-ratelimit-remaining: 0). GitHub's guidance, followed here: wait Retry-After when sent, else
// until x-ratelimit-reset when the window is spent, else at least a minute; then send again. A
// refused request was not applied, so a write may be sent again too.
import { realSleep } from '../../net/backoff';
import type { HttpClient } from '../../net/httpClient';
import { NetworkFailure } from '../../net/networkFailure';
import { parseRateLimit, parseRetryAfter } from '../../net/rateLimitHeaders';
import { endpointOf } from '../../net/requestCounter';

/** GitHub: "wait for at least one minute before retrying" when a limit answer names no time. */
export const SECONDARY_LIMIT_DEFAULT_WAIT_MS = 60_000;

export interface GithubFetchOptions {
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  now?: () => number;
  /** Limit answers waited out in a row before giving up with RATE_LIMITED. */
  maxWaits?: number;
  /** A longer wait than this ends with RATE_LIMITED (the sync resumes later) instead of sleeping. */
  maxWaitMs?: number;
  /** Told when a limit makes the request wait, and until when (epoch ms): the progress can say so. */
  onLimitWait?(until: number): void;
}

/** How long a 403/429 answer asks us to wait, or null when it is not a rate-limit answer. */
export async function limitWaitMs(response: Response, nowMs: number): Promise<number | null> {
  if (response.status !== 403 && response.status !== 429) return null;
  const retryAfter = parseRetryAfter(response.headers.get('retry-after'), nowMs);
  if (retryAfter !== null) return retryAfter;
  const limit = parseRateLimit(response.headers, nowMs);
  if (limit.remaining === 0 && limit.resetAt !== null) return Math.max(0, limit.resetAt - nowMs);
  const text = await response.clone().text().catch(() => '');
  return /rate limit/i.test(text) ? SECONDARY_LIMIT_DEFAULT_WAIT_MS : null;
}

export function githubFetch(http: HttpClient, options: GithubFetchOptions = {}): typeof globalThis.fetch {
  const sleep = options.sleep ?? realSleep;
  const now = options.now ?? Date.now;
  const maxWaits = options.maxWaits ?? 5;
  const maxWaitMs = options.maxWaitMs ?? 15 * 60_000;
  return async (input, init) => {
    const signal = init?.signal ?? undefined;
    for (let waits = 0; ; waits++) {
      const response = await http.fetch(input, init);
      const waitMs = await limitWaitMs(response, now());
      if (waitMs === null) return response;
      const retryAt = now() + waitMs;
      if (waits >= maxWaits || waitMs > maxWaitMs) {
        const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
        throw new NetworkFailure('RATE_LIMITED', `GitHub asked Rapport to slow down; the sync goes on after ${new Date(retryAt).toISOString()}.`, {
          ambiguous: false,
          status: response.status,
          retryAt,
          endpoint: endpointOf(url),
          attempts: waits + 1,
        });
      }
      options.onLimitWait?.(retryAt);
      await http.limitWaits.waitOut(signal, retryAt, () => sleep(waitMs, signal));
    }
  };
}
