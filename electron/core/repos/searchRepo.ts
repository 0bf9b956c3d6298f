// Full-text search over handle, display name, bio and notes (people_fts), limited to everyone one
// account knows — followers (current and former) and people I follow who never followed me, the
// same people the people list (queryPeople) shows — best matches first.
import type Database from 'better-sqlite3';
import type { PersonCard } from '../../../shared/domain';
import { toFtsQuery } from './ftsQuery';
import { peopleQueryRepo } from './peopleQueryRepo';
import { perDatabase } from './perDatabase';

export const SEARCH_DEFAULT_LIMIT = 50;

export const searchRepo = perDatabase((db: Database.Database) => {
  // people_fts drives the loop and the relationships primary key filters to this account (only
  // followers have a triage row, so triage would hide the people I follow). Ranking runs over bare
  // ids first; only the winners are built into cards (sorting thousands of wide card rows for a
  // common word cost 7x more, measured by bench/queryBench.ts).
  const hitsStatement = db
    .prepare(
      `SELECT r.person_id
       FROM people_fts f
       CROSS JOIN relationships r ON r.account_id = @accountId AND r.person_id = f.rowid
       WHERE people_fts MATCH @match
       ORDER BY f.rank, r.person_id
       LIMIT @limit`,
    )
    .pluck();

  return {
    search(accountId: number, query: string, limit = SEARCH_DEFAULT_LIMIT): PersonCard[] {
      const match = toFtsQuery(query);
      if (match === null) return [];
      const ids = hitsStatement.all({ accountId, match, limit }) as number[];
      // Cards as the people list builds them: someone with no card on the board gets its stand-in stage.
      return peopleQueryRepo(db).cards(accountId, ids);
    },
  };
});

export type SearchRepo = ReturnType<typeof searchRepo>;
