// Numbers the profile shows that are derived, not stored: the follow ratio, how old the account
// is, and how often the person posts (from the posts we cached, so a lower bound).
import type { PersonProfile } from '../../shared/domain';
import { formatDuration } from '../../shared/signals/chipFormat';
import { latestPostAt, recentActivityFromPosts } from '../../shared/signals';

const DAY_MS = 86_400_000;
/** "Posts a week" is averaged over this many weeks, so one quiet week does not read as silence. */
export const ACTIVITY_WEEKS = 4;
const oneDecimal = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });
const twoSignificant = new Intl.NumberFormat('en', { maximumSignificantDigits: 2 });

/**
 * Followers per account followed: "3.4", "0.028" (small ratios keep two significant digits, so
 * 210 / 7,400 does not read as 0), or null when they follow nobody (no ratio to show).
 */
export function followRatio(followers: number, following: number): string | null {
  if (following <= 0) return null;
  const ratio = followers / following;
  return ratio >= 1 || ratio === 0 ? oneDecimal.format(ratio) : twoSignificant.format(ratio);
}

/** "9 years", "3 months"; null when the network did not say when the account was made. */
export function accountAge(joinedAt: string | null, now: Date): string | null {
  if (!joinedAt) return null;
  const joined = Date.parse(joinedAt);
  if (Number.isNaN(joined) || joined > now.getTime()) return null;
  return formatDuration((now.getTime() - joined) / DAY_MS);
}

export interface PostingActivity {
  /** "3.5" posts a week over ACTIVITY_WEEKS, from cached posts */
  perWeek: string;
  lastPostAt: string | null;
}

/** null while no posts are cached: quiet and unknown look the same then. */
export function postingActivity(profile: PersonProfile, now: Date): PostingActivity | null {
  const dates = profile.recentPosts.map((post) => post.createdAt);
  if (dates.length === 0) return null;
  const recent = recentActivityFromPosts(dates, now, ACTIVITY_WEEKS);
  return { perWeek: oneDecimal.format(recent.posts / recent.weeks), lastPostAt: latestPostAt(dates) };
}
