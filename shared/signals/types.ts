// Vocabulary of follower signals: the plain input they read and the chips they produce.
// Pure data, so the same code runs in core (for filtering in SQL-backed lists) and in the
// renderer (for chips), and so tests can describe a profile as a literal.
import type { Network } from '../domain';
import type { InteractionCount } from '../interactions';

/** What we know about the person's avatar. 'unknown' when the network does not let us tell. */
export type AvatarKind = 'custom' | 'default' | 'unknown';

/** One of our own recorded events about this person's relationship to the user. */
export interface FollowEvent {
  kind: 'followed_me' | 'unfollowed_me';
  /** ISO-8601 */
  at: string;
}

/** Posts counted over a recent window, e.g. { weeks: 4, posts: 12 }. */
export interface RecentActivity {
  weeks: number;
  posts: number;
}

/**
 * Everything the signals look at. null means "the network did not tell us": a signal that
 * needs an unknown value stays silent rather than guessing.
 */
export interface SignalInput {
  network: Network;
  handle: string;
  displayName: string;
  /** plain text */
  bio: string;
  followersCount: number | null;
  followingCount: number | null;
  postsCount: number | null;
  avatar: AvatarKind;
  /** ISO-8601 creation date of the account */
  joinedAt: string | null;
  /** ISO-8601 date of the latest post */
  lastPostAt: string | null;
  recentActivity: RecentActivity | null;
  /** our own events toward the user, in any order */
  events: readonly FollowEvent[];
  /** per-kind interaction counts with the user (shared/interactions); absent or empty: none known */
  interactions?: readonly InteractionCount[];
}

/**
 * Every signal, in the order chips are shown: strongest cautions first, then neutral hints,
 * then positive ones. Stable ids are what filters store.
 */
export const SIGNAL_IDS = [
  'churn',
  'follow-bait',
  'mass-following',
  'follows-many',
  'no-posts',
  'inactive',
  'new-account',
  'default-avatar',
  'widely-followed',
  'engages',
  'active',
  'balanced-ratio',
  'established',
] as const;
export type SignalId = (typeof SIGNAL_IDS)[number];

export type SignalTone = 'positive' | 'neutral' | 'caution';

export interface Signal {
  id: SignalId;
  tone: SignalTone;
  /** short chip text that says why, e.g. "Follows 35× their followers" */
  label: string;
  /** one sentence for a tooltip or the profile: the facts behind the chip */
  detail: string;
}

/** Names for a filter menu ("show people with …"), independent of any one person's numbers. */
export const SIGNAL_NAMES: Record<SignalId, string> = {
  churn: 'Follow/unfollow churn',
  'follow-bait': 'Follow-for-follow wording',
  'mass-following': 'Mass-following',
  'follows-many': 'Follows far more than followed',
  'no-posts': 'No posts',
  inactive: 'Long inactive',
  'new-account': 'New account',
  'default-avatar': 'Default avatar',
  'widely-followed': 'Widely followed',
  // Beside the filter bar's "Engages with me" toggle (any engagement at all), so it says the bar
  // it sets (engagesMinPoints: one reply, mention or quote, or three likes).
  engages: 'Engages strongly (a reply or 3 likes)',
  active: 'Active poster',
  'balanced-ratio': 'Balanced ratio',
  established: 'Established account',
};

/** The tone each signal always has, so a filter menu can colour its entries. */
export const SIGNAL_TONES: Record<SignalId, SignalTone> = {
  churn: 'caution',
  'follow-bait': 'caution',
  'mass-following': 'caution',
  'follows-many': 'caution',
  'no-posts': 'caution',
  inactive: 'caution',
  'new-account': 'caution',
  'default-avatar': 'caution',
  'widely-followed': 'neutral',
  engages: 'positive',
  active: 'positive',
  'balanced-ratio': 'positive',
  established: 'positive',
};
