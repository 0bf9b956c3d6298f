// Which account and order the board shows, and when it re-reads itself after core's events.
import { STAGES } from '../../shared/domain';
import type { BoardSort, Stage } from '../../shared/domain';
import { useAccountsStore } from './accountsStore';
import { boardControl, emptyColumns, useBoardStore } from './boardStore';
import { ensureVisible, flushQueued, refreshCounts } from './columnLoading';

/** core emits people.changed in bursts during a sync; refresh at most this often. */
const REFRESH_THROTTLE_MS = 300;

/**
 * Opens the board of the selected account the moment the selection changes (the account list
 * arrived, an account was added): zustand calls this inside the state change, so the counts and
 * first pages are requested before React renders the board, not a render and an effect later.
 * Returns the unsubscribe function.
 */
export function followSelectedAccount(): () => void {
  return useAccountsStore.subscribe((state, previous) => {
    if (state.selectedId !== null && state.selectedId !== previous.selectedId) openBoard(state.selectedId);
  });
}

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
  resetBoard(null, 'newest');
}

/**
 * The columns whose loaded window holds one of these people (every column when core did not say
 * who changed). Core names people when it cached their avatars or posts, which happens for every
 * page the board reads: re-reading all four columns for that would turn each scroll step into a
 * burst of requests. A change that moved someone between stages shows up in the counts, and
 * refreshCounts re-reads the columns whose count changed.
 */
function columnsShowing(personIds: number[] | null): readonly Stage[] {
  if (personIds === null) return STAGES;
  const wanted = new Set(personIds);
  const { columns } = useBoardStore.getState();
  return STAGES.filter((stage) => columns[stage].window.pages.some((page) => page.items.some((card) => wanted.has(card.personId))));
}

/**
 * core says people changed (a sync page landed, a move was stored). Refreshes counts and the
 * visible windows, at most every REFRESH_THROTTLE_MS. The echo of our own moves only refreshes
 * counts: the windows already show them.
 */
export function requestRefresh(personIds: number[] | null): void {
  const ownEcho = personIds !== null && personIds.length > 0 && personIds.every((id) => boardControl.ownMoves.has(id));
  boardControl.queuedCounts = true;
  if (!ownEcho) for (const stage of columnsShowing(personIds)) boardControl.queuedRefresh.add(stage);
  if (boardControl.refreshTimer) return;
  boardControl.refreshTimer = setTimeout(() => {
    boardControl.refreshTimer = null;
    flushQueued();
  }, REFRESH_THROTTLE_MS);
}
