// The one HTTP layer every network provider sends through (docs/ARCHITECTURE.md, "Sync, HTTP and media"). It owns timeouts,
// rate limits, bounded retries and request counting, so providers only speak their API.
//
// Retry rules:
// - 429: the server did not act on the request, so any request (read or write) is sent again
//   after Retry-After (or the rate-limit reset), never sooner.
// - 5xx, timeouts, dropped connections: retried with exponential backoff and full jitter only
//   for idempotent requests. A write may have been applied before the failure, so it is never
//   sent again here; the error says `ambiguous` and the outbox checks the relationship first.
// - Connection refused / DNS failure: the request never left, so the error is OFFLINE.
import { backoffDefaults, type HttpClientOptions, type HttpRequestOptions, type RetryMode } from './httpClientOptions';
import { fullJitterDelay, realSleep } from './backoff';
import { silentNetLogger, type NetLogger } from './netLogger';
import { NetworkFailure, type NetworkFailureCode } from './networkFailure';
import { parseRateLimit, parseRetryAfter } from './rateLimitHeaders';
import { RateLimitWaits } from './rateLimitWaits';
import { isRedirect, MAX_REDIRECTS, redirectedRequest } from './redirectHop';
import { endpointOf, RequestCounter } from './requestCounter';

export type { HttpClientOptions, HttpRequestOptions, RetryMode } from './httpClientOptions';

/** Error codes Node/undici report when a request could not leave the machine at all. */
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'ENETDOWN']);

interface OriginLimit {
  remaining: number | null;
  resetAt: number | null;
}

type AttemptOutcome =
  | { kind: 'response'; response: Response }
  | { kind: 'timeout' }
  | { kind: 'unreachable'; code: string }
  | { kind: 'dropped'; code: string };

class TimeoutSignalReason extends Error {
  constructor() {
    super('request timed out');
    this.name = 'TimeoutError';
  }
}

function causeCode(error: unknown): string {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    const code = (current as Error & { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = current.cause;
  }
  return 'UNKNOWN';
}

// Timers may fire a millisecond early and server clocks drift; a rate-limit wait errs long.
export const RATE_LIMIT_MARGIN_MS = 100;

const MAX_REMEMBERED_ENDPOINTS = 500;

const BODYLESS_STATUSES = new Set([101, 204, 205, 304]);

export class HttpClient {
  readonly counter: RequestCounter;
  /** Rate-limit waits by the caller's signal: a sync shows them on its progress bar. */
  readonly limitWaits: RateLimitWaits;
  private readonly rawFetch: typeof globalThis.fetch;
  private readonly timeoutMs: number;
  private readonly maxRetries: number;
  private readonly maxRateLimitWaitMs: number;
  private readonly maxBodyBytes: number;
  private readonly backoff: { baseMs: number; capMs: number };
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly logger: NetLogger;
  private readonly serviceName: string | null;
  private readonly httpsOnly: boolean;
  private readonly refuseUrl: (url: URL) => string | null;
  /**
   * Rate-limit windows by origin, and by origin + resource when the server names the resource
   * (`x-ratelimit-resource`): GitHub counts REST, GraphQL and search apart, so one spent window
   * must not hold up requests that another window pays for.
   */
  private readonly limits = new Map<string, OriginLimit>();
  /** Which window an endpoint was last paid from, learned from its answers (bounded). */
  private readonly windowOfEndpoint = new Map<string, string>();

  constructor(options: HttpClientOptions = {}) {
    this.rawFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.maxRetries = options.maxRetries ?? 4;
    this.maxRateLimitWaitMs = options.maxRateLimitWaitMs ?? 5 * 60_000;
    this.maxBodyBytes = options.maxBodyBytes ?? 32 * 1024 * 1024;
    this.backoff = options.backoff ?? backoffDefaults;
    this.sleep = options.sleep ?? realSleep;
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
    this.logger = options.logger ?? silentNetLogger;
    this.serviceName = options.serviceName ?? null;
    this.httpsOnly = options.httpsOnly ?? false;
    this.refuseUrl = options.refuseUrl ?? (() => null);
    this.counter = options.counter ?? new RequestCounter();
    this.limitWaits = options.limitWaits ?? new RateLimitWaits();
  }

  /**
   * A `fetch` for libraries such as @atproto/api. GET/HEAD retry as idempotent; every other
   * method is treated as a write and never re-sent after an ambiguous failure.
   */
  readonly fetch: typeof globalThis.fetch = (input, init) => this.request(input, init);

  /**
   * Waits as this client waits between attempts (its injected sleep), for a caller that waits out
   * a window longer than this client would (X's 15 minutes): tests then control that wait too.
   */
  wait(ms: number, signal?: AbortSignal): Promise<void> {
    return this.sleep(ms, signal);
  }

  /**
   * Sends a request and returns the answer with its body already read (so the timeout covers the
   * whole exchange and a body over `maxBodyBytes` is refused). 4xx answers other than 429 come
   * back as responses for the caller to interpret; everything else that fails ends in a
   * NetworkFailure (RATE_LIMITED, NETWORK_ERROR or OFFLINE). An abort from `signal` is rethrown.
   */
  async request(input: string | URL | Request, init?: RequestInit, options: HttpRequestOptions = {}): Promise<Response> {
    const signal = options.signal ?? init?.signal ?? undefined;
    const redirectMode = init?.redirect ?? (input instanceof Request ? input.redirect : 'follow');
    // The template request never carries the caller's signal: undici would add an abort listener
    // to it per request and drop it only at garbage collection (a long sync then warns about
    // listener leaks). attempt() follows the caller's signal itself. Redirects are followed here,
    // hop by hop, so each hop passes the same checks as the first URL.
    let base = new Request(input, { ...init, signal: null, redirect: 'manual' });
    for (let hop = 0; ; hop++) {
      const response = await this.exchange(base, options, signal ?? undefined);
      if (redirectMode === 'manual' || !isRedirect(response)) return response;
      const service = this.serviceName ?? new URL(base.url).host;
      const refuse = (message: string, reason: string) =>
        new NetworkFailure('NETWORK_ERROR', message, { ambiguous: false, status: response.status, retryAt: null, endpoint: endpointOf(new URL(base.url)), attempts: 1, reason });
      if (redirectMode === 'error') throw refuse(`${service} answered with a redirect, which this request does not follow.`, 'REDIRECT');
      if (hop >= MAX_REDIRECTS) throw refuse(`${service} redirected more than ${MAX_REDIRECTS} times; stopped.`, 'TOO_MANY_REDIRECTS');
      const next = await redirectedRequest(base, response).catch(() => null);
      if (!next) throw refuse(`${service} redirected to an address that is not a URL.`, 'BAD_REDIRECT');
      this.logger.debug('redirected', { service, endpoint: endpointOf(new URL(base.url)), status: response.status, hop: hop + 1 });
      base = next;
    }
  }

  /** One URL, with retries: every check, wait and failure rule of the layer. Redirects come back as they are. */
  private async exchange(base: Request, options: HttpRequestOptions, signal: AbortSignal | undefined): Promise<Response> {
    const url = new URL(base.url);
    const endpoint = endpointOf(url);
    const method = base.method.toUpperCase();
    const retry: RetryMode = options.retry ?? (method === 'GET' || method === 'HEAD' ? 'idempotent' : 'never');
    const service = this.serviceName ?? url.host;
    const refusal = !this.allowsScheme(url) ? `Rapport only connects to ${service} over https.` : this.refuseUrl(url);
    if (refusal !== null) {
      throw new NetworkFailure('NETWORK_ERROR', refusal, {
        ambiguous: false,
        status: null,
        retryAt: null,
        endpoint,
        attempts: 0,
        reason: 'REFUSED_URL',
      });
    }
    const timeoutMs = options.timeoutMs ?? this.timeoutMs;
    const maxBodyBytes = options.maxBodyBytes ?? this.maxBodyBytes;

    for (let attempt = 0; ; attempt++) {
      await this.waitForRateLimitWindow(this.windowOfEndpoint.get(`${url.origin} ${endpoint}`) ?? url.origin, endpoint, service, attempt, signal ?? undefined);
      this.counter.record(endpoint);
      const outcome = await this.attempt(base.clone(), timeoutMs, maxBodyBytes, signal ?? undefined);
      const canRetry = attempt < this.maxRetries;
      const fail = (code: NetworkFailureCode, message: string, ambiguous: boolean, status: number | null, retryAt: number | null) => {
        const reason = outcome.kind === 'unreachable' || outcome.kind === 'dropped' ? outcome.code : outcome.kind === 'timeout' ? 'TIMEOUT' : undefined;
        this.logger.warn('request failed', { service, endpoint, method, code, status, attempts: attempt + 1, reason: reason ?? null });
        return new NetworkFailure(code, message, { ambiguous, status, retryAt, endpoint, attempts: attempt + 1, reason });
      };

      if (outcome.kind === 'response') {
        const response = outcome.response;
        this.rememberLimit(url.origin, endpoint, response.headers);
        this.logger.debug('response', { service, endpoint, method, status: response.status, attempt });
        if (response.status === 429) {
          const now = this.now();
          const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), now);
          const resetAt = parseRateLimit(response.headers, now).resetAt;
          const waitMs = retryAfterMs ?? (resetAt !== null ? Math.max(0, resetAt - now) : fullJitterDelay(this.backoff, attempt, this.random));
          const retryAt = now + waitMs;
          if (!canRetry || waitMs > this.maxRateLimitWaitMs) {
            throw fail('RATE_LIMITED', `${service} asked us to slow down; try again after ${new Date(retryAt).toISOString()}.`, false, 429, retryAt);
          }
          this.logger.warn('rate limited, waiting', { service, endpoint, waitMs, attempt });
          await this.limitWaits.waitOut(signal, retryAt + RATE_LIMIT_MARGIN_MS, () => this.sleep(waitMs + RATE_LIMIT_MARGIN_MS, signal ?? undefined));
          continue;
        }
        if (response.status >= 500) {
          if (retry === 'never') {
            throw fail('NETWORK_ERROR', `${service} answered with a server error (HTTP ${response.status}); the change may or may not have been applied.`, true, response.status, null);
          }
          if (!canRetry) {
            throw fail('NETWORK_ERROR', `${service} kept answering with server errors (HTTP ${response.status}, ${attempt + 1} attempts); stopped. Try again later.`, false, response.status, null);
          }
          const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), this.now()) ?? 0;
          await this.backoffSleep(Math.max(retryAfterMs, fullJitterDelay(this.backoff, attempt, this.random)), endpoint, 'server error', signal ?? undefined);
          continue;
        }
        return response;
      }

      if (outcome.kind === 'unreachable') {
        // Nothing was sent, so even a write may be retried; but an unreachable host rarely comes
        // back within a backoff, so writes hand over to the outbox at once.
        if (retry === 'never' || !canRetry) {
          throw fail('OFFLINE', `${service} is not reachable (${outcome.code}). Check the connection; Rapport will try again when it is back.`, false, null, null);
        }
      } else if (retry === 'never') {
        const what = outcome.kind === 'timeout' ? `did not answer within ${Math.round(timeoutMs / 1000)} s` : 'dropped the connection before answering';
        throw fail('NETWORK_ERROR', `${service} ${what}; the change may or may not have been applied.`, true, null, null);
      } else if (!canRetry) {
        const what = outcome.kind === 'timeout' ? `did not answer within ${Math.round(timeoutMs / 1000)} s` : `dropped the connection (${outcome.code})`;
        throw fail('NETWORK_ERROR', `${service} ${what} ${attempt + 1} times in a row; stopped. Try again later.`, false, null, null);
      }
      await this.backoffSleep(fullJitterDelay(this.backoff, attempt, this.random), endpoint, outcome.kind, signal ?? undefined);
    }
  }

  /** https always; plain http only to this machine (the test fakes), and never when httpsOnly. */
  private allowsScheme(url: URL): boolean {
    if (url.protocol === 'https:') return true;
    const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
    return url.protocol === 'http:' && loopback && !this.httpsOnly;
  }

  private async backoffSleep(ms: number, endpoint: string, reason: string, signal: AbortSignal | undefined): Promise<void> {
    this.logger.warn('retrying', { endpoint, reason, waitMs: ms });
    await this.sleep(ms, signal);
  }

  private async attempt(request: Request, timeoutMs: number, maxBodyBytes: number, signal: AbortSignal | undefined): Promise<AttemptOutcome> {
    signal?.throwIfAborted();
    const controller = new AbortController();
    const timeoutReason = new TimeoutSignalReason();
    const timer = setTimeout(() => controller.abort(timeoutReason), timeoutMs);
    const onCallerAbort = () => controller.abort(signal?.reason);
    signal?.addEventListener('abort', onCallerAbort, { once: true });
    try {
      const response = await this.rawFetch(request, { signal: controller.signal, redirect: 'manual' });
      const body = await readCapped(response, maxBodyBytes, controller);
      const headers = new Headers(response.headers);
      headers.delete('content-encoding');
      headers.delete('content-length');
      const bodyless = BODYLESS_STATUSES.has(response.status);
      return {
        kind: 'response',
        response: new Response(bodyless ? null : body, { status: response.status, statusText: response.statusText, headers }),
      };
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      if (controller.signal.reason === timeoutReason) return { kind: 'timeout' };
      if (error instanceof NetworkFailure) throw error;
      const code = causeCode(error);
      return UNREACHABLE_CODES.has(code) ? { kind: 'unreachable', code } : { kind: 'dropped', code };
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onCallerAbort);
    }
  }

  private rememberLimit(origin: string, endpoint: string, headers: Headers): void {
    const info = parseRateLimit(headers, this.now());
    if (info.remaining === null && info.resetAt === null) return;
    const resource = headers.get('x-ratelimit-resource')?.trim();
    const window = resource ? `${origin} ${resource}` : origin;
    this.limits.set(window, { remaining: info.remaining, resetAt: info.resetAt });
    if (!resource) return;
    // Endpoints carry names (/users/<login>/events): keep the most recent few hundred. One not
    // known goes ahead, and a spent window then answers with a refusal that is waited out.
    const key = `${origin} ${endpoint}`;
    this.windowOfEndpoint.delete(key);
    this.windowOfEndpoint.set(key, window);
    if (this.windowOfEndpoint.size > MAX_REMEMBERED_ENDPOINTS) {
      const oldest = this.windowOfEndpoint.keys().next().value;
      if (oldest !== undefined) this.windowOfEndpoint.delete(oldest);
    }
  }

  /** With the window spent (Remaining: 0), wait for its reset instead of collecting a 429. */
  private async waitForRateLimitWindow(window: string, endpoint: string, service: string, attempt: number, signal: AbortSignal | undefined): Promise<void> {
    const limit = this.limits.get(window);
    if (!limit || limit.remaining !== 0 || limit.resetAt === null) return;
    const waitMs = limit.resetAt - this.now();
    if (waitMs <= 0) return;
    if (waitMs > this.maxRateLimitWaitMs) {
      throw new NetworkFailure('RATE_LIMITED', `${service} rate limit is used up until ${new Date(limit.resetAt).toISOString()}.`, {
        ambiguous: false,
        status: null,
        retryAt: limit.resetAt,
        endpoint,
        attempts: attempt,
      });
    }
    this.logger.debug('rate limit window spent, waiting for reset', { endpoint, waitMs });
    await this.limitWaits.waitOut(signal, limit.resetAt + RATE_LIMIT_MARGIN_MS, () => this.sleep(waitMs + RATE_LIMIT_MARGIN_MS, signal));
    this.limits.delete(window);
  }
}

async function readCapped(response: Response, maxBytes: number, controller: AbortController): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    controller.abort();
    throw new BodyTooLarge(maxBytes);
  }
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new BodyTooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** A body larger than the caller allows: not a network fault, so never retried. */
export class BodyTooLarge extends NetworkFailure {
  constructor(maxBytes: number) {
    super('NETWORK_ERROR', `The answer was larger than ${maxBytes} bytes and was refused.`, {
      ambiguous: false,
      status: null,
      retryAt: null,
      endpoint: '',
      attempts: 1,
    });
  }
}
