// From validated Mastodon entities to the Provider vocabulary. Every piece of remote HTML goes
// through the sanitizer here, so nothing downstream ever sees Mastodon's raw markup.
import { cleanDisplayText, displayNameText, displayNameTokens, type DisplayNameToken } from './sanitize/customEmoji';
import { sanitizeMastodonHtml } from './sanitize/sanitizeMastodonHtml';
import type { RemotePost, RemoteProfile } from '../provider';
import { mastodonRemoteId } from './mastodonRemoteId';
import type { AccountData } from './mastodonSchemas';

export interface MastodonProfileField {
  name: string;
  valueHtml: string;
  valueText: string;
  verifiedAt: string | null;
}

/** A RemoteProfile plus what only Mastodon has: emoji in names, profile fields, locked accounts. */
export interface MastodonProfile extends RemoteProfile {
  mastodon: {
    /** Instance-local account id. */
    accountId: string;
    /** user@domain, fully qualified. */
    acct: string;
    displayNameTokens: DisplayNameToken[];
    fields: MastodonProfileField[];
    /** Follow requests need the owner's approval. */
    locked: boolean;
    bot: boolean;
  };
}

const HTTP_URL = /^https?:\/\//i;

function httpUrl(value: string | null | undefined): string | null {
  return value && HTTP_URL.test(value) ? value : null;
}

/** Mastodon's placeholder for "no header image" is a real URL ending in missing.png. */
function bannerOf(account: AccountData): string | null {
  const url = httpUrl(account.headerStatic) ?? httpUrl(account.header);
  return url && !/\/missing\.png$/i.test(url) ? url : null;
}

/** The account's custom emoji with usable image URLs (static preferred: no animation surprises). */
function emojisOf(account: AccountData): { shortcode: string; url: string }[] {
  const out: { shortcode: string; url: string }[] = [];
  const seen = new Set<string>();
  for (const emoji of account.emojis ?? []) {
    const url = httpUrl(emoji.staticUrl) ?? httpUrl(emoji.url);
    if (!url || !/^[a-zA-Z0-9_]{2,64}$/.test(emoji.shortcode) || seen.has(emoji.shortcode)) continue;
    seen.add(emoji.shortcode);
    out.push({ shortcode: emoji.shortcode, url });
    if (out.length >= 64) break;
  }
  return out;
}

function countOrNull(n: number): number | null {
  return n >= 0 ? n : null;
}

function isoOrNull(value: string): string | null {
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** The instance's host without a port, for qualifying local handles (`ada` → `ada@mastodon.social`). */
function domainOf(instanceHost: string): string {
  return instanceHost.replace(/:\d+$/, '');
}

/** Suspended accounts keep their identity but lose their content; a moved one points elsewhere. */
function goneFields(instanceHost: string, account: AccountData): Pick<RemoteProfile, 'gone' | 'goneReason' | 'movedTo'> {
  if (account.suspended === true) return { gone: true, goneReason: 'suspended' };
  const moved = account.moved?.acct;
  if (moved) return { gone: true, goneReason: 'moved', movedTo: moved.includes('@') ? moved : `${moved}@${domainOf(instanceHost)}` };
  return { gone: false };
}

export function toMastodonProfile(instanceHost: string, account: AccountData): MastodonProfile {
  const acct = account.acct.includes('@') ? account.acct : `${account.acct}@${domainOf(instanceHost)}`;
  const tokens = displayNameTokens(account.displayName, account.emojis ?? []);
  const bio = sanitizeMastodonHtml(account.note);
  const fields = (account.fields ?? []).slice(0, 16).map((f) => {
    const value = sanitizeMastodonHtml(f.value);
    return { name: cleanDisplayText(f.name), valueHtml: value.html, valueText: value.text, verifiedAt: f.verifiedAt ? isoOrNull(f.verifiedAt) : null };
  });
  return {
    remoteId: mastodonRemoteId(instanceHost, account.id),
    handle: acct,
    displayName: displayNameText(tokens) || account.username,
    bio: bio.text,
    bioHtml: bio.html,
    avatarUrl: httpUrl(account.avatarStatic) ?? httpUrl(account.avatar),
    followersCount: countOrNull(account.followersCount),
    followingCount: countOrNull(account.followingCount),
    postsCount: countOrNull(account.statusesCount),
    joinedAt: isoOrNull(account.createdAt),
    profileUrl: httpUrl(account.url),
    ...goneFields(instanceHost, account),
    extras: {
      bannerUrl: bannerOf(account),
      fields: fields.map(({ name, valueHtml, verifiedAt }) => ({ name, valueHtml, verifiedAt })),
      emojis: emojisOf(account),
      lastPostAt: account.lastStatusAt ? isoOrNull(account.lastStatusAt) : null,
    },
    mastodon: {
      accountId: account.id,
      acct,
      displayNameTokens: tokens,
      fields,
      locked: account.locked === true,
      bot: account.bot === true,
    },
  };
}

export function toRemotePost(instanceHost: string, status: { id: string; createdAt: string; content: string; inReplyToId?: string | null; reblog?: unknown }): RemotePost {
  const content = sanitizeMastodonHtml(status.content);
  return {
    remoteId: mastodonRemoteId(instanceHost, status.id),
    text: content.text,
    html: content.html,
    createdAt: isoOrNull(status.createdAt) ?? status.createdAt,
    isReply: status.inReplyToId !== null && status.inReplyToId !== undefined,
    isRepost: status.reblog !== null && status.reblog !== undefined,
  };
}
