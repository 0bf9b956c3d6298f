// The board: counts per stage and, per column, a bounded window of cards fetched by keyset pages
// as the user scrolls. Components select the slice they show (one column, one count, one card's
// focus request), so a move re-renders the columns and cards it touched, not the whole board.
import { create } from 'zustand';
import { STAGES } from '../../shared/domain';
import type { BoardSort, Stage, StageCounts } from '../../shared/domain';
import { EMPTY_WINDOW } from '../board/columnWindow';
import type { ColumnWindow } from '../board/columnWindow';

/** Cards per keyset request while scrolling. */
export const PAGE_SIZE = 100;
/** Most cards a column keeps in memory; far pages are dropped and re-fetched when needed. */
export const MAX_WINDOW = 1000;

export interface ColumnState {
  window: ColumnWindow;
  loading: boolean;
  error: string | null;
  /** Rows to scroll by (with a sequence number) after the window was re-based; see prependPage. */
  scrollShift: { seq: number; rows: number };
}

export interface BoardState {
  accountId: number | null;
  sort: BoardSort;
  counts: StageCounts | null;
  columns: Record<Stage, ColumnState>;
  /** A card asks to take focus (after a keyboard move, focus goes to the next card). */
  focusTarget: { personId: number; seq: number } | null;
}

export function emptyColumns(): Record<Stage, ColumnState> {
  const columns = {} as Record<Stage, ColumnState>;
  for (const stage of STAGES) {
    columns[stage] = { window: EMPTY_WINDOW, loading: false, error: null, scrollShift: { seq: 0, rows: 0 } };
  }
  return columns;
}

const initialState: BoardState = { accountId: null, sort: 'newest', counts: null, columns: emptyColumns(), focusTarget: null };

export const useBoardStore = create<BoardState>()(() => initialState);

/**
 * Bookkeeping that never renders: which requests are current, which columns are busy, what the
 * user can see. Shared by columnLoading, boardSession and boardMoves.
 */
export const boardControl = {
  /** Bumped when the account or sort changes: answers to older requests are dropped. */
  generation: 0,
  /** Bumped when a move changes windows locally: a refresh that started before it is stale. */
  epoch: 0,
  pendingMoves: 0,
  /** personId -> stage it is moving to, while the move is not confirmed. */
  movingTo: new Map<number, Stage>(),
  /** personIds moved from this window recently, so their people.changed echo is not a full reload. */
  ownMoves: new Map<number, number>(),
  busy: new Set<Stage>(),
  queuedRefresh: new Set<Stage>(),
  queuedCounts: false,
  visible: new Map<Stage, { first: number; last: number }>(),
  refreshTimer: null as ReturnType<typeof setTimeout> | null,
  focusSeq: 0,
};

export function setColumn(stage: Stage, patch: Partial<ColumnState>): void {
  useBoardStore.setState((s) => ({ columns: { ...s.columns, [stage]: { ...s.columns[stage], ...patch } } }));
}

export function requestFocus(personId: number): void {
  boardControl.focusSeq++;
  useBoardStore.setState({ focusTarget: { personId, seq: boardControl.focusSeq } });
}
