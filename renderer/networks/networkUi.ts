// What the window needs from one network: its name, how the user signs in to it, how its
// accounts and people are shown. Generic components ask the account's NetworkUi (registry.ts)
// instead of branching on the network, so a new network is its own folder plus one registry line.
import type { ComponentType } from 'react';
import type { LucideIcon } from 'lucide-react';
import type { Account, CustomEmoji, Network, PersonProfile } from '../../shared/domain';

export interface SignInFormProps {
  onSignedIn(account: Account): void;
  onCancel(): void;
}

/** A button on the first-run screen. */
export interface WelcomeEntry {
  /** The button's text, e.g. "Add … account". */
  label: string;
  /** Buttons are shown in ascending order; the first one is the primary button. */
  order: number;
  icon: LucideIcon;
  /** One sentence under the buttons about what this entry does. */
  note?: string;
  /** Shown instead of the notes while this network signs in without a form. */
  busyNote?: string;
}

/** What a network's no-messages view knows: the person, and the account looking at them. */
export interface NoMessagesProps {
  /** Their display name, or handle when they have none. */
  name: string;
  profile: PersonProfile;
  accountId: number;
}

export interface NetworkUi {
  readonly id: Network;
  /** "Bluesky" (the contract's label): the switcher, the account label, messages. */
  readonly label: string;
  /** Where "View on …" on a profile leads; the label when absent. */
  readonly siteName?: string;
  /** The Add account dialog's tab for this network; a network without one signs in without a form. */
  readonly SignInForm?: ComponentType<SignInFormProps>;
  /** Signs in with nothing to ask (the welcome button does it at once); for networks without a form. */
  signInWithoutForm?(): Promise<Account>;
  readonly welcome?: WelcomeEntry;
  /** The switcher's item text; "@handle · Label" when absent. */
  accountLabel?(account: Account): string;
  /** Wording of the remove button and its question; "Remove account" / "Remove @handle?" when absent. */
  readonly removal?: { buttonLabel: string; question: string };
  /** For a network whose actions are simulated (sample data): said beside the composer and the budget. */
  readonly simulatedNote?: string;
  /**
   * What stands where the composer would, on networks without messages: why there is none, and
   * whatever the network offers instead (GitHub: copy the text and open their email or profile).
   */
  readonly NoMessagesNote?: ComponentType<NoMessagesProps>;
  /** The cached banner picture of a profile, where the network has banners. */
  bannerOf?(profile: PersonProfile): string | null;
  /** Custom emoji used in the profile's name, bio, fields and posts (the same array each render). */
  customEmojiOf?(profile: PersonProfile): CustomEmoji[] | undefined;
  /** What the network adds to a profile below the bio (e.g. profile fields). */
  readonly ProfileExtras?: ComponentType<{ profile: PersonProfile }>;
}
