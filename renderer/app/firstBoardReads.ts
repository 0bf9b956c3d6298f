// The board's first reads, asked for by the window's small first script before the rest of its
// code has loaded: the account list, then the first account's counts and the top of its four
// columns, exactly as the board will ask for them once it opens (earlyReads.ts hands them over).
// Kept free of zod and React so this script stays a few kilobytes and runs at once.
import type { BoardSort, Stage } from '../../shared/domain';
import { call } from '../api/rapportClient';
import { rememberEarlyRead } from '../api/earlyReads';

/** The board's columns, in order (shared/domain's STAGES, which this script cannot import without zod). */
export const BOARD_COLUMNS: readonly Stage[] = ['new', 'evaluated', 'connected', 'declined'];
/** The order a board opens in. */
export const FIRST_BOARD_SORT: BoardSort = 'newest';
/**
 * A column's first read: about a screenful plus the prefetch margin, not a whole page. The four
 * first reads are what the board's first paint waits for (100 cards of New were ~65 KB of JSON to
 * send, parse and render); the rest arrives as the user scrolls.
 */
export const FIRST_READ_ROWS = 40;

/** Starts the reads; the board open on the first account (accountsStore selects it) takes them. */
export function startFirstBoardReads(): void {
  const accounts = call('listAccounts', {});
  rememberEarlyRead('listAccounts', {}, accounts);
  accounts
    .then((list) => {
      const accountId = list[0]?.id;
      if (accountId === undefined) return;
      rememberEarlyRead('getBoardCounts', { accountId }, call('getBoardCounts', { accountId }));
      for (const stage of BOARD_COLUMNS) {
        const input = { accountId, stage, sort: FIRST_BOARD_SORT, limit: FIRST_READ_ROWS };
        rememberEarlyRead('getBoardPage', input, call('getBoardPage', input));
      }
    })
    // A failed account list is the board's to report, when it asks for it.
    .catch(() => undefined);
}
