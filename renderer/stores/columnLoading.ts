// Fetching a column's window as the user scrolls: the next or previous page, a far jump, and a
// refresh that keeps row numbers. One fetch per column at a time; the rest waits its turn.
import { STAGES } from '../../shared/domain';
import type { Stage } from '../../shared/domain';
import type { MethodInput } from '../../shared/api/contract';
import { rapportClient, toRapportError } from '../api/rapportClient';
import {
  appendPage,
  cardsById,
  hasMoreAfter,
  hasMoreBefore,
  pageStarts,
  prependPage,
  reuseUnchangedCards,
  windowEnd,
} from '../board/columnWindow';
import type { LoadedPage } from '../board/columnWindow';
import { MAX_WINDOW, PAGE_SIZE, boardControl, setColumn, useBoardStore } from './boardStore';
import { showError } from './toastStore';

/** Start fetching when the visible rows come this close to the edge of the window. */
const PREFETCH_ROWS = 30;
const CONTRACT_PAGE_MAX = 200;
/**
 * A column's first read: about a screenful plus the prefetch margin, not a whole page. The four
 * first reads are what the board's first paint waits for (100 cards of New were ~65 KB of JSON to
 * send, parse and render); the rest arrives as the user scrolls.
 */
const FIRST_READ_ROWS = 40;
/** Visible rows this far outside the window are a jump, not a scroll. */
const JUMP_ROWS = 2 * PAGE_SIZE;

/** Called by a column when the rows on screen change; fetches what the user is about to see. */
export function reportVisibleRange(stage: Stage, first: number, last: number): void {
  boardControl.visible.set(stage, { first, last });
  ensureVisible(stage);
}

export function retryColumn(stage: Stage): void {
  setColumn(stage, { error: null });
  ensureVisible(stage);
}

export function ensureVisible(stage: Stage): void {
  const { accountId, columns } = useBoardStore.getState();
  const column = columns[stage];
  if (accountId === null || column.error !== null || boardControl.busy.has(stage)) return;
  const w = column.window;
  const range = boardControl.visible.get(stage) ?? { first: 0, last: 0 };
  const end = windowEnd(w);
  if (!w.loaded) {
    void refreshColumn(stage);
  } else if (range.first > end + JUMP_ROWS || range.last < w.offset - JUMP_ROWS) {
    // The scrollbar was dragged (or the wheel ran) far past what is loaded: seek there.
    void jumpTo(stage);
  } else if (range.last >= end - PREFETCH_ROWS && hasMoreAfter(w)) {
    void loadForward(stage);
  } else if (range.first < w.offset + PREFETCH_ROWS && hasMoreBefore(w)) {
    void loadBackward(stage);
  }
}

/**
 * One page that starts at a row number (core honours getBoardPage's `offset`); null when the row
 * is past the end of the column.
 */
async function pageAtRow(stage: Stage, row: number): Promise<LoadedPage | null> {
  const result = await rapportClient.getBoardPage({ ...pageInput(stage, CONTRACT_PAGE_MAX, null, 'forward'), offset: row });
  if (result.items.length === 0) return null;
  // The page from row 0 is the top of the column, whose forward cursor (none) is known.
  return { items: result.items, afterCursor: row === 0 ? null : undefined, prevCursor: result.prevCursor, nextCursor: result.nextCursor };
}

/**
 * A far jump (the scrollbar dragged, a fast wheel): one page at the first row wanted, by offset,
 * then on by cursor until the rows on screen are covered. The target is re-read after every page:
 * if the user went back before the pages read so far, it stops and ensureVisible decides again.
 */
function jumpTo(stage: Stage): Promise<void> {
  return exclusive(stage, async (generation) => {
    const epoch = boardControl.epoch;
    const target = () => boardControl.visible.get(stage) ?? { first: 0, last: 0 };
    let keptFrom = Math.max(0, target().first - PREFETCH_ROWS);
    let first = await pageAtRow(stage, keptFrom);
    if (!first && generation === boardControl.generation) {
      // Past the end: the column shrank since its count was read. Count again, show its end.
      await refreshCounts();
      keptFrom = Math.max(0, (useBoardStore.getState().counts?.[stage] ?? 0) - CONTRACT_PAGE_MAX);
      first = await pageAtRow(stage, keptFrom);
    }
    if (generation !== boardControl.generation || !first) return;
    const kept: LoadedPage[] = [first];
    let row = keptFrom + first.items.length;
    let cursor = first.nextCursor;
    while (cursor !== null && row <= target().last + PREFETCH_ROWS) {
      if (target().last < keptFrom) return;
      const result = await rapportClient.getBoardPage(pageInput(stage, CONTRACT_PAGE_MAX, cursor, 'forward'));
      if (generation !== boardControl.generation) return;
      const nextCursor = result.items.length > 0 ? result.nextCursor : null;
      kept.push({ items: result.items, afterCursor: cursor, prevCursor: result.prevCursor, nextCursor });
      row += result.items.length;
      cursor = nextCursor;
    }
    if (epoch !== boardControl.epoch) {
      boardControl.queuedRefresh.add(stage);
      return;
    }
    const pages = kept.map((page) => withoutMovingAway(stage, page));
    setColumn(stage, { window: { pages, offset: keptFrom, loaded: true } });
  });
}

/** Runs one fetch for a column at a time; whatever was asked meanwhile runs afterwards. */
async function exclusive(stage: Stage, op: (generation: number) => Promise<void>): Promise<void> {
  if (boardControl.busy.has(stage)) return;
  const generation = boardControl.generation;
  boardControl.busy.add(stage);
  setColumn(stage, { loading: true });
  try {
    await op(generation);
    if (generation === boardControl.generation) setColumn(stage, { loading: false });
  } catch (error) {
    if (generation === boardControl.generation) {
      setColumn(stage, { loading: false, error: toRapportError(error).message });
      showError(error);
    }
  } finally {
    if (generation === boardControl.generation) {
      boardControl.busy.delete(stage);
      flushQueued();
      ensureVisible(stage);
    }
  }
}

function pageInput(stage: Stage, limit: number, cursor: string | null | undefined, direction: 'forward' | 'backward'): MethodInput<'getBoardPage'> {
  const { accountId, sort } = useBoardStore.getState();
  if (accountId === null) throw new Error('No account is open.');
  return {
    accountId,
    stage,
    sort,
    limit,
    ...(cursor ? { cursor } : {}),
    ...(direction === 'backward' ? { direction } : {}),
  };
}

/** Cards still shown in a column they are being moved out of (the server has not answered yet). */
function withoutMovingAway(stage: Stage, page: LoadedPage): LoadedPage {
  if (boardControl.movingTo.size === 0) return page;
  const items = page.items.filter((card) => {
    const target = boardControl.movingTo.get(card.personId);
    return target === undefined || target === stage;
  });
  return { ...page, items };
}

function loadForward(stage: Stage): Promise<void> {
  return exclusive(stage, async (generation) => {
    const before = useBoardStore.getState().columns[stage].window;
    const cursor = before.pages[before.pages.length - 1]?.nextCursor;
    if (!cursor) return;
    const result = await rapportClient.getBoardPage(pageInput(stage, PAGE_SIZE, cursor, 'forward'));
    if (generation !== boardControl.generation) return;
    const current = useBoardStore.getState().columns[stage].window;
    if (current.pages[current.pages.length - 1]?.nextCursor !== cursor) return;
    const page = withoutMovingAway(stage, {
      items: result.items,
      afterCursor: cursor,
      prevCursor: result.prevCursor,
      // An empty page with a cursor would make us ask forever.
      nextCursor: result.items.length > 0 ? result.nextCursor : null,
    });
    setColumn(stage, { window: appendPage(current, page, MAX_WINDOW) });
  });
}

function loadBackward(stage: Stage): Promise<void> {
  return exclusive(stage, async (generation) => {
    const before = useBoardStore.getState().columns[stage].window;
    const cursor = before.pages[0]?.prevCursor;
    if (!cursor) return;
    const result = await rapportClient.getBoardPage(pageInput(stage, PAGE_SIZE, cursor, 'backward'));
    if (generation !== boardControl.generation) return;
    const current = useBoardStore.getState().columns[stage].window;
    if (current.pages[0]?.prevCursor !== cursor) return;
    const page = withoutMovingAway(stage, {
      items: result.items,
      afterCursor: undefined,
      prevCursor: result.items.length > 0 ? result.prevCursor : null,
      nextCursor: result.nextCursor,
    });
    const { window, shift } = prependPage(current, page, MAX_WINDOW);
    const scrollShift = useBoardStore.getState().columns[stage].scrollShift;
    setColumn(stage, { window, ...(shift !== 0 ? { scrollShift: { seq: scrollShift.seq + 1, rows: shift } } : {}) });
  });
}

/**
 * Re-reads the part of a column the user looks at, keeping row numbers (and so the scroll
 * position): it restarts from the last page at or above the first visible row whose forward
 * cursor is known, and reads down to just past the last visible row.
 */
export function refreshColumn(stage: Stage): Promise<void> {
  if (boardControl.busy.has(stage) || boardControl.pendingMoves > 0) {
    boardControl.queuedRefresh.add(stage);
    return Promise.resolve();
  }
  boardControl.queuedRefresh.delete(stage);
  return exclusive(stage, async (generation) => {
    const epoch = boardControl.epoch;
    const before = useBoardStore.getState().columns[stage].window;
    const range = boardControl.visible.get(stage) ?? { first: before.offset, last: before.offset };
    let anchorCursor: string | null = null;
    let anchorRow = 0;
    const starts = pageStarts(before);
    let anchor = -1;
    before.pages.forEach((page, i) => {
      const start = starts[i] ?? 0;
      if (page.afterCursor !== undefined && (anchor < 0 || start <= range.first)) anchor = i;
    });
    const anchorPage = before.pages[anchor];
    if (anchorPage && anchorPage.afterCursor !== undefined) {
      anchorCursor = anchorPage.afterCursor;
      anchorRow = starts[anchor] ?? 0;
    }
    const pages: LoadedPage[] = [];
    let cursor = anchorCursor;
    let fetched = 0;
    // No page knows its forward cursor (the window came from a seek or backward reads): seek
    // to the first page's row again rather than re-reading the column from the top.
    const firstRow = starts[0] ?? 0;
    if (anchor < 0 && firstRow > 0) {
      const page = await pageAtRow(stage, firstRow);
      if (generation !== boardControl.generation) return;
      if (page) {
        pages.push(page);
        anchorRow = firstRow;
        fetched = page.items.length;
        cursor = page.nextCursor;
      }
    }
    const atLeast = before.loaded ? PAGE_SIZE : FIRST_READ_ROWS;
    const wanted = Math.min(Math.max(range.last + 1 + PREFETCH_ROWS - anchorRow, atLeast), MAX_WINDOW);
    while (fetched < wanted && !(pages.length > 0 && cursor === null)) {
      const limit = Math.min(CONTRACT_PAGE_MAX, wanted - fetched);
      const result = await rapportClient.getBoardPage(pageInput(stage, limit, cursor, 'forward'));
      if (generation !== boardControl.generation) return;
      const nextCursor = result.items.length > 0 ? result.nextCursor : null;
      pages.push({ items: result.items, afterCursor: cursor, prevCursor: result.prevCursor, nextCursor });
      fetched += result.items.length;
      if (nextCursor === null) break;
      cursor = nextCursor;
    }
    if (epoch !== boardControl.epoch || boardControl.pendingMoves > 0) {
      // A move changed this column while we read it: our pages may predate it. Read again later.
      boardControl.queuedRefresh.add(stage);
      return;
    }
    const previous = cardsById(useBoardStore.getState().columns[stage].window);
    const shared = pages.map((page) => ({ ...page, items: reuseUnchangedCards(page.items, previous) }));
    setColumn(stage, { window: { pages: shared, offset: anchorRow, loaded: true } });
  });
}

export async function refreshCounts(): Promise<void> {
  const { accountId } = useBoardStore.getState();
  if (accountId === null) return;
  if (boardControl.pendingMoves > 0) {
    boardControl.queuedCounts = true;
    return;
  }
  const generation = boardControl.generation;
  const epoch = boardControl.epoch;
  try {
    const counts = await rapportClient.getBoardCounts(accountId);
    if (generation !== boardControl.generation) return;
    if (epoch !== boardControl.epoch || boardControl.pendingMoves > 0) {
      boardControl.queuedCounts = true;
      return;
    }
    const previous = useBoardStore.getState().counts;
    useBoardStore.setState({ counts });
    // Someone changed stage without this window moving them (a sync, another window): the
    // columns whose count changed re-read what they show.
    if (previous) {
      const changed = STAGES.filter((stage) => previous[stage] !== counts[stage]);
      for (const stage of changed) boardControl.queuedRefresh.add(stage);
      if (changed.length > 0) flushQueued();
    }
  } catch (error) {
    if (generation === boardControl.generation) showError(error);
  }
}

/** Runs refreshes that waited for moves or busy columns. */
export function flushQueued(): void {
  if (boardControl.pendingMoves > 0) return;
  if (boardControl.queuedCounts) {
    boardControl.queuedCounts = false;
    void refreshCounts();
  }
  for (const stage of STAGES) {
    if (boardControl.queuedRefresh.has(stage) && !boardControl.busy.has(stage)) void refreshColumn(stage);
  }
}
