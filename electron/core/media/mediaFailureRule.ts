// How long a failed image is left alone, and whether the whole host is: the rules of issue 10.
// Nothing here is retried within a sync; the memo decides when the next sync may try again.
import { MediaAnswerError } from '../net/imageDownload';
import { findRapportError, NetworkFailure } from '../net/networkFailure';
import { HOST_FAILURE_TTL_MS, URL_FAILURE_TTL_MS } from './mediaFailureMemo';

export interface FailureRule {
  scope: 'url' | 'host';
  ttlMs: number;
  /** For the log: what happened, naming the media host. */
  reason: string;
}

const REFUSALS = new Set(['REFUSED_URL', 'REFUSED_ADDRESS', 'TOO_MANY_REDIRECTS', 'BAD_REDIRECT', 'REDIRECT']);

export function failureRule(error: unknown, host: string, now: number, refused: (error: unknown) => boolean): FailureRule | null {
  if (error instanceof Error && error.name === 'AbortError') return null;
  const message = error instanceof Error ? error.message : String(error);
  if (refused(error)) return { scope: 'url', ttlMs: URL_FAILURE_TTL_MS, reason: message };
  const known = findRapportError(error);
  if (known instanceof NetworkFailure) {
    const { reason, status, retryAt } = known.details;
    // A host that does not answer in time is as gone as one that refuses: a black-holed host
    // would otherwise cost a full timeout per avatar.
    if (known.code === 'OFFLINE' || reason === 'TIMEOUT') return { scope: 'host', ttlMs: HOST_FAILURE_TTL_MS, reason: `${host} is not reachable (${reason ?? 'no connection'})` };
    if (known.code === 'RATE_LIMITED') {
      const wait = Math.min(Math.max((retryAt ?? now) - now, 60_000), HOST_FAILURE_TTL_MS);
      return { scope: 'host', ttlMs: wait, reason: `${host} asked Rapport to slow down` };
    }
    if ((reason && REFUSALS.has(reason)) || (status !== null && status >= 400 && status < 500)) return { scope: 'url', ttlMs: URL_FAILURE_TTL_MS, reason: message };
    // A timeout, a 5xx or a dropped connection may pass: tried again after the shorter wait.
    return { scope: 'url', ttlMs: HOST_FAILURE_TTL_MS, reason: message };
  }
  if (known instanceof MediaAnswerError) {
    return { scope: 'url', ttlMs: known.status >= 500 ? HOST_FAILURE_TTL_MS : URL_FAILURE_TTL_MS, reason: message };
  }
  if (known?.code === 'INVALID_INPUT') return { scope: 'url', ttlMs: URL_FAILURE_TTL_MS, reason: message };
  return { scope: 'url', ttlMs: HOST_FAILURE_TTL_MS, reason: message };
}
