// The columns a PersonCard is made of, shared by the board, search, moves and the profile, so a
// card looks the same wherever it comes from. Queries alias triage as t, people as p and
// relationships as r (LEFT JOIN: a triage row may exist before its relationship is written).
// CROSS JOIN keeps triage (or whatever precedes it) as the outer loop, so an ORDER BY over a
// triage index is walked in order and stops at LIMIT instead of sorting every match.
// Fields from other tables (tags, last message, signal chips) are added per page by cardExtras.
import { GONE_REASONS, type GoneReason, type PersonCard, type Stage } from '../../../shared/domain';

export const BIO_SNIPPET_MAX = 140;

export const PERSON_CARD_COLUMNS = `
  p.id AS person_id, p.handle, p.display_name, p.avatar_file, p.followers_count, p.following_count,
  substr(p.bio, 1, ${BIO_SNIPPET_MAX * 2}) AS bio_head,
  t.stage, t.changed_at, coalesce(r.follows_me, 0) AS follows_me, coalesce(r.i_follow, 0) AS i_follow,
  r.followed_me_at, p.gone_at, p.gone_reason, p.moved_to, t.score, t.snoozed_until, t.snooze_ended_at,
  coalesce(r.follow_requested, 0) AS follow_requested`;

export const PERSON_CARD_JOINS = `
  CROSS JOIN people p ON p.id = t.person_id
  LEFT JOIN relationships r ON r.account_id = t.account_id AND r.person_id = t.person_id`;

export interface PersonCardRow {
  person_id: number;
  handle: string;
  display_name: string;
  avatar_file: string | null;
  followers_count: number;
  following_count: number;
  bio_head: string;
  stage: Stage;
  changed_at: string;
  follows_me: number;
  i_follow: number;
  followed_me_at: string | null;
  gone_at: string | null;
  gone_reason: string | null;
  moved_to: string | null;
  score: number | null;
  snoozed_until: string | null;
  snooze_ended_at: string | null;
  follow_requested: number;
}

/** Plain-text bio reduced to one line of at most BIO_SNIPPET_MAX characters (code points). */
export function bioSnippet(bio: string): string {
  const oneLine = bio.replace(/\s+/g, ' ').trim();
  const chars = Array.from(oneLine);
  if (chars.length <= BIO_SNIPPET_MAX) return oneLine;
  return `${chars.slice(0, BIO_SNIPPET_MAX - 1).join('').trimEnd()}…`;
}

/** The renderer-relative URL of a cached media file, or null when nothing is cached. */
export function mediaUrl(relativePath: string | null): string | null {
  return relativePath ? `media/${relativePath}` : null;
}

/**
 * A snooze's "back in New" badge lasts while the card stays where the wake-up put it: in New and
 * not moved since (a move sets changed_at later than snooze_ended_at).
 */
function snoozeBadge(row: PersonCardRow): string | null {
  const ended = row.snooze_ended_at;
  return ended !== null && row.stage === 'new' && row.changed_at <= ended ? ended : null;
}

function goneDetails(row: PersonCardRow): { goneReason?: GoneReason; movedTo?: string } {
  const reason = (GONE_REASONS as readonly string[]).includes(row.gone_reason ?? '') ? (row.gone_reason as GoneReason) : null;
  if (!reason) return {};
  return reason === 'moved' && row.moved_to ? { goneReason: reason, movedTo: row.moved_to } : { goneReason: reason };
}

export function toPersonCard(row: PersonCardRow): PersonCard {
  const snoozeEndedAt = snoozeBadge(row);
  return {
    personId: row.person_id,
    handle: row.handle,
    displayName: row.display_name || row.handle,
    avatarUrl: mediaUrl(row.avatar_file),
    followersCount: row.followers_count,
    followingCount: row.following_count,
    bioSnippet: bioSnippet(row.bio_head),
    stage: row.stage,
    followsMe: row.follows_me === 1,
    iFollow: row.i_follow === 1,
    followedMeAt: row.followed_me_at,
    stageChangedAt: row.changed_at,
    ...(row.gone_at ? { goneAt: row.gone_at, ...goneDetails(row) } : {}),
    ...(row.score !== null ? { score: row.score } : {}),
    ...(row.snoozed_until !== null ? { snoozedUntil: row.snoozed_until } : {}),
    ...(snoozeEndedAt !== null ? { snoozeEndedAt } : {}),
    ...(row.follow_requested === 1 ? { followRequested: true } : {}),
  };
}
