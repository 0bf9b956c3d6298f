// What an X archive says about who engages with whom: my replies to and mentions of each person
// (tweets*.js), and our direct messages (direct-messages*.js), as interactions. Every field is
// remote text read defensively; an odd tweet or message yields nothing, never failing the import.
//
// - A reply to someone is a 'reply' to them, direction 'mine'; the people it mentions besides them
//   are 'mention's (X adds the replied-to person to the mentions, so they are not counted twice).
//   Replies to myself (threads) and mentions of myself are left out.
// - A retweet ("RT @name: …") names the author as its first mention: it is a 'repost' of theirs by
//   me, and the other names in it are the author's mentions, not mine.
// - A direct message is a 'message', 'theirs' when they sent it, 'mine' when I did; group chats
//   are left out, as for message partners.
// Keys are unique per item (the tweet and the person, the message id), so importing the same
// archive again, or a newer one that repeats it, stores nothing twice.
import type { InteractionKind } from '../../../../../shared/interactions';
import { interactionExcerpt } from '../../interactionExcerpt';
import type { RemoteInteraction } from '../../provider';
import { X_ID } from './archiveRecords';

/** One interaction as staged for the merge: the shape the interactions repository stores. */
export type ArchiveInteraction = RemoteInteraction;

type Json = Record<string, unknown>;

const MAX_MENTIONS = 100;
const CONVERSATION_ID = /^\d{1,25}-\d{1,25}$/;
const SCREEN_NAME = /^[A-Za-z0-9_]{1,50}$/;

function object(value: unknown): Json | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : null;
}

function idOf(value: unknown): string | null {
  return typeof value === 'string' && X_ID.test(value) ? value : null;
}

function isoOf(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : new Date(at).toISOString();
}

/** My replies, mentions and retweets in one tweet of my archive. */
export function tweetInteractions(item: unknown, owner: { id: string; username: string }): ArchiveInteraction[] {
  const tweet = object(object(item)?.tweet) ?? object(item);
  if (!tweet) return [];
  const tweetId = idOf(tweet.id_str) ?? idOf(tweet.id);
  const at = isoOf(tweet.created_at);
  if (tweetId === null || at === null) return [];
  const text = typeof tweet.full_text === 'string' ? tweet.full_text : typeof tweet.text === 'string' ? tweet.text : '';
  const link = SCREEN_NAME.test(owner.username) ? `https://x.com/${owner.username}/status/${tweetId}` : null;
  const excerpt = interactionExcerpt(text);
  const out: ArchiveInteraction[] = [];
  const seen = new Set<string>([owner.id]);
  const add = (personRemoteId: string, kind: InteractionKind): void => {
    if (seen.has(personRemoteId)) return;
    seen.add(personRemoteId);
    out.push({ key: `tweet:${tweetId}:${personRemoteId}`, personRemoteId, kind, direction: 'mine', at, link, excerpt });
  };
  const mentions = object(tweet.entities)?.user_mentions;
  const mentioned = (Array.isArray(mentions) ? mentions.slice(0, MAX_MENTIONS) : []).flatMap((m) => {
    const id = idOf(object(m)?.id_str) ?? idOf(object(m)?.id);
    return id === null ? [] : [id];
  });
  if (text.startsWith('RT @')) {
    const author = mentioned[0];
    if (author !== undefined) add(author, 'repost');
    return out;
  }
  const repliedTo = idOf(tweet.in_reply_to_user_id_str) ?? idOf(tweet.in_reply_to_user_id);
  if (repliedTo !== null) add(repliedTo, 'reply');
  for (const id of mentioned) add(id, 'mention');
  return out;
}

/** Each message of a one-to-one conversation with its direction. */
export function messageInteractions(item: unknown, ownerId: string): ArchiveInteraction[] {
  const conversation = object(object(item)?.dmConversation);
  const messages = conversation?.messages;
  if (!conversation || !Array.isArray(messages)) return [];
  const conversationId = typeof conversation.conversationId === 'string' && CONVERSATION_ID.test(conversation.conversationId) ? conversation.conversationId : null;
  const link = conversationId === null ? null : `https://x.com/messages/${conversationId}`;
  const out: ArchiveInteraction[] = [];
  for (const message of messages) {
    const create = object(object(message)?.messageCreate);
    if (!create) continue;
    const id = idOf(create.id);
    const sender = idOf(create.senderId);
    const recipient = idOf(create.recipientId);
    const at = isoOf(create.createdAt);
    if (id === null || sender === null || recipient === null || at === null || sender === recipient) continue;
    const mine = sender === ownerId;
    if (!mine && recipient !== ownerId) continue;
    out.push({
      key: `dm:${id}`,
      personRemoteId: mine ? recipient : sender,
      kind: 'message',
      direction: mine ? 'mine' : 'theirs',
      at,
      link,
      excerpt: interactionExcerpt(typeof create.text === 'string' ? create.text : null),
    });
  }
  return out;
}
