// Error codes a user (or the UI on their behalf) can act on. Every failure that crosses the
// contract is one of these, with a human sentence in `message`.

export const ERROR_CODES = [
  'INVALID_INPUT', // the request did not match the method's schema
  'NOT_FOUND', // the account, person or run does not exist (any more)
  'CONFLICT', // the request contradicts current state (e.g. a sync already running)
  'AUTH_EXPIRED', // the network session must be renewed by the user
  'RATE_LIMITED', // the network asked us to slow down; retry later
  'BUDGET_EXCEEDED', // today's action budget for this network is spent
  'OFFLINE', // the network is unreachable; the action waits in the outbox
  'NETWORK_ERROR', // the network answered with an error we could not recover from
  'DB_TOO_NEW', // the database was written by a newer Rapport
  'INTERNAL', // a bug: logged with details, the user sees a short sentence
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface RapportErrorShape {
  code: ErrorCode;
  message: string;
}

/** The envelope every contract call resolves to; errors never travel as thrown exceptions. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: RapportErrorShape };

/** Thrown inside core and renderer code; converted to an Envelope at each process boundary. */
export class RapportError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'RapportError';
    this.code = code;
  }
  toShape(): RapportErrorShape {
    return { code: this.code, message: this.message };
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
