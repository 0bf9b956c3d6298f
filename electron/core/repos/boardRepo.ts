// The board's read side: counts per stage from SQL, and keyset pages of a column on
// (stage, sort key, person_id) in both directions. Pages are served by the triage_by_* indexes, so
// page 5,000 of a column costs the same as page 1. Snoozed people are off the board: no column
// shows them and no count includes them until their snooze ends.
import type Database from 'better-sqlite3';
import type { BoardPage } from '../../../shared/api/contract';
import { STAGES, type BoardSort, type Stage, type StageCounts } from '../../../shared/domain';
import { decodeCursor, encodeCursor, type BoardKey } from './boardCursor';
import { columnQueries, type ColumnQueries, type PageRow } from './boardColumnQueries';
import { SNOOZED_COUNTS_SQL } from './boardSnooze';
import { toPersonCard } from './personCardRow';
import { perDatabase } from './perDatabase';

export interface BoardPageRequest {
  accountId: number;
  stage: Stage;
  sort: BoardSort;
  limit: number;
  cursor?: string;
  /** forward: cards after the cursor (default); backward: cards before it, still in display order. */
  direction?: 'forward' | 'backward';
  /**
   * Rows to skip when no cursor is given, so a scrollbar jump deep into a column is one query
   * instead of a walk; ignored with a cursor (keyset paging stays the normal path).
   */
  offset?: number;
}

function keyOf(row: PageRow): BoardKey {
  return { value: row.sort_value, personId: row.person_id };
}

export const boardRepo = perDatabase((db: Database.Database) => {
  const countsStatement = db.prepare('SELECT stage, count(*) AS n FROM triage WHERE account_id = @accountId GROUP BY stage');
  const snoozedStatement = db.prepare(SNOOZED_COUNTS_SQL);
  const bySort = new Map<BoardSort, ColumnQueries>();
  const queriesFor = (sort: BoardSort): ColumnQueries => {
    let queries = bySort.get(sort);
    if (!queries) {
      queries = columnQueries(db, sort);
      bySort.set(sort, queries);
    }
    return queries;
  };

  return {
    counts(accountId: number): StageCounts {
      const counts = Object.fromEntries(STAGES.map((s) => [s, 0])) as StageCounts;
      for (const row of countsStatement.all({ accountId }) as { stage: Stage; n: number }[]) counts[row.stage] = row.n;
      for (const row of snoozedStatement.all({ accountId }) as { stage: Stage; n: number }[]) counts[row.stage] -= row.n;
      return counts;
    },

    /** Throws INVALID_INPUT for a cursor that does not decode to a key of this sort. */
    page(request: BoardPageRequest): BoardPage {
      const { accountId, stage, sort, limit } = request;
      const q = queriesFor(sort);
      const column = { accountId, stage };
      const key = request.cursor === undefined ? null : decodeCursor(request.cursor, sort);

      if (request.direction === 'backward') {
        const rows = key ? q.before(column, key, limit + 1) : q.last(column, limit + 1);
        const moreBefore = rows.length > limit;
        const page = rows.slice(0, limit).reverse();
        const first = page[0];
        const last = page[page.length - 1];
        return {
          items: page.map(toPersonCard),
          prevCursor: moreBefore && first ? encodeCursor(keyOf(first)) : null,
          nextCursor: last && q.existsAfter(column, keyOf(last)) ? encodeCursor(keyOf(last)) : null,
        };
      }

      const rows = key ? q.after(column, key, limit + 1) : q.first(column, limit + 1, request.offset ?? 0);
      const skipped = !key && (request.offset ?? 0) > 0;
      const moreAfter = rows.length > limit;
      const page = rows.slice(0, limit);
      const first = page[0];
      const last = page[page.length - 1];
      return {
        items: page.map(toPersonCard),
        prevCursor: first && (skipped || (key && q.existsBefore(column, keyOf(first)))) ? encodeCursor(keyOf(first)) : null,
        nextCursor: moreAfter && last ? encodeCursor(keyOf(last)) : null,
      };
    },
  };
});

export type BoardRepo = ReturnType<typeof boardRepo>;
