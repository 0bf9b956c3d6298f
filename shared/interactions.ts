// Who engages with you: the kinds of interaction Rapport keeps, how much each weighs, and the chip
// text built from per-kind counts ("Replied 3× · liked 12"). Shared so core (the engagement sort
// key, the "Engages with you" view) and the window (chips) agree on the same numbers.

/** Every kind any network reports; a network reports the ones it has. */
export const INTERACTION_KINDS = [
  'reply',
  'mention',
  'quote',
  'message',
  'issue',
  'pull',
  'repost',
  'fork',
  'like',
  'star',
  'watch',
  'follow',
] as const;
export type InteractionKind = (typeof INTERACTION_KINDS)[number];

/** 'theirs': they did it toward me; 'mine': I did it toward them (my reply, my mention). */
export type InteractionDirection = 'theirs' | 'mine';

export function isInteractionKind(value: string): value is InteractionKind {
  return (INTERACTION_KINDS as readonly string[]).includes(value);
}

/**
 * Points per interaction toward me. Words (a reply, a mention, an issue) weigh most because they
 * took effort and start a conversation; a repost or fork shares my work; a like or star is one
 * click. A follow is already on the board, so it weighs nothing here.
 */
export const ENGAGEMENT_WEIGHTS: Readonly<Record<InteractionKind, number>> = Object.freeze({
  reply: 3,
  mention: 3,
  quote: 3,
  message: 3,
  issue: 3,
  pull: 3,
  repost: 2,
  fork: 2,
  like: 1,
  star: 1,
  watch: 1,
  follow: 0,
});

/** Kinds that carry words, so "replied before following" can be told from a like. */
export const CONVERSATION_KINDS: readonly InteractionKind[] = ['reply', 'mention', 'quote', 'message', 'issue', 'pull'];

export interface InteractionCount {
  kind: InteractionKind;
  direction: InteractionDirection;
  count: number;
  /** ISO-8601 of the latest one. */
  lastAt: string;
}

/** Engagement points of a person: their interactions toward me, weighted. */
export function engagementPoints(counts: readonly InteractionCount[]): number {
  let points = 0;
  for (const c of counts) if (c.direction === 'theirs') points += ENGAGEMENT_WEIGHTS[c.kind] * c.count;
  return points;
}

const PHRASES: Record<InteractionKind, (n: number) => string> = {
  reply: (n) => `replied ${n}×`,
  mention: (n) => `mentioned you ${n}×`,
  quote: (n) => `quoted you ${n}×`,
  message: (n) => `${n} message${n === 1 ? '' : 's'}`,
  issue: (n) => `opened ${n} issue${n === 1 ? '' : 's'}`,
  pull: (n) => `opened ${n} pull request${n === 1 ? '' : 's'}`,
  repost: (n) => `reposted ${n}`,
  fork: (n) => `forked ${n}`,
  like: (n) => `liked ${n}`,
  star: (n) => `starred ${n}`,
  watch: (n) => `watches ${n}`,
  follow: () => 'followed you',
};

/**
 * "Replied 3× · liked 12": their interactions toward me with weight, heaviest kinds first, at most
 * `max` parts; '' when there are none.
 */
export function interactionChipText(counts: readonly InteractionCount[], max = 3): string {
  return interactionChipParts(counts, max).join(' · ');
}

/** The same words as interactionChipText, one kind with its count per part: ["Replied 3×", "liked 12"]. */
export function interactionChipParts(counts: readonly InteractionCount[], max = 3): string[] {
  const parts = counts
    .filter((c) => c.direction === 'theirs' && c.count > 0 && ENGAGEMENT_WEIGHTS[c.kind] > 0)
    .sort((a, b) => ENGAGEMENT_WEIGHTS[b.kind] - ENGAGEMENT_WEIGHTS[a.kind] || b.count - a.count || a.kind.localeCompare(b.kind))
    .slice(0, max)
    .map((c) => PHRASES[c.kind](c.count));
  const first = parts[0];
  if (first !== undefined) parts[0] = first.charAt(0).toUpperCase() + first.slice(1);
  return parts;
}

/** The latest date over their interactions toward me, or null. */
export function lastInteractionAt(counts: readonly InteractionCount[]): string | null {
  let last: string | null = null;
  for (const c of counts) if (c.direction === 'theirs' && ENGAGEMENT_WEIGHTS[c.kind] > 0 && (last === null || c.lastAt > last)) last = c.lastAt;
  return last;
}

/** One interaction as Review and the profile list it (listInteractions). */
export interface InteractionItem {
  id: number;
  kind: InteractionKind;
  direction: InteractionDirection;
  /** ISO-8601 */
  at: string;
  /** https link to the item on its network, checked by core; null when there is none. */
  link: string | null;
  /** Plain text, already cut; render as text, never as HTML. */
  excerpt: string | null;
}

/** Where the next (older) page of a person's interactions starts. */
export interface InteractionsCursor {
  at: string;
  id: number;
}

export interface PersonInteractions {
  items: InteractionItem[];
  /** Pass as `before` for older ones; null when there are no more. */
  next: InteractionsCursor | null;
}

/** How long interaction rows (excerpts, links) are kept; per-kind counts are kept beyond it. */
export interface InteractionRetention {
  days: number;
  defaultDays: number;
}

/** The retention a user may choose: a week at least, ten years at most. */
export const INTERACTION_RETENTION_MIN_DAYS = 7;
export const INTERACTION_RETENTION_MAX_DAYS = 3650;
