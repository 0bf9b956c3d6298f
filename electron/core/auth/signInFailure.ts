// What a sign-in says when the server cannot be reached. The HTTP layer's OFFLINE message is
// written for background work ("Rapport will try again when it is back"), but nothing retries a
// sign-in: the person has to check what they typed and their connection, then try again.
import { RapportError } from '../../../shared/api/errors';
import { findRapportError, NetworkFailure } from '../net/networkFailure';

/** The error a sign-in step ends with: OFFLINE reworded for a sign-in, anything else unchanged. */
export function signInFailure(error: unknown, server: string): unknown {
  const ours = findRapportError(error);
  if (ours?.code !== 'OFFLINE') return error;
  const reason = ours instanceof NetworkFailure && ours.details.reason ? ` (${ours.details.reason})` : '';
  const message = `${server} could not be reached${reason}. Check the server address and your internet connection, then try again.`;
  return ours instanceof NetworkFailure ? new NetworkFailure('OFFLINE', message, ours.details) : new RapportError('OFFLINE', message);
}

/** Runs one sign-in step, rewording an unreachable server as above. */
export async function asSignInStep<T>(server: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    throw signInFailure(error, server);
  }
}
