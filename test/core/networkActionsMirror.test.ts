import { describe, expect, it } from 'vitest';
import { NETWORKS } from '../../shared/domain';
import { NETWORK_ACTIONS, networkActs } from '../../shared/networkActions';
import { NETWORK_ACTION_POLICIES } from '../../electron/core/providers/networkActionPolicy';

describe('NETWORK_ACTIONS', () => {
  it.each(NETWORKS)('offers on %s exactly what core allows', (network) => {
    const policy = NETWORK_ACTION_POLICIES[network];
    expect(NETWORK_ACTIONS[network]).toEqual({ canFollow: policy.canFollow, canDm: policy.canDm });
    expect(networkActs(network)).toBe(policy.dailyActions > 0);
  });
});
