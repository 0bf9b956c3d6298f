// The few fields Rapport takes from each kind of archive item, read defensively: every value is
// remote text. Follower and following ids are the import's substance, so a malformed one fails the
// import; names and messages only enrich it, so an odd tweet or message is skipped, not fatal.
import { archiveError } from './archiveImportError';

export const X_ID = /^\d{1,25}$/;
const SCREEN_NAME = /^[A-Za-z0-9_]{1,50}$/;
const MAX_NAME_CHARS = 100;

type Json = Record<string, unknown>;

function objectAt(value: unknown, key: string): Json | null {
  if (typeof value !== 'object' || value === null) return null;
  const inner = (value as Json)[key];
  return typeof inner === 'object' && inner !== null && !Array.isArray(inner) ? (inner as Json) : null;
}

function idOf(value: unknown): string | null {
  return typeof value === 'string' && X_ID.test(value) ? value : null;
}

/** `{ follower: { accountId, userLink } }` or `{ following: … }`: the account id, or a failure. */
export function edgeAccountId(item: unknown, kind: 'follower' | 'following', fileName: string, index: number): string {
  const id = idOf(objectAt(item, kind)?.accountId);
  if (id === null) throw archiveError('malformed', `${fileName}, item ${index + 1}: no ${kind} account id`);
  return id;
}

export interface ArchiveOwner {
  id: string;
  username: string;
  displayName: string;
}

export function accountOwner(item: unknown): ArchiveOwner | null {
  const account = objectAt(item, 'account');
  const id = idOf(account?.accountId);
  const username = account?.username;
  if (!account || id === null || typeof username !== 'string' || !SCREEN_NAME.test(username)) return null;
  const display = typeof account.accountDisplayName === 'string' ? account.accountDisplayName.slice(0, MAX_NAME_CHARS) : '';
  return { id, username, displayName: display };
}

export interface NameSighting {
  id: string;
  handle: string;
  /** '' when the sighting carries no display name (a reply names only the screen name). */
  displayName: string;
  /** The tweet's id, zero-padded: larger is newer (X ids grow with time), so the newest name wins. */
  seen: string;
}

function padded(id: string): string {
  return id.padStart(25, '0');
}

/** Who a tweet mentions or replies to, with the names X printed for them at the time. */
export function tweetNameSightings(item: unknown): NameSighting[] {
  const tweet = objectAt(item, 'tweet') ?? (typeof item === 'object' && item !== null ? (item as Json) : null);
  if (!tweet) return [];
  const tweetId = idOf(tweet.id_str) ?? idOf(tweet.id);
  if (tweetId === null) return [];
  const seen = padded(tweetId);
  const sightings: NameSighting[] = [];
  const mentions = objectAt(tweet, 'entities')?.user_mentions;
  if (Array.isArray(mentions)) {
    for (const mention of mentions.slice(0, 100)) {
      if (typeof mention !== 'object' || mention === null) continue;
      const m = mention as Json;
      const id = idOf(m.id_str) ?? idOf(m.id);
      if (id === null || typeof m.screen_name !== 'string' || !SCREEN_NAME.test(m.screen_name)) continue;
      const displayName = typeof m.name === 'string' ? m.name.slice(0, MAX_NAME_CHARS) : '';
      sightings.push({ id, handle: m.screen_name, displayName, seen });
    }
  }
  const replyId = idOf(tweet.in_reply_to_user_id_str);
  const replyName = tweet.in_reply_to_screen_name;
  if (replyId !== null && typeof replyName === 'string' && SCREEN_NAME.test(replyName)) {
    sightings.push({ id: replyId, handle: replyName, displayName: '', seen });
  }
  return sightings;
}

export interface MessageSighting {
  partnerId: string;
  at: string;
}

/** The other person of each message of a one-to-one conversation (group chats are left out). */
export function conversationMessages(item: unknown, ownerId: string): MessageSighting[] {
  const conversation = objectAt(item, 'dmConversation');
  const messages = conversation?.messages;
  if (!Array.isArray(messages)) return [];
  const found: MessageSighting[] = [];
  for (const message of messages) {
    const create = objectAt(message, 'messageCreate');
    if (!create) continue;
    const sender = idOf(create.senderId);
    const recipient = idOf(create.recipientId);
    const at = typeof create.createdAt === 'string' ? Date.parse(create.createdAt) : NaN;
    if (sender === null || recipient === null || Number.isNaN(at)) continue;
    const partnerId = sender === ownerId ? recipient : recipient === ownerId ? sender : null;
    if (partnerId === null || partnerId === ownerId) continue;
    found.push({ partnerId, at: new Date(at).toISOString() });
  }
  return found;
}
