// REGISTRY of core's network modules: one line per network. Everything else in core asks these
// modules (through the lookups below) instead of naming a network.
import type { Network } from '../../../shared/api/networks';
import { blueskyModule } from './bluesky/blueskyModule';
import { githubModule } from './github/githubModule';
import { mastodonModule } from './mastodon/mastodonModule';
import type { NetworkActionPolicy } from './networkActionPolicy';
import type { NetworkModule } from './networkModule';
import { sampleModule } from './sample/sampleModule';
import { xModule } from './x/xModule';

export const NETWORK_MODULES = [
  sampleModule,
  blueskyModule,
  mastodonModule,
  githubModule,
  xModule,
] as const;

// Compile-time proof that every network of the contract has a module here.
type Missing = Exclude<Network, (typeof NETWORK_MODULES)[number]['id']>;
const _everyNetwork: [Missing] extends [never] ? true : Missing = true;
void _everyNetwork;

const BY_ID = new Map<string, NetworkModule>(NETWORK_MODULES.map((m) => [m.id, m as unknown as NetworkModule]));

/** The module of a network, or undefined for a name this build has no module for. */
export function networkModule(network: string): NetworkModule | undefined {
  return BY_ID.get(network);
}

/** Rows of a network this build does not know (written by a newer one) take no actions. */
const NO_ACTIONS: NetworkActionPolicy = { canFollow: false, canDm: false, dailyActions: 0 };

export function networkPolicy(network: Network): NetworkActionPolicy {
  return networkModule(network)?.policy ?? NO_ACTIONS;
}
