// The board's read side: counts per stage from SQL, and keyset pages of a column on
// (stage, sort key, person_id) in both directions. Pages are served by the triage_by_* indexes, so
// page 5,000 of a column costs the same as page 1.
import type Database from 'better-sqlite3';
import type { BoardPage } from '../../../shared/api/contract';
import { STAGES, type BoardSort, type Stage, type StageCounts } from '../../../shared/domain';
import { decodeCursor, encodeCursor, type BoardKey, type SortValue } from './boardCursor';
import { PERSON_CARD_COLUMNS, PERSON_CARD_JOINS, toPersonCard, type PersonCardRow } from './personCardRow';
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

/** How each sort orders a column on screen; `descending` refers to both key and person_id. */
const SORT_KEYS: Record<BoardSort, { column: string; descending: boolean }> = {
  newest: { column: 't.sort_rank', descending: true },
  followers: { column: 't.sort_followers', descending: true },
  name: { column: 't.sort_name', descending: false },
};

type Side = 'after' | 'before';

interface SortStatements {
  first: Database.Statement;
  last: Database.Statement;
  after: Database.Statement;
  before: Database.Statement;
  existsAfter: Database.Statement;
  existsBefore: Database.Statement;
}

type PageRow = PersonCardRow & { sort_value: SortValue };

function prepareSort(db: Database.Database, sort: BoardSort): SortStatements {
  const { column, descending } = SORT_KEYS[sort];
  // "after" in display order is "smaller" for a descending sort.
  const cmp = (side: Side): string => ((side === 'after') === descending ? '<' : '>');
  const order = (side: Side): string => {
    const dir = (side === 'after') === descending ? 'DESC' : 'ASC';
    return `${column} ${dir}, t.person_id ${dir}`;
  };
  const select = (where: string, side: Side): string => `
    SELECT ${PERSON_CARD_COLUMNS}, ${column} AS sort_value
    FROM triage t ${PERSON_CARD_JOINS}
    WHERE t.account_id = @accountId AND t.stage = @stage ${where}
    ORDER BY ${order(side)}
    LIMIT @limit`;
  const keyIs = (side: Side): string => `AND (${column}, t.person_id) ${cmp(side)} (@value, @personId)`;
  const exists = (side: Side): string => `
    SELECT 1 FROM triage t
    WHERE t.account_id = @accountId AND t.stage = @stage ${keyIs(side)}
    LIMIT 1`;
  return {
    first: db.prepare(`${select('', 'after')} OFFSET @offset`),
    last: db.prepare(select('', 'before')),
    after: db.prepare(select(keyIs('after'), 'after')),
    before: db.prepare(select(keyIs('before'), 'before')),
    existsAfter: db.prepare(exists('after')),
    existsBefore: db.prepare(exists('before')),
  };
}

function keyOf(row: PageRow): BoardKey {
  return { value: row.sort_value, personId: row.person_id };
}

export const boardRepo = perDatabase((db: Database.Database) => {
  const countsStatement = db.prepare(
    'SELECT stage, count(*) AS n FROM triage WHERE account_id = ? GROUP BY stage',
  );
  const bySort = new Map<BoardSort, SortStatements>();
  const statementsFor = (sort: BoardSort): SortStatements => {
    let statements = bySort.get(sort);
    if (!statements) {
      statements = prepareSort(db, sort);
      bySort.set(sort, statements);
    }
    return statements;
  };

  return {
    counts(accountId: number): StageCounts {
      const counts = Object.fromEntries(STAGES.map((s) => [s, 0])) as StageCounts;
      for (const row of countsStatement.all(accountId) as { stage: Stage; n: number }[]) counts[row.stage] = row.n;
      return counts;
    },

    /** Throws INVALID_INPUT for a cursor that does not decode to a key of this sort. */
    page(request: BoardPageRequest): BoardPage {
      const { accountId, stage, sort, limit } = request;
      const s = statementsFor(sort);
      const key = request.cursor === undefined ? null : decodeCursor(request.cursor, sort);
      const keyParams = (k: BoardKey) => ({ accountId, stage, value: k.value, personId: k.personId });
      const exists = (statement: Database.Statement, k: BoardKey): boolean =>
        statement.get(keyParams(k)) !== undefined;

      if (request.direction === 'backward') {
        const rows = (
          key ? s.before.all({ ...keyParams(key), limit: limit + 1 }) : s.last.all({ accountId, stage, limit: limit + 1 })
        ) as PageRow[];
        const moreBefore = rows.length > limit;
        const page = rows.slice(0, limit).reverse();
        const first = page[0];
        const last = page[page.length - 1];
        return {
          items: page.map(toPersonCard),
          prevCursor: moreBefore && first ? encodeCursor(keyOf(first)) : null,
          nextCursor: last && exists(s.existsAfter, keyOf(last)) ? encodeCursor(keyOf(last)) : null,
        };
      }

      const rows = (
        key
          ? s.after.all({ ...keyParams(key), limit: limit + 1 })
          : s.first.all({ accountId, stage, limit: limit + 1, offset: request.offset ?? 0 })
      ) as PageRow[];
      const skipped = !key && (request.offset ?? 0) > 0;
      const moreAfter = rows.length > limit;
      const page = rows.slice(0, limit);
      const first = page[0];
      const last = page[page.length - 1];
      return {
        items: page.map(toPersonCard),
        prevCursor:
          first && (skipped || (key && exists(s.existsBefore, keyOf(first)))) ? encodeCursor(keyOf(first)) : null,
        nextCursor: moreAfter && last ? encodeCursor(keyOf(last)) : null,
      };
    },
  };
});

export type BoardRepo = ReturnType<typeof boardRepo>;
