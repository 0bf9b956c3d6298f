// Which hosts an account's links (profiles, posts) open in the browser, asked of each network, so
// the code that publishes them (externalLinksDuty) names no network. Hosts every account of a
// network shares (bsky.app, x.com, github.com) are main's fixed list; these are per account.
import type { Account, Network } from '../../../shared/domain';
import { mastodonExternalHosts } from './mastodon/mastodonExternalHosts';

const NONE = (): string[] => [];

export const NETWORK_EXTERNAL_HOSTS: Record<Network, (account: Account) => string[]> = {
  sample: NONE,
  bluesky: NONE,
  mastodon: mastodonExternalHosts,
  x: NONE,
  github: NONE,
};
