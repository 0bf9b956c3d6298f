// What each network lets the outbox do, known without a signed-in provider (a move must decide
// whether to queue a follow while the network is unreachable). The single source of truth:
// providers declare these same figures in their capabilities, and the budget starts from them.
import type { Network } from '../../../shared/domain';

export interface NetworkActionPolicy {
  canFollow: boolean;
  canDm: boolean;
  /** Default daily budget of follow/unfollow/message actions; the user may only lower it. */
  dailyActions: number;
}

export const NETWORK_ACTION_POLICIES: Record<Network, NetworkActionPolicy> = {
  // Invented people live only in the sample provider's memory: a follow would be forgotten at the
  // next start and the following sync would then report an unfollow. So the sample board only
  // triages; it never acts.
  sample: { canFollow: false, canDm: false, dailyActions: 0 },
  // Bluesky's documented write limits are 5,000 points/hour and 35,000/day per account, a record
  // create costing 3 points (~1,600 creates/hour, ~11,600/day). Following back people one by one
  // from a board needs a small fraction of that, and accounts that follow in bulk are flagged as
  // spam long before the hard cap, so 100 a day keeps a user far inside both.
  bluesky: { canFollow: true, canDm: true, dailyActions: 100 },
  // Mastodon servers cap follows (mastodon.social: 400/day via rate limits); 100 keeps well under.
  mastodon: { canFollow: true, canDm: true, dailyActions: 100 },
  // The X API offers no follow or DM writes on the tiers Rapport can use.
  x: { canFollow: false, canDm: false, dailyActions: 0 },
  // GitHub has follows but no messages; its secondary rate limits punish bursts of writes.
  github: { canFollow: true, canDm: false, dailyActions: 100 },
};
