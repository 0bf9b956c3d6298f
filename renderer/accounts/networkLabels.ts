// How each network is named in the window.
import type { Account, Network } from '../../shared/domain';
import { formatHandle } from '../people/personIdentity';

export const NETWORK_LABELS: Record<Network, string> = {
  sample: 'Sample data',
  bluesky: 'Bluesky',
  mastodon: 'Mastodon',
  x: 'X',
  github: 'GitHub',
};

/** "@ada.bsky.social · Bluesky": the account switcher's item names start with the handle. */
export function accountLabel(account: Account): string {
  return `${formatHandle(account.handle)} · ${NETWORK_LABELS[account.network]}`;
}
