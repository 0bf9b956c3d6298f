// The numbers behind every signal, in one place so a chip's "why" can be traced to a rule.
// They are deliberately round: a user reading "follows 3× as many as follow them" should be
// able to check it against the profile in their head.

export interface SignalThresholds {
  /** "follows-many" needs at least this many follows, so tiny accounts are not judged by ratio */
  followsManyMinFollowing: number;
  /** "follows-many" when following / followers reaches this */
  followsManyRatio: number;
  /** "mass-following" when following reaches this and the ratio reaches massFollowingRatio… */
  massFollowingMinFollowing: number;
  massFollowingRatio: number;
  /** …or when following reaches this whatever the ratio */
  massFollowingAbsolute: number;
  /** "balanced-ratio" needs both counts at least this */
  balancedMinCount: number;
  /** "balanced-ratio" when following / followers lies within [1/balancedMaxRatio, balancedMaxRatio] */
  balancedMaxRatio: number;
  /** "widely-followed" when followers reach this… */
  widelyFollowedMinFollowers: number;
  /** …and followers / following reaches this */
  widelyFollowedRatio: number;
  /** "inactive" when the last post is at least this many days old */
  inactiveDays: number;
  /** "active" when posts per week over the recent window reach this… */
  activePostsPerWeek: number;
  /** …and the last post (when known) is at most this many days old */
  activeMaxDaysSinceLastPost: number;
  /** "new-account" when the account is younger than this many days */
  newAccountDays: number;
  /** "established" when the account is at least this many days old… */
  establishedDays: number;
  /** …and has at least this many posts (or an unknown count) */
  establishedMinPosts: number;
  /** "churn" when the person unfollowed the user at least this many times */
  churnMinCycles: number;
  /** "engages" from this many engagement points (ENGAGEMENT_WEIGHTS): one reply, or three likes */
  engagesMinPoints: number;
}

export const DEFAULT_SIGNAL_THRESHOLDS: Readonly<SignalThresholds> = Object.freeze({
  followsManyMinFollowing: 100,
  followsManyRatio: 3,
  // 5,000 is where X historically capped follows for small accounts: only growth tactics get there.
  massFollowingMinFollowing: 5_000,
  massFollowingRatio: 2,
  massFollowingAbsolute: 20_000,
  balancedMinCount: 20,
  balancedMaxRatio: 2,
  widelyFollowedMinFollowers: 10_000,
  widelyFollowedRatio: 10,
  inactiveDays: 90,
  activePostsPerWeek: 1,
  activeMaxDaysSinceLastPost: 30,
  newAccountDays: 30,
  establishedDays: 730,
  establishedMinPosts: 50,
  churnMinCycles: 2,
  engagesMinPoints: 3,
});
