// Reads what the signals look at (shared/signals SignalInput) for followers of an account, straight
// from SQLite: counts, bio, join date, avatar URL, cached post dates, our own follow events and
// the per-kind interaction counts.
// Callers pass the ids to read (recomputeSignals: the people whose signals are due, in batches).
import type Database from 'better-sqlite3';
import type { Network } from '../../../shared/domain';
import type { InteractionCount } from '../../../shared/interactions';
import { avatarKindFromUrl, latestPostAt, recentActivityFromPosts, type FollowEvent, type SignalInput } from '../../../shared/signals';
import { interactionCountsOf } from '../repos/cardEngagement';
import { perDatabase } from '../repos/perDatabase';
import type { SignalDates } from './signalsStableUntil';

/** Posts per person read for "posts per week"; the cache keeps about this many anyway. */
const POST_DATES_PER_PERSON = 50;
/** The "posts per week" window: four weeks smooths out a quiet week. */
export const RECENT_ACTIVITY_WEEKS = 4;

interface InputRow {
  person_id: number;
  network: Network;
  handle: string;
  display_name: string;
  bio: string;
  followers_count: number;
  following_count: number;
  posts_count: number;
  avatar_url: string | null;
  joined_at: string | null;
  last_post_at: string | null;
}

interface EventRow {
  person_id: number;
  kind: FollowEvent['kind'];
  at: string;
}

const INPUT_COLUMNS = `
  t.person_id, p.network, p.handle, p.display_name, p.bio, p.followers_count, p.following_count,
  p.posts_count, p.avatar_url, p.joined_at, p.last_post_at`;

const inputStatements = perDatabase((db: Database.Database) => ({
  byIds: db.prepare(
    `SELECT ${INPUT_COLUMNS} FROM triage t CROSS JOIN people p ON p.id = t.person_id
     WHERE t.account_id = @accountId AND t.person_id IN (SELECT value FROM json_each(@ids))
     ORDER BY t.person_id`,
  ),
  // Most followers have no cached posts; one query per batch beats a subquery per person.
  postDates: db.prepare(
    `SELECT person_id, created_at FROM posts
     WHERE person_id IN (SELECT value FROM json_each(@ids))
     ORDER BY person_id, created_at DESC`,
  ),
  // Unary + keeps the planner on events_by_person (the batch's ids) instead of walking every
  // follow event of the account through events_by_account_kind once per batch.
  events: db.prepare(
    `SELECT person_id, kind, at FROM events
     WHERE person_id IN (SELECT value FROM json_each(@ids)) AND +account_id = @accountId
       AND +kind IN ('followed_me', 'unfollowed_me')`,
  ),
}));

export interface PersonSignalInput {
  personId: number;
  input: SignalInput;
  /** the dates the input was built from, for signalsStableUntil */
  dates: SignalDates;
}

/**
 * Networks whose follower lists carry no counts store 0 until a profile is fetched, so
 * all three counts at 0 reads as "not known yet": the signals then stay silent instead of calling
 * every fresh follower a silent account. A real account with nothing at all loses only its
 * "No posts" chip until its profile is fetched.
 */
function countsOf(row: InputRow): Pick<SignalInput, 'followersCount' | 'followingCount' | 'postsCount'> {
  const unknown = row.followers_count === 0 && row.following_count === 0 && row.posts_count === 0;
  return unknown
    ? { followersCount: null, followingCount: null, postsCount: null }
    : { followersCount: row.followers_count, followingCount: row.following_count, postsCount: row.posts_count };
}

function toInput(row: InputRow, events: readonly FollowEvent[], postDates: readonly string[], interactions: readonly InteractionCount[], now: Date): SignalInput {
  return {
    network: row.network,
    handle: row.handle,
    displayName: row.display_name,
    bio: row.bio,
    ...countsOf(row),
    avatar: avatarKindFromUrl(row.network, row.avatar_url),
    joinedAt: row.joined_at,
    lastPostAt: latestPostAt(row.last_post_at ? [row.last_post_at, ...postDates] : postDates),
    // With no posts cached we cannot tell quiet from unknown, so claim nothing.
    recentActivity: postDates.length === 0 ? null : recentActivityFromPosts(postDates, now, RECENT_ACTIVITY_WEEKS),
    events,
    interactions,
  };
}

function groupByPerson<R extends { person_id: number }, V>(rows: R[], value: (row: R) => V, max = Infinity): Map<number, V[]> {
  const grouped = new Map<number, V[]>();
  for (const row of rows) {
    const list = grouped.get(row.person_id) ?? [];
    if (list.length < max) list.push(value(row));
    grouped.set(row.person_id, list);
  }
  return grouped;
}

function withPostsAndEvents(db: Database.Database, accountId: number, rows: InputRow[], now: Date): PersonSignalInput[] {
  if (rows.length === 0) return [];
  const s = inputStatements(db);
  const ids = JSON.stringify(rows.map((r) => r.person_id));
  const events = groupByPerson(s.events.all({ accountId, ids }) as EventRow[], (e): FollowEvent => ({ kind: e.kind, at: e.at }));
  const posts = groupByPerson(
    s.postDates.all({ ids }) as { person_id: number; created_at: string }[],
    (p) => p.created_at,
    POST_DATES_PER_PERSON,
  );
  const interactions = interactionCountsOf(db, accountId, rows.map((r) => r.person_id));
  return rows.map((row) => {
    const personEvents = events.get(row.person_id) ?? [];
    const postDates = posts.get(row.person_id) ?? [];
    return {
      personId: row.person_id,
      input: toInput(row, personEvents, postDates, interactions.get(row.person_id) ?? [], now),
      dates: { joinedAt: row.joined_at, lastPostAt: row.last_post_at, postDates, eventDates: personEvents.map((e) => e.at) },
    };
  });
}

/** These people's inputs; ids without a triage row on the account are left out. */
export function signalInputsOf(db: Database.Database, accountId: number, personIds: readonly number[], now: Date): PersonSignalInput[] {
  if (personIds.length === 0) return [];
  const rows = inputStatements(db).byIds.all({ accountId, ids: JSON.stringify(personIds) }) as InputRow[];
  return withPostsAndEvents(db, accountId, rows, now);
}
