// From validated Mastodon entities to the Provider vocabulary. Every piece of remote HTML goes
// through the sanitizer here, so nothing downstream ever sees Mastodon's raw markup.
import { cleanDisplayText, displayNameText, displayNameTokens, type DisplayNameToken } from '../../sanitize/customEmoji';
import { sanitizeMastodonHtml } from '../../sanitize/sanitizeMastodonHtml';
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

export function toMastodonProfile(instanceHost: string, account: AccountData): MastodonProfile {
  const acct = account.acct.includes('@') ? account.acct : `${account.acct}@${domainOf(instanceHost)}`;
  const tokens = displayNameTokens(account.displayName, account.emojis ?? []);
  const bio = sanitizeMastodonHtml(account.note);
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
    gone: account.suspended === true,
    mastodon: {
      accountId: account.id,
      acct,
      displayNameTokens: tokens,
      fields: (account.fields ?? []).slice(0, 16).map((f) => {
        const value = sanitizeMastodonHtml(f.value);
        return { name: cleanDisplayText(f.name), valueHtml: value.html, valueText: value.text, verifiedAt: f.verifiedAt ?? null };
      }),
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
