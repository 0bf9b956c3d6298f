// Account age: a days-old account is a common shape for spam and throwaways; years of history
// with posts are harder to fake.
import { formatCount, formatDay, formatDuration } from './chipFormat';
import { daysSince, parseInstant } from './elapsed';
import type { SignalThresholds } from './thresholds';
import type { Signal, SignalInput } from './types';

export function accountAgeSignals(input: Pick<SignalInput, 'joinedAt' | 'postsCount'>, now: Date, t: SignalThresholds): Signal[] {
  const joined = parseInstant(input.joinedAt);
  if (joined === null) return [];
  const ageDays = daysSince(joined, now);
  if (ageDays < t.newAccountDays) {
    return [
      {
        id: 'new-account',
        tone: 'caution',
        label: `New account · ${formatDuration(ageDays)}`,
        detail: `Joined on ${formatDay(joined)}.`,
      },
    ];
  }
  const hasHistory = input.postsCount === null || input.postsCount >= t.establishedMinPosts;
  if (ageDays >= t.establishedDays && hasHistory) {
    return [
      {
        id: 'established',
        tone: 'positive',
        label: `Established · ${formatDuration(ageDays)}`,
        detail: `Joined on ${formatDay(joined)}${input.postsCount === null ? '' : ` and has posted ${formatCount(input.postsCount)} times`}.`,
      },
    ];
  }
  return [];
}
