// How each network is named in the window.
import type { Account } from '../../shared/domain';
import { NETWORK_LABELS } from '../../shared/networkLabels';
import { formatHandle } from '../people/personIdentity';

export { NETWORK_LABELS };

/** "@ada.bsky.social · Bluesky": the account switcher's item names start with the handle. */
export function accountLabel(account: Account): string {
  return `${formatHandle(account.handle)} · ${NETWORK_LABELS[account.network]}`;
}
