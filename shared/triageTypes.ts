// Vocabulary of triage beyond the board: filters, saved filters, timelines, stats, templates and
// exports. Pure TypeScript, shared by core and renderer.
import type { BoardSort, PersonCard, Stage, StageCounts } from './domain';
import type { SignalId } from './signals/types';

export const RELATIONSHIP_FILTERS = ['mutual', 'followsMe', 'iFollow', 'notFollowingBack', 'notFollowedBack', 'unfollowedMe'] as const;
/**
 * mutual: follows me and I follow · followsMe: follows me (whatever I do) · iFollow: I follow
 * (whatever they do) · notFollowingBack: I follow them, they do not follow me · notFollowedBack: they
 * follow me, I do not follow them · unfollowedMe: they followed me once and stopped.
 */
export type RelationshipFilter = (typeof RELATIONSHIP_FILTERS)[number];

/** Every field narrows the set; an empty filter matches everyone the account knows. */
export interface PeopleFilter {
  /** full-text over handle, name, bio and notes */
  query?: string;
  stages?: Stage[];
  /** people carrying every one of these tags */
  tags?: string[];
  /** people showing every one of these signals */
  signals?: SignalId[];
  relationship?: RelationshipFilter;
  /** ISO-8601 bounds on when they followed me (inclusive) */
  followedMeAfter?: string;
  followedMeBefore?: string;
  /** true: only snoozed people · false: hide snoozed people · absent: both */
  snoozed?: boolean;
  /** true: only people who engaged with me (replied, mentioned, liked…) */
  engages?: boolean;
}

export const MATCH_REASONS = ['name', 'handle', 'bio', 'note', 'tag'] as const;
/** Where a search found the person: what the palette says beside each result. */
export type MatchReason = (typeof MATCH_REASONS)[number];

/** One result of findPeople: the person's card and why it matched. */
export interface PersonMatch {
  card: PersonCard;
  matched: MatchReason;
}

export const PEOPLE_SORTS = ['newest', 'followers', 'name', 'score', 'lastActivity', 'engaged'] as const;
/** The board's sorts, plus lastActivity (most recently posted first). */
export type PeopleSort = (typeof PEOPLE_SORTS)[number];
export type { BoardSort };

export interface SavedFilter {
  id: number;
  accountId: number;
  name: string;
  filter: PeopleFilter;
  createdAt: string;
}

export const TIMELINE_KINDS = [
  'followed_me',
  'unfollowed_me',
  'i_followed',
  'i_unfollowed',
  'stage_changed',
  'dm_sent',
  'profile_changed',
  'gone',
  'snoozed',
  'snooze_ended',
  'note_changed',
  'tags_changed',
  'follow_requested',
  'came_back',
  /** Interactions of one kind on one day, grouped ("Liked 5 of your posts"); not an events row. */
  'interactions',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export interface TimelineEntry {
  /** Unique within one timeline; grouped interactions carry negative ids. */
  id: number;
  kind: TimelineKind;
  at: string;
  /** One plain sentence, e.g. "Moved from New to Connected" or "You wrote: Thanks for the follow…". */
  summary: string;
}

export type Snooze = { days: number } | { untilNextPost: true };

export interface StatsPoint {
  /** ISO date (YYYY-MM-DD) */
  date: string;
  value: number;
}

export interface WeeklyFlow {
  /** ISO date of the Monday that starts the week */
  weekStart: string;
  newFollowers: number;
  unfollows: number;
}

export interface AccountStats {
  /** Followers over time, one point per day that changed, rebuilt from events. */
  followerGrowth: StatsPoint[];
  /** Followers per stage now, plus how many ever reached each stage. */
  funnel: StageCounts;
  weekly: WeeklyFlow[];
  totals: { followers: number; following: number; mutual: number; notFollowingBack: number };
}

export interface MessageTemplate {
  id: number;
  name: string;
  /** May contain {name} and {handle}; filled in, then edited by the user, before each send. */
  body: string;
  updatedAt: string;
}

export const EXPORT_FORMATS = ['csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportFile {
  filename: string;
  mimeType: string;
  content: string;
  rows: number;
}
