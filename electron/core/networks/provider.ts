// The one interface every network implements (docs/ARCHITECTURE.md, "Sync, HTTP and media"). The sync engine and the outbox
// speak only this; a provider knows its network's API and nothing about SQLite.
import type { GoneReason, Network } from '../../../shared/domain';
import type { InteractionDirection, InteractionKind } from '../../../shared/interactions';

export interface ProviderCapabilities {
  /** Largest page the list endpoints return. */
  pageMax: number;
  /** Largest batch getProfiles accepts. */
  profileBatch: number;
  canFollow: boolean;
  canDm: boolean;
  /** Whether list pages already carry full profiles (counts, bio), so no hydration is needed. */
  listsCarryFullProfiles: boolean;
  limits: {
    /** Default per-day budget of follow/unfollow/DM actions, well under the platform's cap. */
    dailyActions: number;
  };
}

/** A person as the network describes them. remoteId is stable (DID, instance+id, numeric id). */
export interface RemoteProfile {
  remoteId: string;
  handle: string;
  displayName: string;
  bio: string;
  /** Sanitized HTML bio where the network sends HTML (Mastodon); null otherwise. */
  bioHtml: string | null;
  avatarUrl: string | null;
  followersCount: number | null;
  followingCount: number | null;
  postsCount: number | null;
  joinedAt: string | null; // ISO-8601
  profileUrl: string | null;
  /** Deactivated, suspended, taken down or defederated. */
  gone?: boolean;
  /** Why, when the profile itself says (a Mastodon account that moved); with gone. */
  goneReason?: GoneReason;
  /** The handle a moved account points at. */
  movedTo?: string | null;
  /**
   * People I follow who follow this person, as the network reports them (Bluesky's
   * knownFollowers on full profiles): how many in all and the few it names. Absent: not reported,
   * whatever is stored stays.
   */
  sharedConnections?: RemoteSharedConnections;
  /** Parts only some networks have (Mastodon). Absent: whatever is stored stays as it is. */
  extras?: RemoteProfileExtras;
  /** Set when the network sent this profile outside its rules and it is kept with fields cut. */
  unreadable?: UnreadableItem;
}

export interface RemoteProfileExtras {
  bannerUrl: string | null;
  /** Profile fields; values already sanitized HTML. */
  fields: { name: string; valueHtml: string; verifiedAt: string | null }[];
  /** Custom emoji the name, bio and fields use (http(s) image URLs, cached on demand). */
  emojis: { shortcode: string; url: string }[];
  /** When the person last posted, as the network reports it (ISO-8601). */
  lastPostAt: string | null;
}

export interface RemoteSharedConnections {
  count: number;
  /** Avatars are never taken from here: remote images reach the UI only through the media cache. */
  people: { handle: string; displayName: string; avatarUrl: null }[];
}

export interface RemoteEdge {
  profile: RemoteProfile;
  /** When the follow happened, if the network says; lists are newest first regardless. */
  followedAt: string | null;
  /** Reference needed to undo the follow (Bluesky record URI), when it is ours. */
  followRef?: string | null;
}

export interface RemotePage<T> {
  items: T[];
  /** Cursor for the next page, or null at the end. */
  cursor: string | null;
  /** Items of this page the network sent outside its own rules (kept with a field cut, or left out). */
  unreadable?: UnreadableItem[];
}

/**
 * One item of an answer that broke the network's rules (a 300-character display name from a
 * custom server, a count that is not a number). The rest of the answer is kept; this one is
 * stored with the offending fields cut or emptied ('cut') or left out ('skipped'), and the sync
 * reports how many. Never carries the payload itself.
 */
export interface UnreadableItem {
  kind: 'profile' | 'post';
  /** The item's remote id when it had a usable one. */
  remoteId: string | null;
  outcome: 'cut' | 'skipped';
  /** The fields that were cut or broke the rules (e.g. "displayName"). */
  fields: string[];
}

export interface RemotePost {
  remoteId: string;
  text: string;
  html: string | null;
  createdAt: string;
  isReply: boolean;
  isRepost: boolean;
}

export interface RemoteRelationship {
  remoteId: string;
  followsMe: boolean;
  iFollow: boolean;
  followRef: string | null;
  gone: boolean;
  /** A follow request waits for the person's approval (locked Mastodon accounts). */
  requested?: boolean;
}

/**
 * Whether an account still exists as the network sees it. Lists and batch lookups silently leave
 * out accounts that are deactivated, deleted or suspended, so "missing" alone says nothing; this
 * is the question a removal check asks before recording anything. 'unknown': the network would not
 * say (the check keeps the edge as it is).
 */
export type AccountState = 'active' | GoneReason | 'unknown';

export interface RemoteAccountStatus {
  remoteId: string;
  state: AccountState;
  /** For 'moved': the handle the account points at, when the network names it. */
  movedTo?: string | null;
}

/**
 * One interaction as the network reports it (a reply, a like, a star…), normalized. `key` is
 * unique per network item for the account (a notification's id or URI), so a page read twice
 * stores nothing twice.
 */
export interface RemoteInteraction {
  key: string;
  /** The other person's stable remote id (the same id their profile is stored under). */
  personRemoteId: string;
  kind: InteractionKind;
  direction: InteractionDirection;
  /** ISO-8601 */
  at: string;
  /** An https link to the item on the network, when there is one. */
  link: string | null;
  /** Plain text, already shortened, where the item has words (a reply's text). */
  excerpt: string | null;
}

/** Where an interactions read starts. */
export interface InteractionsPosition {
  /** The page cursor from the previous page of this walk; null for the newest page. */
  cursor: string | null;
  /**
   * The key of the newest item a completed walk stored: a network that can filter by it (Mastodon's
   * since_id) asks only for newer items; the others are stopped by the walk when it reaches it.
   */
  newerThan: string | null;
}

export interface InteractionsPage {
  /** Newest first. */
  items: RemoteInteraction[];
  /** Cursor for the next (older) page, or null at the end. */
  cursor: string | null;
  /** Items of kinds Rapport does not keep (or unreadable items): counted, never failing the page. */
  ignored: number;
  /**
   * The page's newest item, kept or skipped, when it has a usable key and date: the next walk stops
   * there, so skipped items are not read (and counted) again.
   */
  head?: { key: string; at: string } | null;
}

export interface FetchedMedia {
  bytes: Uint8Array;
  contentType: string;
}

export interface Provider {
  readonly network: Network;
  readonly capabilities: ProviderCapabilities;
  /** The signed-in account itself. */
  getSelf(): Promise<RemoteProfile>;
  listFollowers(cursor: string | null, limit: number, signal?: AbortSignal): Promise<RemotePage<RemoteEdge>>;
  listFollowing(cursor: string | null, limit: number, signal?: AbortSignal): Promise<RemotePage<RemoteEdge>>;
  getProfiles(remoteIds: string[], signal?: AbortSignal): Promise<RemoteProfile[]>;
  /** A post the network sent outside its rules is left out and told to `onUnreadable`, never failing the rest. */
  getRecentPosts(remoteId: string, limit: number, signal?: AbortSignal, onUnreadable?: (items: UnreadableItem[]) => void): Promise<RemotePost[]>;
  getRelationships(remoteIds: string[], signal?: AbortSignal): Promise<RemoteRelationship[]>;
  /** The state of each account (one answer per id, in any order), asked before a removal is recorded. */
  accountStatus(remoteIds: string[], signal?: AbortSignal): Promise<RemoteAccountStatus[]>;
  /** Returns the follow reference (record key/URI) needed to unfollow later. */
  follow(remoteId: string, idempotencyKey: string): Promise<{ followRef: string | null; pending: boolean }>;
  unfollow(remoteId: string, followRef: string | null): Promise<void>;
  sendDm(remoteId: string, text: string, idempotencyKey: string): Promise<{ messageId: string }>;
  /** Mirrors my private note about a person to the network (Mastodon account notes). */
  setPrivateNote?(remoteId: string, text: string): Promise<void>;
  /**
   * Who engages with me, newest first (notifications: replies, mentions, likes…). Absent: the
   * network has no such reading and the sync skips the interactions step.
   */
  listInteractions?(position: InteractionsPosition, signal?: AbortSignal): Promise<InteractionsPage>;
  /** Downloads (or, for the sample network, generates) an avatar or other media. */
  fetchMedia(url: string, signal?: AbortSignal): Promise<FetchedMedia>;
}
