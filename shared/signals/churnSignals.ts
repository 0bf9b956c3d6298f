// Follow/unfollow churn toward the user, from our own recorded events: someone who follows,
// waits for a follow-back, unfollows and comes back is playing the numbers.
import { formatDay } from './chipFormat';
import { parseInstant } from './elapsed';
import type { SignalThresholds } from './thresholds';
import type { FollowEvent, Signal } from './types';

export interface ChurnSummary {
  /** completed follow → unfollow cycles */
  cycles: number;
  /** whether the last event says they follow the user now */
  followingNow: boolean;
  lastUnfollowMs: number | null;
}

/**
 * Replays the events in time order. An unfollow counts as one cycle even without a recorded
 * follow before it (they must have followed before our history began); repeated events of the
 * same kind (a re-sync seeing the same state) count once. Events after `now` are ignored.
 */
export function summarizeChurn(events: readonly FollowEvent[], now: Date): ChurnSummary {
  const timed = events
    .map((e) => ({ kind: e.kind, ms: parseInstant(e.at) }))
    .filter((e): e is { kind: FollowEvent['kind']; ms: number } => e.ms !== null && e.ms <= now.getTime())
    .sort((a, b) => a.ms - b.ms);
  let state: 'unknown' | 'following' | 'unfollowed' = 'unknown';
  let cycles = 0;
  let lastUnfollowMs: number | null = null;
  for (const event of timed) {
    if (event.kind === 'followed_me') {
      state = 'following';
    } else if (state !== 'unfollowed') {
      cycles += 1;
      lastUnfollowMs = event.ms;
      state = 'unfollowed';
    }
  }
  return { cycles, followingNow: state === 'following', lastUnfollowMs };
}

export function churnSignals(input: { events: readonly FollowEvent[] }, now: Date, t: SignalThresholds): Signal[] {
  const churn = summarizeChurn(input.events, now);
  if (churn.cycles < t.churnMinCycles || churn.lastUnfollowMs === null) return [];
  const status = churn.followingNow ? 'follows you again now' : 'does not follow you now';
  return [
    {
      id: 'churn',
      tone: 'caution',
      label: `Followed and unfollowed you ${churn.cycles} times`,
      detail: `Last unfollowed you on ${formatDay(churn.lastUnfollowMs)}; ${status}.`,
    },
  ];
}
