// Builds SignalInput from the profile the UI already holds, so core and renderer derive it the
// same way. What PersonProfile cannot tell (how the avatar looked remotely, our follow events)
// comes from the caller.
import type { PersonProfile } from '../domain';
import { latestPostAt, recentActivityFromPosts } from './activitySignals';
import type { AvatarKind, FollowEvent, SignalInput } from './types';

export interface ProfileSignalContext {
  avatar: AvatarKind;
  events: readonly FollowEvent[];
  now: Date;
  /** window for "posts per week"; 4 weeks smooths out a quiet week */
  recentWeeks?: number;
}

export function signalInputFromProfile(profile: PersonProfile, context: ProfileSignalContext): SignalInput {
  const postDates = profile.recentPosts.map((p) => p.createdAt);
  return {
    network: profile.network,
    handle: profile.handle,
    displayName: profile.displayName,
    bio: profile.bio,
    followersCount: profile.followersCount,
    followingCount: profile.followingCount,
    postsCount: profile.postsCount,
    avatar: context.avatar,
    joinedAt: profile.joinedAt,
    lastPostAt: latestPostAt(postDates),
    // With no posts fetched yet we cannot tell quiet from unknown, so claim nothing.
    recentActivity: postDates.length === 0 ? null : recentActivityFromPosts(postDates, context.now, context.recentWeeks ?? 4),
    events: context.events,
    interactions: profile.engagement?.counts ?? [],
  };
}
