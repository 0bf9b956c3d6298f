// Domain vocabulary both sides agree on. Pure TypeScript: no node, electron or DOM imports.
import type { Signal } from './signals/types';

export const STAGES = ['new', 'evaluated', 'connected', 'declined'] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_LABELS: Record<Stage, string> = {
  new: 'New',
  evaluated: 'Evaluated',
  connected: 'Connected',
  declined: 'Declined',
};

// The networks are listed once, in the registry of their contract parts.
export { NETWORKS, type Network } from './api/networks';
import type { Network } from './api/networks';
import type { InteractionCount } from './interactions';

export const BOARD_SORTS = ['newest', 'followers', 'name', 'score', 'engaged'] as const;
/** newest: most recent follower first · followers: most followers first · name: A→Z · engaged: most engagement with me first */
export type BoardSort = (typeof BOARD_SORTS)[number];

export interface Account {
  id: number;
  network: Network;
  remoteId: string;
  handle: string;
  displayName: string;
  serverUrl: string | null;
  createdAt: string; // ISO-8601
  lastSyncedAt: string | null;
  /** Networks that mirror notes: my notes are mirrored to the server's private account note. */
  noteSync?: boolean;
}

/** Why an account is no longer there; never an unfollow. */
export const GONE_REASONS = ['deactivated', 'deleted', 'suspended', 'takendown', 'moved'] as const;
export type GoneReason = (typeof GONE_REASONS)[number];

/**
 * What a board card needs: small, so a window of a column is cheap to ship.
 * avatarUrl is a renderer-relative URL (`media/...`) served locally by main or the harness,
 * or null when the avatar is not cached yet (the card then shows initials).
 */
export interface PersonCard {
  personId: number;
  handle: string;
  displayName: string;
  avatarUrl: string | null;
  followersCount: number;
  followingCount: number;
  bioSnippet: string; // plain text, at most ~140 chars
  stage: Stage;
  followsMe: boolean;
  iFollow: boolean;
  followedMeAt: string | null; // ISO-8601
  stageChangedAt: string;
  /** The latest network action (follow, unfollow, message) for this person, if any. */
  action?: ActionSummary;
  /** When the network reported the person deactivated, suspended or deleted. */
  goneAt?: string | null;
  /** Why they are gone, as the network said; with goneAt. */
  goneReason?: GoneReason | null;
  /** The handle a moved account now points at (goneReason 'moved'), when the network names it. */
  movedTo?: string | null;
  /** Explainable hints, strongest caution first (see shared/signals); absent until computed. */
  signals?: Signal[];
  /** The signals' combined score (higher = more worth a look); null until computed. */
  score?: number | null;
  tags?: string[];
  /** When I last sent this person a message through Rapport ("wrote 3 d ago"). */
  lastMessageAt?: string | null;
  /** While snoozed: until when, or 'nextPost' when waiting for their next post. */
  snoozedUntil?: string | 'nextPost' | null;
  /** Set when a snooze ended and the card came back to New (shown as a badge). */
  snoozeEndedAt?: string | null;
  /** A follow request waits for a locked account's approval ("Requested"). */
  followRequested?: boolean;
  /** How they engaged with me (replies, likes…), when they did: the card's "Replied 3× · liked 12". */
  engagement?: CardEngagement;
}

/** Per-kind interaction counts of a person (shared/interactions), with what the card says of them. */
export interface CardEngagement {
  counts: InteractionCount[];
  /** Weighted total of their interactions toward me (ENGAGEMENT_WEIGHTS). */
  points: number;
  /** Their latest interaction toward me (ISO-8601). */
  lastAt: string | null;
  /** They replied to or mentioned me before they followed me. */
  repliedBeforeFollowing: boolean;
}

export const ACTION_KINDS = ['follow', 'unfollow', 'dm', 'note'] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

export const ACTION_STATUSES = ['queued', 'sending', 'done', 'failed', 'opened'] as const;
/**
 * queued → sending → done | failed; a failed action goes back to queued on retry. On a network
 * that leaves every action to the person on its own pages (X): opened → done, when the person
 * marks it done or the next read of the network shows it.
 */
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** What a card shows of its latest action. */
export interface ActionSummary {
  id: number;
  kind: ActionKind;
  status: ActionStatus;
  error?: { code: string; message: string };
  /** The network's own page for this action, in the answer of the call that opened it (status 'opened'). */
  openUrl?: string;
}

/** One action of the outbox, as listActions returns it. */
export interface OutboxAction extends ActionSummary {
  accountId: number;
  personId: number;
  attempts: number;
  /** The message text of a dm action. */
  text?: string;
  createdAt: string;
  updatedAt: string;
  /** When it was last handed to the network. */
  sentAt: string | null;
  /** While queued after a failure: when the next attempt is due. */
  nextAttemptAt: string | null;
}

/** The per-network daily budget of follow/unfollow/message actions (rolling 24 hours). */
export interface ActionBudget {
  network: Network;
  limit: number;
  /** The network's default, the most the limit may be set to. */
  maxLimit: number;
  used: number;
  /** When the oldest counted action leaves the 24-hour window (frees one slot); null if none. */
  resetsAt: string | null;
}

export interface Post {
  id: number;
  remoteId: string;
  /** plain text, always present (search, signals, and networks that send text) */
  text: string;
  /** sanitized HTML (networks that send HTML), already passed through core's allow-list; renderer sanitizes again */
  html?: string | null;
  /** https link to the post on its network, opened through the allow-list */
  url?: string | null;
  createdAt: string;
  isReply: boolean;
  isRepost: boolean;
}

export interface PersonProfile extends PersonCard {
  network: Network;
  remoteId: string;
  bio: string; // plain text; render as text, never as HTML
  postsCount: number;
  joinedAt: string | null;
  profileUrl: string | null; // https URL on the network, opened through the allow-list
  fetchedAt: string;
  recentPosts: Post[];
  /** renderer-relative cached banner (`media/...`) or null */
  bannerUrl?: string | null;
  /** sanitized HTML bio (networks that send HTML); `bio` stays the plain-text copy */
  bioHtml?: string | null;
  /** profile fields (name and value pairs); values are sanitized HTML */
  fields?: ProfileField[];
  /** custom emoji used in name, bio, fields and posts, served from the media cache */
  emojis?: CustomEmoji[];
  /** people I follow who follow this person, where the network tells us */
  sharedConnections?: SharedConnection[];
  sharedConnectionsCount?: number | null;
  /** my private note about this person (plain text) */
  note?: string;
}

export interface ProfileField {
  name: string;
  valueHtml: string;
  verifiedAt: string | null;
}

export interface CustomEmoji {
  shortcode: string;
  /** renderer-relative cached image (`media/...`) or null while not cached */
  url: string | null;
}

export interface SharedConnection {
  handle: string;
  displayName: string;
  avatarUrl: string | null;
}

export type StageCounts = Record<Stage, number>;

export const SYNC_PHASES = ['followers', 'following', 'profiles', 'posts', 'avatars', 'done'] as const;
export type SyncPhase = (typeof SYNC_PHASES)[number];

export interface SyncProgress {
  accountId: number;
  runId: number;
  state: 'running' | 'done' | 'failed' | 'cancelled';
  phase: SyncPhase;
  /** items processed in the current phase */
  done: number;
  /** expected items in the current phase when the network tells us, else null */
  total: number | null;
  pages: number;
  startedAt: string;
  error: { code: string; message: string } | null;
  /**
   * Items of this run the network sent outside its own rules, kept with a field cut or left out
   * (shared/api/syncSummary.ts says it in words). Absent: none, or not known (an older run).
   */
  unreadable?: { profiles: number; posts: number };
  /**
   * While the network's rate limit holds the sync: when it goes on (ISO time). Absent or null:
   * not waiting.
   */
  waitingUntil?: string | null;
}
