// An X API v2 user as Rapport stores a person. Location, website, protected and verified have no
// column of their own: they become profile fields (escaped text, never HTML from X).
import type { RemoteProfile, UnreadableItem } from '../../provider';
import { xUserSchema, type XUser } from './xApiSchemas';

function escapeText(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** X serves 48-pixel avatars by default (`_normal`); the 400-pixel one reads on cards and drawers. */
function largerAvatar(url: string | undefined): string | null {
  if (!url || !/^https:\/\//.test(url)) return null;
  return url.replace(/_normal(\.\w+)$/, '_400x400$1');
}

export function xProfileOf(user: XUser): RemoteProfile {
  const fields: { name: string; valueHtml: string; verifiedAt: string | null }[] = [];
  if (user.location) fields.push({ name: 'Location', valueHtml: escapeText(user.location), verifiedAt: null });
  if (user.url) fields.push({ name: 'Website', valueHtml: escapeText(user.url), verifiedAt: null });
  if (user.protected) fields.push({ name: 'Posts', valueHtml: 'Protected: only approved followers see them', verifiedAt: null });
  if (user.verified) fields.push({ name: 'Verified', valueHtml: 'Verified on X', verifiedAt: null });
  const joined = user.created_at && !Number.isNaN(Date.parse(user.created_at)) ? new Date(user.created_at).toISOString() : null;
  return {
    remoteId: user.id,
    handle: user.username,
    displayName: user.name,
    bio: user.description ?? '',
    bioHtml: null,
    avatarUrl: largerAvatar(user.profile_image_url),
    followersCount: user.public_metrics?.followers_count ?? null,
    followingCount: user.public_metrics?.following_count ?? null,
    postsCount: user.public_metrics?.tweet_count ?? null,
    joinedAt: joined,
    profileUrl: `https://x.com/${user.username}`,
    // Most people have none of these: no extras row is written for them (each costs a write).
    ...(fields.length > 0 ? { extras: { bannerUrl: null, fields, emojis: [], lastPostAt: null } } : {}),
  };
}

/** Each item of a page checked on its own: one that breaks the rules is left out and reported. */
export function xProfilesOf(items: readonly unknown[]): { profiles: RemoteProfile[]; unreadable: UnreadableItem[] } {
  const profiles: RemoteProfile[] = [];
  const unreadable: UnreadableItem[] = [];
  for (const item of items) {
    const parsed = xUserSchema.safeParse(item);
    if (parsed.success) {
      profiles.push(xProfileOf(parsed.data));
      continue;
    }
    const id = typeof item === 'object' && item !== null && 'id' in item && typeof item.id === 'string' && /^\d{1,19}$/.test(item.id) ? item.id : null;
    unreadable.push({ kind: 'profile', remoteId: id, outcome: 'skipped', fields: [...new Set(parsed.error.issues.map((i) => String(i.path[0] ?? 'user')))] });
  }
  return { profiles, unreadable };
}
