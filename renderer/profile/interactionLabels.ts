// What one interaction is called in the profile, both ways ("Replied to you" / "You replied"), and
// its icon. Every kind any network reports has both, so a new network's kind cannot show blank.
import type { LucideIcon } from 'lucide-react';
import { AtSign, CircleDot, Eye, GitFork, GitPullRequest, Heart, Mail, Quote, Repeat2, Reply, Star, UserPlus } from 'lucide-react';
import type { InteractionDirection, InteractionKind } from '../../shared/interactions';

const THEIRS: Record<InteractionKind, string> = {
  reply: 'Replied to you',
  mention: 'Mentioned you',
  quote: 'Quoted you',
  message: 'Wrote to you',
  issue: 'Opened an issue on your repository',
  pull: 'Opened a pull request on your repository',
  repost: 'Reposted your post',
  fork: 'Forked your repository',
  like: 'Liked your post',
  star: 'Starred your repository',
  watch: 'Watches your repository',
  follow: 'Followed you',
};

const MINE: Record<InteractionKind, string> = {
  reply: 'You replied',
  mention: 'You mentioned them',
  quote: 'You quoted them',
  message: 'You wrote to them',
  issue: 'You opened an issue on their repository',
  pull: 'You opened a pull request on their repository',
  repost: 'You reposted their post',
  fork: 'You forked their repository',
  like: 'You liked their post',
  star: 'You starred their repository',
  watch: 'You watch their repository',
  follow: 'You followed them',
};

export const INTERACTION_ICONS: Record<InteractionKind, LucideIcon> = {
  reply: Reply,
  mention: AtSign,
  quote: Quote,
  message: Mail,
  issue: CircleDot,
  pull: GitPullRequest,
  repost: Repeat2,
  fork: GitFork,
  like: Heart,
  star: Star,
  watch: Eye,
  follow: UserPlus,
};

export function interactionLabel(kind: InteractionKind, direction: InteractionDirection): string {
  return direction === 'mine' ? MINE[kind] : THEIRS[kind];
}
