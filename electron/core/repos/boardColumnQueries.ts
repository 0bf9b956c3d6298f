// The keyset queries of one column sort. Plain sorts (newest, followers, name) compare the row
// value (key, person_id) against the cursor, which SQLite turns into an index seek. The score sort
// has NULLs (people not scored yet) that sort after every score; a row-value comparison with NULL
// is never true, so that column is two segments — scored rows by (score, person_id), then unscored
// rows by person_id — each paged with its own seek, joined here.
import type Database from 'better-sqlite3';
import type { BoardSort, Stage } from '../../../shared/domain';
import type { BoardKey, SortValue } from './boardCursor';
import { NOT_SNOOZED } from './boardSnooze';
import { PERSON_CARD_COLUMNS, PERSON_CARD_JOINS, type PersonCardRow } from './personCardRow';

export type PageRow = PersonCardRow & { sort_value: SortValue };

export interface ColumnRef {
  accountId: number;
  stage: Stage;
}

/** Rows come nearest-first: after → display order, before/last → reverse display order. */
export interface ColumnQueries {
  first(column: ColumnRef, limit: number, offset: number): PageRow[];
  last(column: ColumnRef, limit: number): PageRow[];
  after(column: ColumnRef, key: BoardKey, limit: number): PageRow[];
  before(column: ColumnRef, key: BoardKey, limit: number): PageRow[];
  existsAfter(column: ColumnRef, key: BoardKey): boolean;
  existsBefore(column: ColumnRef, key: BoardKey): boolean;
}

/** How each plain sort orders a column on screen; `descending` refers to both key and person_id. */
const PLAIN_KEYS: Record<Exclude<BoardSort, 'score'>, { column: string; descending: boolean }> = {
  newest: { column: 't.sort_rank', descending: true },
  followers: { column: 't.sort_followers', descending: true },
  name: { column: 't.sort_name', descending: false },
  engaged: { column: 't.sort_engagement', descending: true },
};

type Side = 'after' | 'before';

function selectSql(column: string, where: string, order: string): string {
  return `
    SELECT ${PERSON_CARD_COLUMNS}, ${column} AS sort_value
    FROM triage t ${PERSON_CARD_JOINS}
    WHERE t.account_id = @accountId AND t.stage = @stage ${NOT_SNOOZED} ${where}
    ORDER BY ${order}
    LIMIT @limit`;
}

function plainQueries(db: Database.Database, sort: Exclude<BoardSort, 'score'>): ColumnQueries {
  const { column, descending } = PLAIN_KEYS[sort];
  // "after" in display order is "smaller" for a descending sort.
  const cmp = (side: Side): string => ((side === 'after') === descending ? '<' : '>');
  const order = (side: Side): string => {
    const dir = (side === 'after') === descending ? 'DESC' : 'ASC';
    return `${column} ${dir}, t.person_id ${dir}`;
  };
  const keyIs = (side: Side): string => `AND (${column}, t.person_id) ${cmp(side)} (@value, @personId)`;
  const exists = (side: Side): string => `
    SELECT 1 FROM triage t
    WHERE t.account_id = @accountId AND t.stage = @stage ${NOT_SNOOZED} ${keyIs(side)}
    LIMIT 1`;
  const s = {
    first: db.prepare(`${selectSql(column, '', order('after'))} OFFSET @offset`),
    last: db.prepare(selectSql(column, '', order('before'))),
    after: db.prepare(selectSql(column, keyIs('after'), order('after'))),
    before: db.prepare(selectSql(column, keyIs('before'), order('before'))),
    existsAfter: db.prepare(exists('after')),
    existsBefore: db.prepare(exists('before')),
  };
  const at = (c: ColumnRef, key: BoardKey) => ({ ...c, value: key.value, personId: key.personId });
  return {
    first: (c, limit, offset) => s.first.all({ ...c, limit, offset }) as PageRow[],
    last: (c, limit) => s.last.all({ ...c, limit }) as PageRow[],
    after: (c, key, limit) => s.after.all({ ...at(c, key), limit }) as PageRow[],
    before: (c, key, limit) => s.before.all({ ...at(c, key), limit }) as PageRow[],
    existsAfter: (c, key) => s.existsAfter.get(at(c, key)) !== undefined,
    existsBefore: (c, key) => s.existsBefore.get(at(c, key)) !== undefined,
  };
}

/** Above every person_id, so "unscored rows below this id" starts the unscored segment. */
const PAST_LAST_ID = Number.MAX_SAFE_INTEGER;

function scoreQueries(db: Database.Database): ColumnQueries {
  const column = 't.score';
  const down = 't.score DESC, t.person_id DESC'; // display order
  const up = 't.score ASC, t.person_id ASC'; // reverse display order: unscored first, by id
  const s = {
    first: db.prepare(`${selectSql(column, '', down)} OFFSET @offset`),
    last: db.prepare(selectSql(column, '', up)),
    scoredAfter: db.prepare(selectSql(column, 'AND (t.score, t.person_id) < (@value, @personId)', down)),
    scoredBefore: db.prepare(selectSql(column, 'AND (t.score, t.person_id) > (@value, @personId)', up)),
    scoredFromEnd: db.prepare(selectSql(column, 'AND t.score IS NOT NULL', up)),
    unscoredAfter: db.prepare(selectSql(column, 'AND t.score IS NULL AND t.person_id < @personId', 't.person_id DESC')),
    unscoredBefore: db.prepare(selectSql(column, 'AND t.score IS NULL AND t.person_id > @personId', 't.person_id ASC')),
  };
  const run = (statement: Database.Statement, params: Record<string, unknown>, limit: number): PageRow[] =>
    limit <= 0 ? [] : (statement.all({ ...params, limit }) as PageRow[]);
  const after = (c: ColumnRef, key: BoardKey, limit: number): PageRow[] => {
    if (key.value === null) return run(s.unscoredAfter, { ...c, personId: key.personId }, limit);
    const scored = run(s.scoredAfter, { ...c, value: key.value, personId: key.personId }, limit);
    return [...scored, ...run(s.unscoredAfter, { ...c, personId: PAST_LAST_ID }, limit - scored.length)];
  };
  const before = (c: ColumnRef, key: BoardKey, limit: number): PageRow[] => {
    if (key.value !== null) return run(s.scoredBefore, { ...c, value: key.value, personId: key.personId }, limit);
    const unscored = run(s.unscoredBefore, { ...c, personId: key.personId }, limit);
    return [...unscored, ...run(s.scoredFromEnd, { ...c }, limit - unscored.length)];
  };
  return {
    first: (c, limit, offset) => s.first.all({ ...c, limit, offset }) as PageRow[],
    last: (c, limit) => s.last.all({ ...c, limit }) as PageRow[],
    after,
    before,
    existsAfter: (c, key) => after(c, key, 1).length > 0,
    existsBefore: (c, key) => before(c, key, 1).length > 0,
  };
}

export function columnQueries(db: Database.Database, sort: BoardSort): ColumnQueries {
  return sort === 'score' ? scoreQueries(db) : plainQueries(db, sort);
}
