// What the outbox may do for a Mastodon account. Servers cap follows (mastodon.social: 400/day
// via rate limits); 100 keeps well under.
import { mastodonContract } from '../../../../shared/api/networks/mastodon';
import type { NetworkActionPolicy } from '../networkActionPolicy';

export const mastodonPolicy: NetworkActionPolicy = { ...mastodonContract.actions, dailyActions: 100 };
