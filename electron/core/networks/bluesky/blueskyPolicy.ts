// What the outbox may do for a Bluesky account. Bluesky's documented write limits are 5,000
// points/hour and 35,000/day per account, a record create costing 3 points (~1,600 creates/hour,
// ~11,600/day). Following back people one by one from a board needs a small fraction of that, and
// accounts that follow in bulk are flagged as spam long before the hard cap, so 100 a day keeps a
// user far inside both.
import { blueskyContract } from '../../../../shared/api/networks/bluesky';
import type { NetworkActionPolicy } from '../networkActionPolicy';

export const blueskyPolicy: NetworkActionPolicy = { ...blueskyContract.actions, dailyActions: 100 };
