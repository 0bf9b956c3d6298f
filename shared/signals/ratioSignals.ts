// Signals from the follower / following counts: lopsided ratios, mass-following, balance, reach.
import { formatCount, formatRatio } from './chipFormat';
import type { SignalThresholds } from './thresholds';
import type { Signal, SignalInput } from './types';

type RatioInput = Pick<SignalInput, 'followersCount' | 'followingCount'>;

export function ratioSignals(input: RatioInput, t: SignalThresholds): Signal[] {
  const followers = input.followersCount;
  const following = input.followingCount;
  if (followers === null || following === null || followers < 0 || following < 0) return [];

  const signals: Signal[] = [];
  // Dividing by at least 1 keeps "follows 400, followed by 0" a finite, very lopsided ratio.
  const followRatio = following / Math.max(followers, 1);
  const counts = `${formatCount(following)} accounts and ${followers === 1 ? 'is followed by 1' : `is followed by ${formatCount(followers)}`}`;

  const massFollowing =
    following >= t.massFollowingAbsolute ||
    (following >= t.massFollowingMinFollowing && followRatio >= t.massFollowingRatio);
  if (massFollowing) {
    signals.push({
      id: 'mass-following',
      tone: 'caution',
      label: 'Mass-following',
      detail: `Follows ${counts}; following thousands is a growth tactic more than a way to read people.`,
    });
  }

  if (following >= t.followsManyMinFollowing && followRatio >= t.followsManyRatio) {
    signals.push({
      id: 'follows-many',
      tone: 'caution',
      label: `Follows ${formatCount(following)} · followed by ${formatCount(followers)}`,
      detail: `Follows ${formatRatio(followRatio)} as many accounts as follow them (${counts}).`,
    });
  }

  if (
    !massFollowing &&
    followers >= t.balancedMinCount &&
    following >= t.balancedMinCount &&
    followRatio <= t.balancedMaxRatio &&
    followRatio >= 1 / t.balancedMaxRatio
  ) {
    signals.push({
      id: 'balanced-ratio',
      tone: 'positive',
      label: `Balanced · follows ${formatCount(following)} · followed by ${formatCount(followers)}`,
      detail: `Follows ${counts}: about as many in as out.`,
    });
  }

  const reachRatio = followers / Math.max(following, 1);
  if (followers >= t.widelyFollowedMinFollowers && reachRatio >= t.widelyFollowedRatio) {
    signals.push({
      id: 'widely-followed',
      tone: 'neutral',
      label: `Followed by ${formatCount(followers)} · follows ${formatCount(following)}`,
      detail: `Has ${formatRatio(reachRatio)} as many followers as follows: a broadcaster, who follows few back.`,
    });
  }
  return signals;
}
