// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { STAGES } from '../../shared/domain';
import { forgetEarlyReads } from '../api/earlyReads';
import { rapportClient } from '../api/rapportClient';
import { useBoardStore } from '../stores/boardStore';
import { resetBoardStore } from '../stores/boardSession';
import { closeAllCoreApis } from '../testing/coreApi';
import { coreWithPeople } from '../testing/seedCore';
import { renderWithApi, stubLayout } from '../testing/renderWithApi';
import { BOARD_COLUMNS, FIRST_BOARD_SORT, startFirstBoardReads } from './firstBoardReads';

let restoreLayout: () => void;
beforeEach(() => {
  restoreLayout = stubLayout();
});
afterEach(async () => {
  cleanup();
  restoreLayout();
  forgetEarlyReads();
  delete window.rapport;
  await closeAllCoreApis();
});

function cardsIn(stage: string): HTMLElement[] {
  return within(screen.getByTestId(`list-${stage}`)).queryAllByTestId('card');
}

describe('the board’s first reads, started before the window’s code', () => {
  it('open the board with one request each: the accounts, the counts and the top of every column', async () => {
    const api = await coreWithPeople([30], [5, 'declined', 100]);
    window.rapport = api;
    startFirstBoardReads();
    // Core has the reads before React renders anything (boot.tsx is still loading in the window).
    await waitFor(() => expect(api.callsOf('getBoardPage')).toHaveLength(4));

    renderWithApi(api);
    await waitFor(() => expect(cardsIn('new')).not.toHaveLength(0));
    await waitFor(() => expect(cardsIn('declined')).toHaveLength(5));
    expect(screen.getByTestId('count-new').textContent).toBe('30');
    expect(api.callsOf('getBoardCounts')).toHaveLength(1);
    expect(api.callsOf('getBoardPage')).toHaveLength(4);
    // App's own mount asks for the accounts again; the board did not wait for that one.
    expect(api.callsOf('listAccounts').length).toBeLessThanOrEqual(2);
  });

  it('hand each answer out once: the next identical read goes to core', async () => {
    const api = await coreWithPeople([3]);
    window.rapport = api;
    startFirstBoardReads();
    await waitFor(() => expect(api.callsOf('getBoardCounts')).toHaveLength(1));
    const [account] = await rapportClient.listAccounts();
    expect(api.callsOf('listAccounts')).toHaveLength(1);
    await rapportClient.getBoardCounts(account?.id ?? 0);
    expect(api.callsOf('getBoardCounts')).toHaveLength(1);
    await rapportClient.getBoardCounts(account?.id ?? 0);
    expect(api.callsOf('getBoardCounts')).toHaveLength(2);
  });

  it('ask for what the board asks for when it opens', () => {
    resetBoardStore();
    expect(BOARD_COLUMNS).toEqual(STAGES);
    expect(useBoardStore.getState().sort).toBe(FIRST_BOARD_SORT);
  });
});
