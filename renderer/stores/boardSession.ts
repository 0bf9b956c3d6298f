// Which account and order the board shows, and when it re-reads itself after core's events.
import { STAGES } from '../../shared/domain';
import type { BoardSort } from '../../shared/domain';
import { boardControl, emptyColumns, useBoardStore } from './boardStore';
import { ensureVisible, flushQueued, refreshCounts } from './columnLoading';

/** core emits people.changed in bursts during a sync; refresh at most this often. */
const REFRESH_THROTTLE_MS = 300;

/** Shows the board of an account (or nothing), dropping everything loaded for another one. */
export function openBoard(accountId: number | null): void {
  if (useBoardStore.getState().accountId === accountId) return;
  resetBoard(accountId, useBoardStore.getState().sort);
}

export function setSort(sort: BoardSort): void {
  if (useBoardStore.getState().sort === sort) return;
  resetBoard(useBoardStore.getState().accountId, sort);
}

function resetBoard(accountId: number | null, sort: BoardSort): void {
  boardControl.generation++;
  boardControl.busy.clear();
  boardControl.queuedRefresh.clear();
  boardControl.visible.clear();
  useBoardStore.setState({ accountId, sort, counts: null, columns: emptyColumns(), focusTarget: null });
  if (accountId !== null) {
    void refreshCounts();
    for (const stage of STAGES) ensureVisible(stage);
  }
}

/** For tests: forget every account, window and request. */
export function resetBoardStore(): void {
  if (boardControl.refreshTimer) clearTimeout(boardControl.refreshTimer);
  boardControl.refreshTimer = null;
  boardControl.pendingMoves = 0;
  boardControl.movingTo.clear();
  boardControl.ownMoves.clear();
  boardControl.offsetSeek = 'unknown';
  resetBoard(null, 'newest');
}

/**
 * core says people changed (a sync page landed, a move was stored). Refreshes counts and the
 * visible windows, at most every REFRESH_THROTTLE_MS. The echo of our own moves only refreshes
 * counts: the windows already show them.
 */
export function requestRefresh(personIds: number[] | null): void {
  const ownEcho = personIds !== null && personIds.length > 0 && personIds.every((id) => boardControl.ownMoves.has(id));
  boardControl.queuedCounts = true;
  if (!ownEcho) for (const stage of STAGES) boardControl.queuedRefresh.add(stage);
  if (boardControl.refreshTimer) return;
  boardControl.refreshTimer = setTimeout(() => {
    boardControl.refreshTimer = null;
    flushQueued();
  }, REFRESH_THROTTLE_MS);
}
