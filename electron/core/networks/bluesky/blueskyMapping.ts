// From Bluesky views (already validated) to the Provider vocabulary.
import type { RemoteEdge, RemoteProfile, RemoteSharedConnections } from '../provider';
import type { KnownFollowersData, ProfileViewData, ProfileViewDetailedData } from './blueskySchemas';

/** The AppView names at most this many known followers; more from a server is not kept. */
export const KNOWN_FOLLOWERS_NAMED = 5;

const TID_ALPHABET = '234567abcdefghijklmnopqrstuvwxyz';

/** Follow records are keyed by TID, which encodes when they were created (µs since epoch). */
export function tidTime(rkey: string): string | null {
  if (!/^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$/.test(rkey)) return null;
  let value = 0n;
  for (const char of rkey) value = (value << 5n) | BigInt(TID_ALPHABET.indexOf(char));
  const ms = Number(value >> 10n) / 1000;
  // Before Bluesky existed or in the future: not a timestamp we trust.
  if (ms < Date.UTC(2022, 0, 1) || ms > Date.now() + 86_400_000) return null;
  return new Date(ms).toISOString();
}

export interface AtUriParts {
  repo: string;
  collection: string;
  rkey: string;
}

export function parseAtUri(uri: string): AtUriParts | null {
  const match = /^at:\/\/([^/]+)\/([^/]+)\/([^/?#]+)$/.exec(uri);
  if (!match?.[1] || !match[2] || !match[3]) return null;
  return { repo: match[1], collection: match[2], rkey: match[3] };
}

export function profileUrl(handle: string, did: string): string {
  const who = handle && handle !== 'handle.invalid' ? handle : did;
  return `https://bsky.app/profile/${encodeURIComponent(who)}`;
}

/** knownFollowers as shared connections; the count never says fewer than the names listed. */
export function toSharedConnections(known: KnownFollowersData): RemoteSharedConnections {
  const people = known.followers.slice(0, KNOWN_FOLLOWERS_NAMED).map((f) => ({
    handle: f.handle,
    displayName: f.displayName?.trim() || f.handle,
    avatarUrl: null,
  }));
  return { count: Math.max(known.count, people.length), people };
}

export function toRemoteProfile(view: ProfileViewData | ProfileViewDetailedData): RemoteProfile {
  const detailed = view as ProfileViewDetailedData;
  const known = view.viewer?.knownFollowers;
  return {
    remoteId: view.did,
    handle: view.handle,
    displayName: view.displayName?.trim() || view.handle,
    bio: view.description ?? '',
    bioHtml: null,
    avatarUrl: view.avatar ?? null,
    followersCount: detailed.followersCount ?? null,
    followingCount: detailed.followsCount ?? null,
    postsCount: detailed.postsCount ?? null,
    joinedAt: view.createdAt ?? null,
    profileUrl: profileUrl(view.handle, view.did),
    ...(known ? { sharedConnections: toSharedConnections(known) } : {}),
  };
}

export function toFollowerEdge(view: ProfileViewData): RemoteEdge {
  const theirRecord = view.viewer?.followedBy ? parseAtUri(view.viewer.followedBy) : null;
  return {
    profile: toRemoteProfile(view),
    followedAt: theirRecord ? tidTime(theirRecord.rkey) : null,
    followRef: view.viewer?.following ?? null,
  };
}

export function toFollowingEdge(view: ProfileViewData): RemoteEdge {
  const ourRecord = view.viewer?.following ? parseAtUri(view.viewer.following) : null;
  return {
    profile: toRemoteProfile(view),
    followedAt: ourRecord ? tidTime(ourRecord.rkey) : null,
    followRef: view.viewer?.following ?? null,
  };
}
