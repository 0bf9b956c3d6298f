// Bluesky notifications as interactions. Each item is read on its own: an item without a usable
// author or date, or of a reason Rapport does not keep (starterpack-joined, verified, like-via-
// repost…), is counted as ignored and never fails the page. The key is the notification's URI
// (the like or reply record itself), unique on the network.
import { z } from 'zod';
import type { InteractionKind } from '../../../../shared/interactions';
import { interactionExcerpt } from '../interactionExcerpt';
import type { InteractionsPage, RemoteInteraction } from '../provider';
import { parseAtUri } from './blueskyMapping';

const REASON_KINDS: Record<string, InteractionKind> = {
  reply: 'reply',
  mention: 'mention',
  quote: 'quote',
  like: 'like',
  repost: 'repost',
  follow: 'follow',
};

const notificationSchema = z.object({
  uri: z.string().startsWith('at://'),
  author: z.object({ did: z.string().startsWith('did:'), handle: z.string() }),
  reason: z.string(),
  reasonSubject: z.string().optional(),
  record: z.object({ text: z.unknown().optional() }).passthrough().optional(),
  indexedAt: z.string().datetime({ offset: true }),
});

const headSchema = notificationSchema.pick({ uri: true, indexedAt: true });

/** The page around the items, checked as a whole; the items are read one by one. */
export const notificationsPageSchema = z.object({ notifications: z.array(z.unknown()), cursor: z.string().optional() });

function postLink(uri: string | undefined): string | null {
  const parts = uri ? parseAtUri(uri) : null;
  if (!parts || parts.collection !== 'app.bsky.feed.post') return null;
  return `https://bsky.app/profile/${encodeURIComponent(parts.repo)}/post/${encodeURIComponent(parts.rkey)}`;
}

function toInteraction(raw: unknown): RemoteInteraction | null {
  const parsed = notificationSchema.safeParse(raw);
  if (!parsed.success) return null;
  const n = parsed.data;
  const kind = REASON_KINDS[n.reason];
  if (!kind) return null;
  const words = kind === 'reply' || kind === 'mention' || kind === 'quote';
  const link =
    kind === 'follow'
      ? `https://bsky.app/profile/${encodeURIComponent(n.author.did)}`
      : words
        ? postLink(n.uri)
        : postLink(n.reasonSubject);
  return {
    key: n.uri,
    personRemoteId: n.author.did,
    kind,
    direction: 'theirs',
    at: new Date(n.indexedAt).toISOString(),
    link,
    excerpt: words ? interactionExcerpt(typeof n.record?.text === 'string' ? n.record.text : null) : null,
  };
}

/** The page as Rapport keeps it. */
export function toInteractionsPage(page: z.infer<typeof notificationsPageSchema>): InteractionsPage {
  const items: RemoteInteraction[] = [];
  let ignored = 0;
  for (const raw of page.notifications) {
    const item = toInteraction(raw);
    if (item) items.push(item);
    else ignored++;
  }
  const head = headSchema.safeParse(page.notifications[0]);
  // An empty page that still has a cursor is the end (as with follower lists).
  return {
    items,
    ignored,
    cursor: page.notifications.length > 0 ? (page.cursor ?? null) : null,
    head: head.success ? { key: head.data.uri, at: new Date(head.data.indexedAt).toISOString() } : null,
  };
}
