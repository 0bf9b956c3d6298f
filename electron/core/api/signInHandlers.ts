// beginSignIn / finishSignIn / cancelSignIn: the same three steps for every network. The handler
// only routes: the network's module does the signing in, and a pending sign-in is remembered by
// id so finish and cancel reach the module that began it.
import { RapportError } from '../../../shared/api/errors';
import type { SignInNetwork } from '../../../shared/api/networks/signInParams';
import type { SignInSteps, SignInStepsByNetwork } from '../networks/networkModule';
import type { HandlerGroup } from './handlerTypes';

export const SIGN_IN_NOT_WAITING = 'This sign-in is no longer waiting (it finished, was cancelled or timed out). Start it again.';

export function createSignInHandlers(steps: SignInStepsByNetwork): HandlerGroup {
  // Entries of sign-ins a module timed out linger until a finish or cancel asks; a few strings.
  const pending = new Map<string, SignInNetwork>();
  const stepsOf = (network: SignInNetwork): SignInSteps => steps[network] as unknown as SignInSteps;

  return {
    beginSignIn: async (params) => {
      const start = await stepsOf(params.network).begin(params);
      if (start.status === 'pending') pending.set(start.signInId, params.network);
      return start;
    },

    finishSignIn: async (input) => {
      const network = pending.get(input.signInId);
      const module = network === undefined ? undefined : stepsOf(network);
      if (!module?.finish) throw new RapportError('NOT_FOUND', SIGN_IN_NOT_WAITING);
      try {
        const account = await module.finish(input);
        pending.delete(input.signInId);
        return account;
      } catch (error) {
        if (error instanceof RapportError && error.code === 'NOT_FOUND') pending.delete(input.signInId);
        throw error;
      }
    },

    cancelSignIn: async ({ signInId }) => {
      const network = pending.get(signInId);
      if (network === undefined) return { cancelled: false };
      pending.delete(signInId);
      const module = stepsOf(network);
      return { cancelled: module.cancel ? await module.cancel(signInId) : false };
    },
  };
}
