// Mastodon notifications as interactions. Mastodon delivers a reply to my post as a `mention`
// whose status replies to me; that becomes a reply. favourite → like, reblog → repost, quote,
// follow. `status` (a post by someone whose posts I asked to be told about) says nothing about
// them engaging with me, so it is skipped and counted, like every type Rapport does not keep
// (poll, update, admin.*, severed_relationships, and types added later). Each item is read on its
// own: one broken item is counted, never failing the page. Keys are notification ids, which only
// grow, so since_id asks the server for nothing older than what is stored.
import { z } from 'zod';
import type { InteractionKind } from '../../../../shared/interactions';
import { interactionExcerpt } from '../interactionExcerpt';
import type { RemoteInteraction } from '../provider';
import { mastodonRemoteId } from './mastodonRemoteId';
import { mastodonId } from './mastodonSchemas';
import { sanitizeMastodonHtml } from './sanitize/sanitizeMastodonHtml';

/** Larger pages than lists: Mastodon allows 80 notifications per request (default 40). */
export const MASTODON_NOTIFICATIONS_PAGE = 80;

const httpsUrl = z
  .string()
  .url()
  .refine((u) => u.startsWith('https://'))
  .nullish()
  .catch(null);

// masto camelCases the answer's keys.
const notificationSchema = z.object({
  id: mastodonId,
  type: z.string(),
  createdAt: z.string().datetime({ offset: true }),
  account: z.object({ id: mastodonId, url: httpsUrl }),
  status: z
    .object({ id: mastodonId, url: httpsUrl, content: z.string(), inReplyToAccountId: mastodonId.nullish() })
    .nullish(),
});

const SIMPLE_KINDS: Record<string, InteractionKind> = { favourite: 'like', reblog: 'repost', quote: 'quote', follow: 'follow' };

/** The interaction one notification stands for, or null to skip (and count) it. */
export function toMastodonInteraction(raw: unknown, instanceHost: string, selfId: string): RemoteInteraction | null {
  const parsed = notificationSchema.safeParse(raw);
  if (!parsed.success) return null;
  const n = parsed.data;
  const kind: InteractionKind | undefined =
    n.type === 'mention' ? (n.status?.inReplyToAccountId === selfId ? 'reply' : 'mention') : SIMPLE_KINDS[n.type];
  if (!kind) return null;
  if (kind !== 'follow' && !n.status) return null;
  const words = kind === 'reply' || kind === 'mention' || kind === 'quote';
  return {
    key: n.id,
    personRemoteId: mastodonRemoteId(instanceHost, n.account.id),
    kind,
    direction: 'theirs',
    at: new Date(n.createdAt).toISOString(),
    // Likes and boosts link to my post that was liked; words link to their post; a follow to them.
    link: (kind === 'follow' ? n.account.url : n.status?.url) ?? null,
    excerpt: words && n.status ? interactionExcerpt(sanitizeMastodonHtml(n.status.content).text) : null,
  };
}

const headSchema = notificationSchema.pick({ id: true, createdAt: true });

/** The newest notification of a page, kept or skipped, as the walk's stop for next time. */
export function mastodonPageHead(raw: unknown): { key: string; at: string } | null {
  const parsed = headSchema.safeParse(raw);
  return parsed.success ? { key: parsed.data.id, at: new Date(parsed.data.createdAt).toISOString() } : null;
}
