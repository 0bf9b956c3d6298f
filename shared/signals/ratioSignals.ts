// Signals from the follower / following counts: lopsided ratios, mass-following, balance, reach.
// Labels say the ratio, not the counts: a card shows the counts on its own line below the chips,
// and a chip that repeated them did not fit a card at full length.
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
  const reachRatio = followers / Math.max(following, 1);
  const followingText = `${formatCount(following)} ${following === 1 ? 'account' : 'accounts'}`;
  const followersText = `${formatCount(followers)} ${followers === 1 ? 'follower' : 'followers'}`;

  const massFollowing =
    following >= t.massFollowingAbsolute ||
    (following >= t.massFollowingMinFollowing && followRatio >= t.massFollowingRatio);
  if (massFollowing) {
    signals.push({
      id: 'mass-following',
      tone: 'caution',
      label: 'Mass-following',
      detail: `Follows ${followingText}, ${formatRatio(followRatio)} their ${followersText}.`,
    });
  }

  if (following >= t.followsManyMinFollowing && followRatio >= t.followsManyRatio) {
    signals.push({
      id: 'follows-many',
      tone: 'caution',
      label: `Follows ${formatRatio(followRatio)} their followers`,
      detail: `Follows ${followingText} and has ${followersText}: ${formatRatio(followRatio)} as many accounts as follow them.`,
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
      label: 'Balanced follow ratio',
      detail: `Follows ${followingText} and has ${followersText}: about as many either way.`,
    });
  }

  if (followers >= t.widelyFollowedMinFollowers && reachRatio >= t.widelyFollowedRatio) {
    signals.push({
      id: 'widely-followed',
      tone: 'neutral',
      label: `Followers ${formatRatio(reachRatio)} their follows`,
      detail: `Has ${followersText} and follows ${followingText}: ${formatRatio(reachRatio)} as many followers as accounts they follow.`,
    });
  }
  return signals;
}
