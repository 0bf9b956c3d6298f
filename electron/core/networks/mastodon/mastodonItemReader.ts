// Reads a list of Mastodon accounts one at a time, so one account a server sent outside the API's
// shape (a count as text, fields that are not a list) costs that account's broken field, not the
// page. A broken optional field is replaced by "not known" and the account kept; an account
// without a usable id, username or acct is left out. Mapping (the HTML sanitizer included) is
// guarded the same way. Each such account is reported by its remote id, never by its content.
import { z } from 'zod';
import type { RemotePost, UnreadableItem } from '../provider';
import { parseMastodonAnswer } from './mastodonErrors';
import { toRemotePost, type MastodonProfile } from './mastodonMapping';
import { mastodonRemoteId } from './mastodonRemoteId';
import { accountSchema, mastodonId, statusSchema, type AccountData } from './mastodonSchemas';

/** What stands in for a broken optional field: the value the mapping reads as "not known". */
const NOT_KNOWN: Record<string, unknown> = {
  displayName: '',
  note: '',
  url: null,
  avatar: null,
  avatarStatic: null,
  header: null,
  headerStatic: null,
  lastStatusAt: null,
  locked: undefined,
  bot: null,
  createdAt: '',
  followersCount: -1,
  followingCount: -1,
  statusesCount: -1,
  emojis: [],
  fields: [],
  suspended: undefined,
};

export interface ReadAccounts {
  profiles: MastodonProfile[];
  unreadable: UnreadableItem[];
  /** How many accounts the server sent, read or not (an empty page ends a walk). */
  sent: number;
}

function repair(raw: Record<string, unknown>): { account: AccountData; fields: string[] } | null {
  const item = { ...raw };
  const fields: string[] = [];
  for (let round = 0; round < 3; round++) {
    const parsed = accountSchema.safeParse(item);
    if (parsed.success) return { account: parsed.data, fields };
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '');
      if (!(field in NOT_KNOWN)) return null;
      item[field] = NOT_KNOWN[field];
      if (!fields.includes(field)) fields.push(field);
    }
  }
  return null;
}

/** The accounts of one answer that is a list of accounts (the list itself must be one). */
export function readAccountList(data: unknown, endpoint: string, instanceHost: string, toProfile: (account: AccountData) => MastodonProfile): ReadAccounts {
  const list = parseMastodonAnswer(z.array(z.unknown()), data, endpoint);
  const profiles: MastodonProfile[] = [];
  const unreadable: UnreadableItem[] = [];
  for (const entry of list) {
    const rawId = typeof entry === 'object' && entry !== null ? (entry as { id?: unknown }).id : undefined;
    const remoteId = mastodonId.safeParse(rawId).success ? mastodonRemoteId(instanceHost, rawId as string) : null;
    const parsed = accountSchema.safeParse(entry);
    const read = parsed.success ? { account: parsed.data, fields: [] } : remoteId !== null ? repair(entry as Record<string, unknown>) : null;
    let profile: MastodonProfile | null = null;
    if (read) {
      try {
        profile = toProfile(read.account);
      } catch {
        profile = null;
      }
    }
    if (profile && read) {
      if (read.fields.length > 0) {
        const item: UnreadableItem = { kind: 'profile', remoteId, outcome: 'cut', fields: read.fields };
        profile.unreadable = item;
        unreadable.push(item);
      }
      profiles.push(profile);
    } else {
      unreadable.push({ kind: 'profile', remoteId, outcome: 'skipped', fields: read?.fields ?? [] });
    }
  }
  return { profiles, unreadable, sent: list.length };
}

/**
 * A person's recent statuses: one the server sent broken is left out and the others kept (the
 * list itself must be a list). Posts are a preview; there is nothing to cut a broken one down to.
 */
export function readStatusList(data: unknown, endpoint: string, instanceHost: string, onUnreadable?: (items: UnreadableItem[]) => void): RemotePost[] {
  const posts: RemotePost[] = [];
  const unreadable: UnreadableItem[] = [];
  for (const entry of parseMastodonAnswer(z.array(z.unknown()), data, endpoint)) {
    const parsed = statusSchema.safeParse(entry);
    const id = typeof (entry as { id?: unknown } | null)?.id === 'string' ? (entry as { id: string }).id : null;
    if (!parsed.success) {
      unreadable.push({ kind: 'post', remoteId: id, outcome: 'skipped', fields: [...new Set(parsed.error.issues.map((i) => String(i.path[0] ?? 'status')))] });
      continue;
    }
    try {
      posts.push(toRemotePost(instanceHost, parsed.data));
    } catch {
      // Mapping never throws on what the schema lets through; if it ever does, the post is counted.
      unreadable.push({ kind: 'post', remoteId: id, outcome: 'skipped', fields: [] });
    }
  }
  if (unreadable.length > 0) onUnreadable?.(unreadable);
  return posts;
}
