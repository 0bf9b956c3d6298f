// Tests that expect a call to fail want the RapportError itself (code and sentence), not just
// "it threw": this awaits the promise and hands back the error, failing the test otherwise.
import { RapportError } from '../shared/api/errors';

export async function rapportError(promise: Promise<unknown>): Promise<RapportError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof RapportError) return error;
    throw error;
  }
  throw new Error('expected a RapportError');
}
