// The board's snooze rule over triage aliased t: snoozed people are off the board. Measured on
// 100,000 followers with 1 in 200 snoozed (same process, interleaved):
// - keyset pages: `t.snoozed_until IS NULL` costs ~15% over no filter (the page reads each
//   table row for the card anyway); a rowid NOT IN (partial-index set) variant cost ~55%;
// - counts: every filter turns the covering-index count into table reads (IS NULL: 3.4x,
//   NOT IN: 1.9x), so counts subtract the snoozed rows instead, read from the partial index
//   triage_snoozed, which holds only snoozed rows (1.0x).
export const NOT_SNOOZED = 'AND t.snoozed_until IS NULL';

/**
 * Per-stage counts of snoozed cards; needs @accountId. Served by the partial index triage_snoozed,
 * named because the planner, with the sampled statistics PRAGMA optimize leaves (about 2,000 rows
 * per account whatever the real number), preferred walking a full (account, stage, …) index for
 * its order: 20–40 ms instead of well under 1 ms on 100,000 followers.
 */
export const SNOOZED_COUNTS_SQL = `
  SELECT stage, count(*) AS n FROM triage INDEXED BY triage_snoozed
  WHERE account_id = @accountId AND snoozed_until IS NOT NULL GROUP BY stage`;
