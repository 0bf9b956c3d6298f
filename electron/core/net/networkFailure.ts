// The errors the HTTP layer ends with. They are RapportErrors (the code is what the user can act
// on) that also say whether a write may have reached the server: the outbox must then check the
// relationship instead of sending again.
import { RapportError, type ErrorCode } from '../../../shared/api/errors';

export type NetworkFailureCode = Extract<ErrorCode, 'RATE_LIMITED' | 'NETWORK_ERROR' | 'OFFLINE'>;

export interface NetworkFailureDetails {
  /** The request may have been applied (sent, then the answer was lost or was a 5xx). */
  ambiguous: boolean;
  /** HTTP status of the last answer, when there was one. */
  status: number | null;
  /** When the network said we may try again (epoch ms), for RATE_LIMITED. */
  retryAt: number | null;
  endpoint: string;
  attempts: number;
  /**
   * What went wrong below HTTP, when known: the system's code (ENOTFOUND, ECONNREFUSED, …),
   * TIMEOUT, or REFUSED_URL / TOO_MANY_REDIRECTS when Rapport itself would not go there.
   */
  reason?: string;
}

export class NetworkFailure extends RapportError {
  readonly details: NetworkFailureDetails;
  constructor(code: NetworkFailureCode, message: string, details: NetworkFailureDetails) {
    super(code, message);
    this.name = 'NetworkFailure';
    this.details = details;
  }
}

/** Finds a RapportError anywhere in a cause chain (libraries such as @atproto/xrpc wrap ours). */
export function findRapportError(error: unknown): RapportError | null {
  let current: unknown = error;
  for (let depth = 0; depth < 8 && current !== undefined && current !== null; depth++) {
    if (current instanceof RapportError) return current;
    current = current instanceof Error ? current.cause : undefined;
  }
  return null;
}
