// What the window may offer on each network: follow and message buttons, the unfollow question,
// the budget meter. Pure data from each network's contract file (shared/api/networks/); core's
// network modules enforce the same policy, and a test keeps the two equal.
import { NETWORK_ACTIONS } from './api/networks';
import type { Network } from './domain';

export interface NetworkActions {
  canFollow: boolean;
  canDm: boolean;
  /** Follows and messages open on the network's own pages for the person to do (X), never sent by Rapport. */
  opensOnSite?: boolean;
}

export { NETWORK_ACTIONS };

/** Whether the network takes any action at all (a budget is then worth showing). */
export function networkActs(network: Network): boolean {
  const actions = NETWORK_ACTIONS[network];
  return actions.canFollow || actions.canDm;
}
