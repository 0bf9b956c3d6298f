// The numbers behind the stats view, all from SQLite: follower growth rebuilt from events, the
// stage funnel, weekly new followers and unfollows, and relationship totals.
//
// Follower growth and the first import: ingest writes no followed_me events for the followers an
// account already had when it was added (a first import of 1M followers would otherwise claim
// 1M "new" followers on day one). So the curve is anchored on today's follower count and walked
// back through the events: the count on a day is today's count minus the net change recorded
// after that day. Its point on the day the account was added is the base the import found. Where
// the network reported when each of those followers followed (some networks do; most follower
// lists do not), the curve and the weekly flow reach back before that day too.
import type Database from 'better-sqlite3';
import { STAGES, type Stage, type StageCounts } from '../../../shared/domain';
import type { AccountStats, StatsPoint, WeeklyFlow } from '../../../shared/triageTypes';
import { perDatabase } from './perDatabase';

export const DEFAULT_STATS_WEEKS = 12;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Net follower change per day. A 'gone' event ends a follower edge too (deactivated is not an
 * unfollow, but the person stops counting), so it counts for people who were followers: those
 * with a card; 'came_back' (the account is active again) counts them back in.
 */
const DAILY_DELTAS = `
  SELECT substr(e.at, 1, 10) AS day,
         sum(CASE WHEN e.kind IN ('followed_me', 'came_back') THEN 1 ELSE -1 END) AS delta
  FROM events e
  WHERE e.account_id = @accountId
    AND (e.kind IN ('followed_me', 'unfollowed_me')
         OR (e.kind IN ('gone', 'came_back')
             AND EXISTS (SELECT 1 FROM triage t WHERE t.account_id = e.account_id AND t.person_id = e.person_id)))
  GROUP BY day ORDER BY day`;

/** Stages everyone with a card is in now or was ever moved to (events of forgotten people are gone with them). */
const EVER_REACHED = `
  SELECT stage, count(*) AS n FROM (
    SELECT person_id, stage FROM triage WHERE account_id = @accountId
    UNION
    SELECT e.person_id, json_extract(e.data, '$.to') FROM events e
    WHERE e.account_id = @accountId AND e.kind = 'stage_changed' AND e.person_id IS NOT NULL
      AND EXISTS (SELECT 1 FROM triage t WHERE t.account_id = e.account_id AND t.person_id = e.person_id)
  ) GROUP BY stage`;

// date(x, 'weekday 0', '-6 days') is the Monday that starts x's Monday–Sunday week.
const WEEKLY = `
  SELECT date(at, 'weekday 0', '-6 days') AS weekStart,
         sum(kind = 'followed_me') AS newFollowers, sum(kind = 'unfollowed_me') AS unfollows
  FROM events
  WHERE account_id = @accountId AND kind IN ('followed_me', 'unfollowed_me') AND at >= @since
  GROUP BY weekStart`;

/** Followers the first import found whose follow date the network reported, per day. */
const KNOWN_BEFORE_ADDED = `
  SELECT substr(followed_me_at, 1, 10) AS day, count(*) AS n
  FROM relationships
  WHERE account_id = @accountId AND follows_me = 1 AND followed_me_at IS NOT NULL AND followed_me_at < @addedAt
  GROUP BY day ORDER BY day`;

const KNOWN_BEFORE_ADDED_WEEKLY = `
  SELECT date(followed_me_at, 'weekday 0', '-6 days') AS weekStart, count(*) AS n
  FROM relationships
  WHERE account_id = @accountId AND follows_me = 1 AND followed_me_at IS NOT NULL
    AND followed_me_at < @addedAt AND followed_me_at >= @since
  GROUP BY weekStart`;

const TOTALS = `
  SELECT coalesce(sum(follows_me), 0) AS followers, coalesce(sum(i_follow), 0) AS following,
         coalesce(sum(follows_me AND i_follow), 0) AS mutual,
         coalesce(sum(i_follow AND NOT follows_me), 0) AS notFollowingBack
  FROM relationships WHERE account_id = @accountId`;

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The Monday (UTC) of the week holding `ms`. */
function mondayOf(ms: number): number {
  const day = new Date(isoDay(ms)).getTime();
  const weekday = (new Date(day).getUTCDay() + 6) % 7; // Monday = 0
  return day - weekday * DAY_MS;
}

export const statsRepo = perDatabase((db: Database.Database) => {
  const s = {
    deltas: db.prepare(DAILY_DELTAS),
    everReached: db.prepare(EVER_REACHED),
    weekly: db.prepare(WEEKLY),
    totals: db.prepare(TOTALS),
    knownBeforeAdded: db.prepare(KNOWN_BEFORE_ADDED),
    knownBeforeAddedWeekly: db.prepare(KNOWN_BEFORE_ADDED_WEEKLY),
    createdAt: db.prepare('SELECT created_at FROM accounts WHERE id = ?').pluck(),
    cards: db.prepare('SELECT count(*) FROM triage WHERE account_id = ?').pluck(),
  };

  function followerGrowth(accountId: number, followersNow: number, nowMs: number): StatsPoint[] {
    const deltas = s.deltas.all({ accountId }) as { day: string; delta: number }[];
    const total = deltas.reduce((sum, d) => sum + d.delta, 0);
    const createdAt = s.createdAt.get(accountId) as string | undefined;
    const startDay = createdAt ? createdAt.slice(0, 10) : isoDay(nowMs);
    const points: StatsPoint[] = [];
    let value = Math.max(0, followersNow - total);
    if (createdAt) {
      const known = s.knownBeforeAdded.all({ accountId, addedAt: createdAt }) as { day: string; n: number }[];
      let before = value - known.reduce((sum, k) => sum + k.n, 0);
      for (const { day, n } of known) {
        before += n;
        if (day < startDay) points.push({ date: day, value: Math.max(0, before) });
      }
    }
    const firstEventDay = deltas[0]?.day;
    if (firstEventDay === undefined || startDay < firstEventDay) points.push({ date: startDay, value });
    for (const { day, delta } of deltas) {
      value = Math.max(0, value + delta);
      points.push({ date: day, value });
    }
    // Reach today, so the line ends at the count the board shows.
    const today = isoDay(nowMs);
    const lastPoint = points[points.length - 1];
    if (lastPoint && lastPoint.date < today) points.push({ date: today, value: followersNow });
    return points;
  }

  function funnel(accountId: number): StageCounts {
    const counts = Object.fromEntries(STAGES.map((stage) => [stage, 0])) as StageCounts;
    for (const row of s.everReached.all({ accountId }) as { stage: Stage | null; n: number }[]) {
      if (row.stage !== null && row.stage in counts) counts[row.stage] = row.n;
    }
    // Every follower arrives on the board as a card; New is where the funnel starts.
    counts.new = s.cards.get(accountId) as number;
    return counts;
  }

  function weekly(accountId: number, weeks: number, nowMs: number): WeeklyFlow[] {
    const firstMonday = mondayOf(nowMs) - (weeks - 1) * 7 * DAY_MS;
    const since = new Date(firstMonday).toISOString();
    const rows = s.weekly.all({ accountId, since }) as WeeklyFlow[];
    const byWeek = new Map(rows.map((row) => [row.weekStart, row]));
    const createdAt = s.createdAt.get(accountId) as string | undefined;
    const known = createdAt
      ? new Map(
          (s.knownBeforeAddedWeekly.all({ accountId, addedAt: createdAt, since }) as { weekStart: string; n: number }[]).map((r) => [
            r.weekStart,
            r.n,
          ]),
        )
      : new Map<string, number>();
    return Array.from({ length: weeks }, (_, i) => {
      const weekStart = isoDay(firstMonday + i * 7 * DAY_MS);
      const row = byWeek.get(weekStart);
      return { weekStart, newFollowers: (row?.newFollowers ?? 0) + (known.get(weekStart) ?? 0), unfollows: row?.unfollows ?? 0 };
    });
  }

  return {
    stats(accountId: number, weeks: number, nowMs: number): AccountStats {
      const totals = s.totals.get({ accountId }) as AccountStats['totals'];
      return {
        followerGrowth: followerGrowth(accountId, totals.followers, nowMs),
        funnel: funnel(accountId),
        weekly: weekly(accountId, weeks, nowMs),
        totals,
      };
    },
  };
});

export type StatsRepo = ReturnType<typeof statsRepo>;
