import type { BackoffPolicy } from './backoff';
import type { ResolveAll } from './guardedTransport';
import type { NetLogger } from './netLogger';
import type { RateLimitWaits } from './rateLimitWaits';
import type { RequestCounter } from './requestCounter';

/** `idempotent`: safe to send again after any failure. `never`: a write; only a 429 is re-sent. */
export type RetryMode = 'idempotent' | 'never';

export const backoffDefaults: BackoffPolicy = { baseMs: 500, capMs: 20_000 };

export interface HttpClientOptions {
  fetch?: typeof globalThis.fetch;
  /** Per attempt, headers and body included. Default 30 s. */
  timeoutMs?: number;
  /** Retries after the first attempt. Default 4. */
  maxRetries?: number;
  backoff?: BackoffPolicy;
  /** A 429 or spent window asking for a longer wait than this ends with RATE_LIMITED. Default 5 min. */
  maxRateLimitWaitMs?: number;
  /** Largest body accepted. Default 32 MiB. */
  maxBodyBytes?: number;
  /** Injected for tests that must not wait; defaults to the real timer. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  now?: () => number;
  random?: () => number;
  counter?: RequestCounter;
  /** Where rate-limit waits are reported; core shares one across its clients. Default: the client's own. */
  limitWaits?: RateLimitWaits;
  logger?: NetLogger;
  /**
   * Refuse plain http even to this machine, on the first URL and every redirect hop. The app sets
   * it (a server-supplied avatar or PDS URL must never reach a service on the user's own
   * machine), and with it media may reach public addresses only (mediaHttpClient.ts). Tests and
   * the harness leave it off: that is the test allowance, plain http to 127.0.0.1 and loopback
   * media for the fakes. http to any other host is always refused.
   */
  httpsOnly?: boolean;
  /**
   * A last word on every URL, the first and each redirect hop, before anything connects: a
   * sentence saying why not, or null. Media uses it to refuse private address literals.
   */
  refuseUrl?: (url: URL) => string | null;
  /** DNS for media connections (mediaHttpClient.ts); tests inject names that fail or rebind. */
  resolveAll?: ResolveAll;
  /** Named in error sentences ("Example is not reachable"); defaults to the URL's host. */
  serviceName?: string;
}

export interface HttpRequestOptions {
  /** Default: idempotent for GET/HEAD, never for anything else. */
  retry?: RetryMode;
  timeoutMs?: number;
  maxBodyBytes?: number;
  signal?: AbortSignal;
}
