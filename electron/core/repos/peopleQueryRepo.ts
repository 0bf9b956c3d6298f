// queryPeople's read side: everyone an account knows who matches a PeopleFilter, in one of the
// people sorts, a page at a time by offset, with the total. Ranking runs over bare ids first; only
// the page's winners are joined into cards (as searchRepo does), so a page costs one sort of ids,
// not of wide card rows. Everyone, newest first (the list as it opens) walks an index
// (relationships_by_rank) and counts relationships rows: a few ms over 100,000 people.
import type Database from 'better-sqlite3';
import type { PeoplePage } from '../../../shared/api/triageContract';
import type { PersonCard, Stage } from '../../../shared/domain';
import type { PeopleFilter, PeopleSort } from '../../../shared/triageTypes';
import { sortNameSql } from '../db/sortName';
import { buildPeopleFilterSql, PEOPLE_FROM_WITHOUT_PROFILES, type PeopleFilterSql } from './peopleFilterSql';
import { PERSON_CARD_COLUMNS, toPersonCard, type PersonCardRow } from './personCardRow';
import { perDatabase } from './perDatabase';

/**
 * ORDER BY per sort over PEOPLE_FROM. person_id breaks ties, so offsets are stable. SQLite sorts
 * NULL below every value, so DESC leaves people without a score or a known post at the end.
 * People I follow who never followed me have follow_rank 0: they come after every follower.
 */
const ORDER_BY: Record<PeopleSort, string> = {
  newest: 'r.follow_rank DESC, r.person_id DESC',
  followers: 'p.followers_count DESC, r.person_id DESC',
  name: `coalesce(t.sort_name, ${sortNameSql('p.display_name', 'p.handle')}), r.person_id`,
  score: 't.score DESC NULLS LAST, r.person_id DESC',
  lastActivity: `coalesce(p.last_post_at, (SELECT max(created_at) FROM posts WHERE person_id = r.person_id)) DESC NULLS LAST,
                 r.person_id DESC`,
  engaged: 'coalesce(t.sort_engagement, 0) DESC, r.person_id DESC',
};

/**
 * The same order written so an index walks it, for filters that guarantee the index's rows. With
 * `engages` every match has a triage row with sort_engagement > 0 (and t.person_id = r.person_id):
 * exactly the rows of triage_engaged (0017), in this order, so a page stops after offset + limit
 * entries instead of sorting every match in a temp B-tree.
 */
function indexedOrder(filter: PeopleFilter, sort: PeopleSort): string | null {
  if (sort === 'engaged' && filter.engages === true) return 't.sort_engagement DESC, t.person_id DESC';
  return null;
}

/** Card rows of people with or without a triage row; the stage fallback is chosen in JS. */
type QueryCardRow = Omit<PersonCardRow, 'stage' | 'changed_at'> & {
  stage: Stage | null;
  changed_at: string | null;
  known_since: string;
};

/**
 * PersonCard.stage is required, but someone I follow who never followed me has no card on the
 * board. They are shown as Connected (I follow them: the state a follow-back puts a follower in),
 * and anyone else without a card as Declined (neither of us follows the other).
 */
function stageWithoutCard(row: QueryCardRow): Stage {
  return row.i_follow === 1 ? 'connected' : 'declined';
}

function toCard(row: QueryCardRow): PersonCard {
  const { known_since: knownSince, ...rest } = row;
  return toPersonCard({ ...rest, stage: row.stage ?? stageWithoutCard(row), changed_at: row.changed_at ?? knownSince });
}

const STATEMENT_CACHE_MAX = 64;

export interface PeopleQuery {
  accountId: number;
  filter: PeopleFilter;
  sort: PeopleSort;
  limit: number;
  offset?: number;
}

export const peopleQueryRepo = perDatabase((db: Database.Database) => {
  // Filters differ in shape, not only in values; statements are kept per SQL text.
  const statements = new Map<string, Database.Statement>();
  const prepare = (sql: string): Database.Statement => {
    let statement = statements.get(sql);
    if (!statement) {
      if (statements.size >= STATEMENT_CACHE_MAX) statements.clear();
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
  const cardsStatement = db.prepare(
    `SELECT ${PERSON_CARD_COLUMNS}, coalesce(r.i_followed_at, p.fetched_at) AS known_since
     FROM relationships r
     CROSS JOIN people p ON p.id = r.person_id
     LEFT JOIN triage t ON t.account_id = r.account_id AND t.person_id = r.person_id
     WHERE r.account_id = @accountId AND r.person_id IN (SELECT value FROM json_each(@ids))`,
  );

  /** The FROM a statement needs: people only when the conditions or the order read them. */
  const fromFor = (sql: PeopleFilterSql, order = ''): string =>
    sql.readsProfiles || /\bp\./.test(order) ? sql.from : PEOPLE_FROM_WITHOUT_PROFILES;

  const count = (accountId: number, filter: PeopleFilter): number => {
    const sql = buildPeopleFilterSql(filter, accountId);
    // One row per relationship either way; SQLite would still probe triage for each of them.
    const from = sql.everyone ? 'relationships r' : fromFor(sql);
    return prepare(`SELECT count(*) FROM ${from} WHERE ${sql.where}`).pluck().get(sql.params) as number;
  };

  /** Cards of these people in the order given; ids the account does not know are skipped. */
  const cards = (accountId: number, personIds: readonly number[]): PersonCard[] => {
    if (personIds.length === 0) return [];
    const rows = cardsStatement.all({ accountId, ids: JSON.stringify(personIds) }) as QueryCardRow[];
    const byId = new Map(rows.map((row) => [row.person_id, row]));
    return personIds.flatMap((id) => {
      const row = byId.get(id);
      return row ? [toCard(row)] : [];
    });
  };

  return {
    count,
    cards,

    /** The ids of everyone matching, in no particular order (bulk moves, export). */
    matchingIds(accountId: number, filter: PeopleFilter): number[] {
      const sql = buildPeopleFilterSql(filter, accountId);
      return prepare(`SELECT r.person_id FROM ${fromFor(sql)} WHERE ${sql.where}`).pluck().all(sql.params) as number[];
    },

    page(query: PeopleQuery): PeoplePage {
      const { accountId, filter, sort, limit } = query;
      const offset = query.offset ?? 0;
      const sql = buildPeopleFilterSql(filter, accountId);
      const indexed = indexedOrder(filter, sort);
      const order = indexed ?? ORDER_BY[sort];
      if (sql.everyone || indexed !== null) {
        // A window count would read and sort every row; the page alone stops after offset + limit
        // rows of an index when the order has one, and the total is a plain count (for everyone,
        // of the account's relationships rows).
        const ids = prepare(`SELECT r.person_id FROM ${fromFor(sql, order)} WHERE ${sql.where} ORDER BY ${order} LIMIT @limit OFFSET @offset`)
          .pluck()
          .all({ ...sql.params, limit, offset }) as number[];
        const total = count(accountId, filter);
        return { items: cards(accountId, ids), total, nextOffset: offset + ids.length < total && ids.length > 0 ? offset + ids.length : null };
      }
      // The total rides along as a window count, so matching and counting is one scan, not two.
      const rows = prepare(
        `SELECT r.person_id AS id, count(*) OVER () AS total FROM ${fromFor(sql, order)} WHERE ${sql.where}
         ORDER BY ${order} LIMIT @limit OFFSET @offset`,
      ).all({ ...sql.params, limit, offset }) as { id: number; total: number }[];
      const total = rows[0]?.total ?? count(accountId, filter);
      return {
        items: cards(
          accountId,
          rows.map((row) => row.id),
        ),
        total,
        nextOffset: offset + rows.length < total && rows.length > 0 ? offset + rows.length : null,
      };
    },
  };
});

export type PeopleQueryRepo = ReturnType<typeof peopleQueryRepo>;
