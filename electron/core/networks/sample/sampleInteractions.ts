// Who engages with the sample account: a few thousand replies, mentions, quotes, likes and reposts,
// drawn from the seed so every sync answers the same. Engagement is skewed like a real audience:
// most comes from a small circle among the newest followers, a little from people the account
// follows, and a few of the newest followers replied before they followed (Review shows them
// first). Some replies are the account's own, toward them, so both directions exist.
import type { InteractionKind } from '../../../../shared/interactions';
import type { InteractionsPage, InteractionsPosition, RemoteInteraction } from '../provider';
import type { SampleNetwork } from './sampleNetwork';
import { sampleRemoteId } from './samplePerson';
import { SeededRandom, WeightedTable } from './seededRandom';

const SALT_INTERACTIONS = 41;
const DAY_MS = 86_400_000;
/** Spread over the last ten months, inside the default retention of a year. */
const SPAN_MS = 300 * DAY_MS;
export const SAMPLE_INTERACTIONS_PAGE = 500;

type SampleKind = Extract<InteractionKind, 'like' | 'reply' | 'repost' | 'mention' | 'quote' | 'follow'>;
const KINDS = new WeightedTable<SampleKind>({ like: 45, reply: 20, repost: 15, mention: 10, quote: 5, follow: 5 });

const REPLIES: readonly string[] = [
  'Thanks for sharing this!',
  'Great thread, saving it for later.',
  'I had the same experience last year.',
  'Could you share the source for the second chart?',
  'This made my morning ☕',
  'Totally agree with the point about small teams.',
  '¡Muy buena idea, gracias!',
  'Das ist wirklich hilfreich, danke.',
  '素敵な写真ですね',
  'Where was this taken?',
  'Following up on this: did the fix land?',
  'Congrats on the launch 🎉',
];
const MINE: readonly string[] = ['Thank you, glad it helped!', 'Good question, I will write it up.', 'Yes, it landed last week.', 'Happy to chat more about it.'];

/** How many interactions the sample account has, for a network of this size. */
export function sampleInteractionCount(graph: SampleNetwork): number {
  return Math.min(graph.config.followers * 2, 6_000);
}

/** Every interaction of the sample account, newest first (built once per provider). */
export function buildSampleInteractions(graph: SampleNetwork): RemoteInteraction[] {
  const { seed, followers, following, anchorMs } = graph.config;
  const total = sampleInteractionCount(graph);
  if (followers === 0 || total === 0) return [];
  const circle = Math.max(1, Math.min(followers, 400));
  const items: RemoteInteraction[] = [];
  for (let i = 0; i < total; i++) {
    const r = new SeededRandom(seed, SALT_INTERACTIONS, i);
    const fromFollowing = following > 0 && r.chance(0.08);
    // Squaring the draw puts most engagement on the newest followers of the circle.
    const key = fromFollowing ? { kind: 'g' as const, index: r.int(0, Math.max(0, following - graph.mutualCount - 1)) } : graph.followerAt(Math.floor(r.next() ** 2 * circle));
    const kind = r.weighted(KINDS);
    const at = anchorMs - 30 * 60_000 - Math.floor(r.next() * SPAN_MS);
    const mine = kind === 'reply' && r.chance(0.25);
    items.push({
      key: `s${seed}-i${i}`,
      personRemoteId: sampleRemoteId(seed, key),
      kind,
      direction: mine ? 'mine' : 'theirs',
      at: new Date(at).toISOString(),
      link: null,
      excerpt: kind === 'reply' || kind === 'mention' || kind === 'quote' ? r.pick(mine ? MINE : REPLIES) : null,
    });
  }
  // The three newest followers replied a couple of days before they followed.
  for (let position = 0; position < Math.min(3, followers); position++) {
    const at = graph.followerFollowedAt(position) - 2 * DAY_MS - position * 3_600_000;
    items.push({
      key: `s${seed}-b${position}`,
      personRemoteId: sampleRemoteId(seed, graph.followerAt(position)),
      kind: 'reply',
      direction: 'theirs',
      at: new Date(at).toISOString(),
      link: null,
      excerpt: REPLIES[position % REPLIES.length] ?? null,
    });
  }
  return items.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}

/** One page of them at the cursor (an offset), newest first. */
export function sampleInteractionsPage(all: readonly RemoteInteraction[], position: InteractionsPosition): InteractionsPage {
  const offset = position.cursor === null ? 0 : Number(position.cursor);
  if (!Number.isSafeInteger(offset) || offset < 0) throw new Error(`sample network: malformed interactions cursor ${JSON.stringify(position.cursor)}`);
  const items = all.slice(offset, offset + SAMPLE_INTERACTIONS_PAGE);
  const end = offset + items.length;
  return { items, ignored: 0, cursor: end < all.length ? String(end) : null, head: null };
}
