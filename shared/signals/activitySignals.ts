// Posting activity: never posted, silent for months, or posting regularly.
import { formatDay, formatDuration } from './chipFormat';
import { daysSince, parseInstant } from './elapsed';
import type { SignalThresholds } from './thresholds';
import type { RecentActivity, Signal, SignalInput } from './types';

type ActivityInput = Pick<SignalInput, 'postsCount' | 'lastPostAt' | 'recentActivity' | 'joinedAt'>;

export function activitySignals(input: ActivityInput, now: Date, t: SignalThresholds): Signal[] {
  if (input.postsCount === 0) {
    const joined = parseInstant(input.joinedAt);
    const since = joined === null ? '' : ` in ${formatDuration(daysSince(joined, now))} on the network`;
    return [{ id: 'no-posts', tone: 'caution', label: 'No posts', detail: `Has not posted anything${since}.` }];
  }

  const lastPost = parseInstant(input.lastPostAt);
  const quietDays = lastPost === null ? null : daysSince(lastPost, now);
  if (lastPost !== null && quietDays !== null && quietDays >= t.inactiveDays) {
    return [
      {
        id: 'inactive',
        tone: 'caution',
        label: `No posts in ${formatDuration(quietDays)}`,
        detail: `Last post on ${formatDay(lastPost)}.`,
      },
    ];
  }

  const recent = input.recentActivity;
  if (recent === null || recent.weeks <= 0) return [];
  const perWeek = recent.posts / recent.weeks;
  const recentEnough = quietDays === null || quietDays <= t.activeMaxDaysSinceLastPost;
  if (perWeek < t.activePostsPerWeek || !recentEnough) return [];
  const shown = Math.round(perWeek);
  return [
    {
      id: 'active',
      tone: 'positive',
      label: `Active · ${shown} ${shown === 1 ? 'post' : 'posts'} a week`,
      detail: `${recent.posts} posts in the last ${recent.weeks === 1 ? 'week' : `${recent.weeks} weeks`}${lastPost === null ? '' : `, latest on ${formatDay(lastPost)}`}.`,
    },
  ];
}

/**
 * Builds RecentActivity from the dates of the posts we hold. Our cache keeps only the latest
 * posts, so this is a lower bound, which is the safe direction for a positive signal.
 */
export function recentActivityFromPosts(postDates: readonly string[], now: Date, weeks: number): RecentActivity {
  const windowDays = weeks * 7;
  let posts = 0;
  for (const iso of postDates) {
    const at = parseInstant(iso);
    if (at !== null && at <= now.getTime() && daysSince(at, now) <= windowDays) posts += 1;
  }
  return { weeks, posts };
}

/** The newest of the given post dates, or null. */
export function latestPostAt(postDates: readonly string[]): string | null {
  let best: { iso: string; ms: number } | null = null;
  for (const iso of postDates) {
    const ms = parseInstant(iso);
    if (ms !== null && (best === null || ms > best.ms)) best = { iso, ms };
  }
  return best?.iso ?? null;
}
