// What the window may offer on each network: follow and message buttons, the unfollow question,
// the budget meter. Pure data, the renderer's copy of core's NETWORK_ACTION_POLICIES (core stays
// the one that enforces; a test keeps the two tables equal).
import type { Network } from './domain';

export interface NetworkActions {
  canFollow: boolean;
  canDm: boolean;
}

export const NETWORK_ACTIONS: Record<Network, NetworkActions> = {
  sample: { canFollow: false, canDm: false },
  bluesky: { canFollow: true, canDm: true },
  mastodon: { canFollow: true, canDm: true },
  x: { canFollow: false, canDm: false },
  github: { canFollow: true, canDm: false },
};

/** Whether the network takes any action at all (a budget is then worth showing). */
export function networkActs(network: Network): boolean {
  const actions = NETWORK_ACTIONS[network];
  return actions.canFollow || actions.canDm;
}
