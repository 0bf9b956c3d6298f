// Full-text search over handle, display name, bio and notes (people_fts), limited to the people
// on one account's board, best matches first.
import type Database from 'better-sqlite3';
import type { PersonCard } from '../../../shared/domain';
import { toFtsQuery } from './ftsQuery';
import { PERSON_CARD_COLUMNS, PERSON_CARD_JOINS, toPersonCard, type PersonCardRow } from './personCardRow';
import { perDatabase } from './perDatabase';

export const SEARCH_DEFAULT_LIMIT = 50;

export const searchRepo = perDatabase((db: Database.Database) => {
  // people_fts drives the loop and the triage primary key filters to this account. Ranking runs
  // over bare ids first; only the winners are joined to build cards (sorting thousands of wide
  // card rows for a common word cost 7x more, measured by bench/queryBench.ts).
  const searchStatement = db.prepare(
    `WITH hits AS MATERIALIZED (
       SELECT t.person_id, f.rank
       FROM people_fts f
       CROSS JOIN triage t ON t.account_id = @accountId AND t.person_id = f.rowid
       WHERE people_fts MATCH @match
       ORDER BY f.rank, t.person_id
       LIMIT @limit
     )
     SELECT ${PERSON_CARD_COLUMNS}
     FROM hits h
     CROSS JOIN triage t ON t.account_id = @accountId AND t.person_id = h.person_id
     ${PERSON_CARD_JOINS}
     ORDER BY h.rank, h.person_id`,
  );

  return {
    search(accountId: number, query: string, limit = SEARCH_DEFAULT_LIMIT): PersonCard[] {
      const match = toFtsQuery(query);
      if (match === null) return [];
      return (searchStatement.all({ accountId, match, limit }) as PersonCardRow[]).map(toPersonCard);
    },
  };
});

export type SearchRepo = ReturnType<typeof searchRepo>;
