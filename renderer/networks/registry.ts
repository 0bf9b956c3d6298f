// REGISTRY of the networks the window knows: one line per network. Everything in the window that
// differs by network asks the account's entry here (networkUi.ts says what an entry provides).
import type { Account, CustomEmoji, Network, PersonProfile } from '../../shared/domain';
import { NETWORK_LABELS } from '../../shared/networkLabels';
import { formatHandle } from '../people/personIdentity';
import type { NetworkUi } from './networkUi';
import { blueskyUi } from './bluesky/blueskyUi';
import { githubUi } from './github/githubUi';
import { mastodonUi } from './mastodon/mastodonUi';
import { sampleUi } from './sample/sampleUi';
import { xUi } from './x/xUi';

export const NETWORK_UIS: readonly NetworkUi[] = [
  sampleUi,
  blueskyUi,
  mastodonUi,
  githubUi,
  xUi,
];

const BY_ID = new Map<Network, NetworkUi>(NETWORK_UIS.map((ui) => [ui.id, ui]));

/** The account's or person's network in the window; a network without a module gets its bare name. */
export function uiOf(network: Network): NetworkUi {
  return BY_ID.get(network) ?? { id: network, label: NETWORK_LABELS[network] };
}

/** The networks with a sign-in form: the Add account dialog's tabs, in registry order. */
export const SIGN_IN_UIS: readonly NetworkUi[] = NETWORK_UIS.filter((ui) => ui.SignInForm);

/** The first-run screen's buttons, in their order. */
export const WELCOME_UIS: readonly NetworkUi[] = NETWORK_UIS.filter((ui) => ui.welcome).sort((a, b) => (a.welcome?.order ?? 0) - (b.welcome?.order ?? 0));

/** "@ada.bsky.social · Bluesky": the account switcher's item names start with the handle. */
export function accountLabel(account: Account): string {
  const ui = uiOf(account.network);
  return ui.accountLabel?.(account) ?? `${formatHandle(account.handle)} · ${ui.label}`;
}

/** Custom emoji the profile's texts may use (none on networks without them). */
export function customEmojiOf(profile: PersonProfile): CustomEmoji[] | undefined {
  return uiOf(profile.network).customEmojiOf?.(profile);
}
