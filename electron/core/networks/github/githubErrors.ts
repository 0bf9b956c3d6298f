// GitHub failures as errors a user can act on. Octokit wraps whatever our HTTP layer threw (a
// RATE_LIMITED or OFFLINE NetworkFailure) in its own RequestError; the cause chain still holds
// ours, and that one wins. Answers never reach a message verbatim: remote text is hostile.
import { RapportError } from '../../../../shared/api/errors';
import { GITHUB_TOKEN_PERMISSIONS } from '../../../../shared/api/networks/github';
import { findRapportError } from '../../net/networkFailure';

/** The HTTP status octokit saw, when the failure was an answer. */
export function statusOf(error: unknown): number | null {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : null;
}

export function githubError(error: unknown, what: string, signal?: AbortSignal): unknown {
  if (signal?.aborted) return signal.reason;
  const ours = findRapportError(error);
  if (ours) return ours;
  const status = statusOf(error);
  if (status === 401) {
    return new RapportError('AUTH_EXPIRED', 'GitHub no longer accepts Rapport\'s token (it was revoked or has expired). Sign in again with a new token.');
  }
  if (status === 403) {
    return new RapportError('AUTH_EXPIRED', `GitHub refused to ${what}: the token lacks a permission. ${GITHUB_TOKEN_PERMISSIONS}`);
  }
  if (status === 404) return new RapportError('NOT_FOUND', `GitHub could not ${what}: not found (the account may be deleted or renamed).`);
  if (status === 422) return new RapportError('INVALID_INPUT', `GitHub would not ${what}.`);
  if (status !== null && status >= 500) {
    return new RapportError('NETWORK_ERROR', `GitHub answered with a server error (HTTP ${status}) while trying to ${what}. Try again later.`);
  }
  return new RapportError('NETWORK_ERROR', `GitHub could not ${what}. Try again later.`);
}
