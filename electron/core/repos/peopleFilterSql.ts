// A PeopleFilter as SQL, shared by the people list, bulk moves and export, so "select all
// matching", the list on screen and an exported file always agree on who matches.
//
// Who "the account knows": everyone with a relationships row for it — followers (current and
// former) and people I follow. Only people who followed me at some point have a triage row (ingest
// writes triage for followers only), so `t.*` is NULL for someone I follow who never followed me:
// they have no stage, no score and no signals. Aliases: r = relationships, p = people, t = triage
// (LEFT JOIN). Every value travels as a named parameter; nothing the user typed is spliced in.
import type { PeopleFilter } from '../../../shared/triageTypes';
import { toFtsQuery } from './ftsQuery';

export const PEOPLE_FROM = `
  relationships r
  CROSS JOIN people p ON p.id = r.person_id
  LEFT JOIN triage t ON t.account_id = r.account_id AND t.person_id = r.person_id`;

/** PEOPLE_FROM without people, for counts and id lists whose conditions read no people column. */
export const PEOPLE_FROM_WITHOUT_PROFILES = `
  relationships r
  LEFT JOIN triage t ON t.account_id = r.account_id AND t.person_id = r.person_id`;

export interface PeopleFilterSql {
  /** FROM clause (without the keyword) with aliases r, p, t. */
  from: string;
  /** WHERE clause (without the keyword); always restricts to the account. */
  where: string;
  /** Named parameters for `where`; bind them with the rest of the statement's. */
  params: Record<string, string | number>;
  /** Whether `where` reads people (p); when not, PEOPLE_FROM_WITHOUT_PROFILES serves counts. */
  readsProfiles: boolean;
  /** No condition but the account: everyone it knows, one relationships row each. */
  everyone: boolean;
}

/**
 * One relationship word as a condition. unfollowedMe: followed me once (they have a triage row),
 * do not now, and are not gone — a deactivated account vanished from the list without unfollowing.
 */
const RELATIONSHIP_SQL: Record<NonNullable<PeopleFilter['relationship']>, string> = {
  mutual: 'r.follows_me = 1 AND r.i_follow = 1',
  followsMe: 'r.follows_me = 1',
  iFollow: 'r.i_follow = 1',
  notFollowingBack: 'r.i_follow = 1 AND r.follows_me = 0',
  notFollowedBack: 'r.follows_me = 1 AND r.i_follow = 0',
  unfollowedMe: 'r.follows_me = 0 AND t.person_id IS NOT NULL AND p.gone_at IS NULL',
};

/** An ISO-8601 instant normalised to UTC with milliseconds, so bounds compare like stored values. */
function utcInstant(iso: string): string {
  return new Date(Date.parse(iso)).toISOString();
}

/**
 * The filter's conditions over PEOPLE_FROM for one account. Stages, tags and signals are lists
 * bound as JSON; tags and signals match people carrying every one listed (tag names compare
 * without case, as tags are unique without case). A query with nothing searchable in it (only
 * punctuation) matches nobody rather than everybody. Search words, tags and signals are id sets
 * (IN subqueries), so the planner can start from the smallest set and look people up by key
 * instead of testing every relationship of the account.
 */
export function buildPeopleFilterSql(filter: PeopleFilter, accountId: number): PeopleFilterSql {
  const conditions = ['r.account_id = @accountId'];
  const params: Record<string, string | number> = { accountId };

  const query = filter.query?.trim() ?? '';
  if (query !== '') {
    const match = toFtsQuery(query);
    if (match === null) {
      conditions.push('0');
    } else {
      conditions.push('r.person_id IN (SELECT rowid FROM people_fts WHERE people_fts MATCH @ftsMatch)');
      params.ftsMatch = match;
    }
  }

  if (filter.stages !== undefined) {
    conditions.push('t.stage IN (SELECT value FROM json_each(@stages))');
    params.stages = JSON.stringify([...new Set(filter.stages)]);
  }

  [...new Set(filter.tags ?? [])].forEach((tag, i) => {
    conditions.push(
      `r.person_id IN (SELECT pt.person_id FROM tags g CROSS JOIN person_tags pt ON pt.tag_id = g.id
                       WHERE g.account_id = @accountId AND g.name = @tag${i} COLLATE NOCASE)`,
    );
    params[`tag${i}`] = tag;
  });

  [...new Set(filter.signals ?? [])].forEach((signal, i) => {
    conditions.push(
      `r.person_id IN (SELECT person_id FROM triage_signals WHERE account_id = @accountId AND signal = @signal${i})`,
    );
    params[`signal${i}`] = signal;
  });

  if (filter.relationship !== undefined) conditions.push(RELATIONSHIP_SQL[filter.relationship]);

  // julianday() reads every ISO form providers send (Z or offset, with or without fractions).
  if (filter.followedMeAfter !== undefined) {
    conditions.push('julianday(r.followed_me_at) >= julianday(@followedMeAfter)');
    params.followedMeAfter = utcInstant(filter.followedMeAfter);
  }
  if (filter.followedMeBefore !== undefined) {
    conditions.push('julianday(r.followed_me_at) <= julianday(@followedMeBefore)');
    params.followedMeBefore = utcInstant(filter.followedMeBefore);
  }

  if (filter.snoozed === true) conditions.push('t.snoozed_until IS NOT NULL');
  if (filter.snoozed === false) conditions.push('t.snoozed_until IS NULL');
  // The engagement key is kept on the card (0013), so this reads no other table.
  if (filter.engages === true) conditions.push('t.sort_engagement > 0');

  const where = conditions.join('\n  AND ');
  return { from: PEOPLE_FROM, where, params, readsProfiles: /\bp\./.test(where), everyone: conditions.length === 1 };
}
