// What core asks of a network. Generic code (handlers, engine, outbox) talks to a network only
// through this interface, so adding a network is a folder and a registry line, not edits across
// core.
import type { SignInStart } from '../../../shared/api/signInContract';
import type { SignInNetwork, SignInParamsOf } from '../../../shared/api/networks';
import type { Account } from '../../../shared/domain';
import type { CoreContext } from '../api/handlerTypes';

/** How a network signs in: at once (begin answers signedIn), or through its own page (pending). */
export interface SignInSteps<N extends SignInNetwork = SignInNetwork> {
  begin(params: SignInParamsOf<N>, ctx: CoreContext): Promise<SignInStart>;
  /** Completes a pending sign-in; NOT_FOUND when the module no longer waits for this id. */
  finish?(input: { signInId: string; code?: string }, ctx: CoreContext): Promise<Account>;
  /** False when the sign-in was no longer waiting. */
  cancel?(signInId: string): Promise<boolean>;
}

export type SignInStepsByNetwork = { [N in SignInNetwork]: SignInSteps<N> };
