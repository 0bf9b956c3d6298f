// Domain vocabulary both sides agree on. Pure TypeScript: no node, electron or DOM imports.

export const STAGES = ['new', 'evaluated', 'connected', 'declined'] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_LABELS: Record<Stage, string> = {
  new: 'New',
  evaluated: 'Evaluated',
  connected: 'Connected',
  declined: 'Declined',
};

export const NETWORKS = ['sample', 'bluesky', 'mastodon', 'x', 'github'] as const;
export type Network = (typeof NETWORKS)[number];

export const BOARD_SORTS = ['newest', 'followers', 'name'] as const;
/** newest: most recent follower first · followers: most followers first · name: A→Z */
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
}

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
}

export interface Post {
  id: number;
  remoteId: string;
  text: string;
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
}
