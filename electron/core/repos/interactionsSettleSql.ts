// How a walk's queued interactions (migration 0018) go into the counts and the engagement, once
// per walk. The queued ids are in insertion order and the rows were just written, so both reads are
// short walks; each count and person row is then written once per walk, not once per page.
// CROSS JOIN keeps the queue outside: left free, the planner walks every interaction of the account
// by person to skip a sort, which made the 1M-interaction bench 3-4x raw instead of 1.5x.

/** Adds the queued rows of @accountId to their per-kind counts. */
export const COUNT_QUEUED_SQL = `INSERT INTO interaction_counts (account_id, person_remote_id, kind, direction, count, last_at)
SELECT i.account_id, i.person_remote_id, i.kind, i.direction, count(*), max(i.at)
FROM interactions_to_count q CROSS JOIN interactions i ON i.id = q.interaction_id AND i.account_id = q.account_id
WHERE q.account_id = @accountId
GROUP BY i.person_remote_id, i.direction, i.kind
ON CONFLICT (account_id, person_remote_id, direction, kind) DO UPDATE SET count = count + excluded.count,
  last_at = max(last_at, excluded.last_at)`;

/** Adds the queued rows of @accountId toward me to each person's engagement, @weights per kind (JSON). */
export const ENGAGE_QUEUED_SQL = `INSERT INTO interaction_people (account_id, person_remote_id, engagement, first_at, last_at)
SELECT i.account_id, i.person_remote_id, sum(w.value), min(i.at), max(i.at)
FROM interactions_to_count q CROSS JOIN interactions i ON i.id = q.interaction_id AND i.account_id = q.account_id
JOIN json_each(@weights) w ON w.key = i.kind
WHERE q.account_id = @accountId AND i.direction = 'theirs' AND w.value > 0
GROUP BY i.person_remote_id
ON CONFLICT (account_id, person_remote_id) DO UPDATE SET engagement = engagement + excluded.engagement,
  first_at = min(first_at, excluded.first_at), last_at = max(last_at, excluded.last_at)`;
