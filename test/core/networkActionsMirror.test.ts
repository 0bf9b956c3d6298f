// The window offers on each network what core's module for it allows: the shared NETWORK_ACTIONS
// (from shared/api/networks) and each core module's policy must agree.
import { describe, expect, it } from 'vitest';
import { NETWORKS } from '../../shared/domain';
import { NETWORK_ACTIONS, networkActs } from '../../shared/networkActions';
import { NETWORK_MODULES, networkPolicy } from '../../electron/core/networks/networkRegistry';
import { opensActionsOnSite } from '../../electron/core/outbox/actionOnSite';

describe('NETWORK_ACTIONS', () => {
  it.each(NETWORKS)('offers on %s exactly what core allows', (network) => {
    const policy = networkPolicy(network);
    const { opensOnSite, ...actions } = NETWORK_ACTIONS[network];
    expect(actions).toEqual({ canFollow: policy.canFollow, canDm: policy.canDm });
    // The window says "open on …" exactly where core opens the network's page instead of sending.
    expect(opensOnSite === true).toBe(opensActionsOnSite(network));
    expect(networkActs(network)).toBe(policy.dailyActions > 0);
  });

  it('lists the same networks in core and in the contract', () => {
    expect(NETWORK_MODULES.map((m) => m.id).sort()).toEqual([...NETWORKS].sort());
  });
});
