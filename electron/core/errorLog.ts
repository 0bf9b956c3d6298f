// What core writes to its log when something fails. Third-party errors (HTTP clients, XRPC, masto)
// carry request headers, response bodies and tokens as properties; logging the object would print
// them all. Only the error's name, our own code, its message and its stack frames are written.
import { RapportError } from '../../shared/api/errors';

/** "TypeError [NETWORK_ERROR]: message" plus the stack's frames; never the error's other properties. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return `a ${typeof error} was thrown (not shown)`;
  const code = error instanceof RapportError ? ` [${error.code}]` : '';
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .join('\n');
  return `${error.name}${code}: ${error.message}${frames ? `\n${frames}` : ''}`;
}

/** console.error with the failure described by describeError. */
export function logError(context: string, error: unknown): void {
  console.error(`${context}: ${describeError(error)}`);
}
