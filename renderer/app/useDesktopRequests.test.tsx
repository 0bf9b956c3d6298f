// "Open Review for account X" from the desktop shell (a notification or the tray): the window shows
// Review for that account, switching accounts when it showed another.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, screen, waitFor } from '@testing-library/react';
import { InMemoryRapportApi, makePeople, sampleAccount } from '../testing/inMemoryRapportApi';
import { renderWithApi, stubLayout } from '../testing/renderWithApi';
import { useAccountsStore } from '../stores/accountsStore';
import { useViewStore } from '../stores/viewStore';

let restoreLayout: () => void;
beforeEach(() => {
  restoreLayout = stubLayout();
});
afterEach(() => {
  cleanup();
  restoreLayout();
  useViewStore.setState({ pendingView: null });
  delete window.rapport;
});

function twoAccounts(): InMemoryRapportApi {
  return new InMemoryRapportApi({
    accounts: [sampleAccount({ id: 1, handle: 'first.sample' }), sampleAccount({ id: 2, handle: 'second.sample' })],
    people: makePeople(4),
  });
}

describe('open Review from the desktop', () => {
  it("switches to the named account's Review", async () => {
    const api = twoAccounts();
    renderWithApi(api);
    await waitFor(() => expect(useAccountsStore.getState().selectedId).toBe(1));
    expect(screen.queryByTestId('review')).toBeNull();

    act(() => api.emit('desktop.openReview', { accountId: 2 }));
    await screen.findByTestId('review');
    expect(useAccountsStore.getState().selectedId).toBe(2);
    expect(useViewStore.getState().view).toBe('review');
  });

  it('opens Review on the account already shown', async () => {
    const api = twoAccounts();
    renderWithApi(api);
    await waitFor(() => expect(useAccountsStore.getState().selectedId).toBe(1));
    act(() => api.emit('desktop.openReview', { accountId: 1 }));
    await screen.findByTestId('review');
    expect(useAccountsStore.getState().selectedId).toBe(1);
  });

  it('ignores an account the window does not know', async () => {
    const api = twoAccounts();
    renderWithApi(api);
    await waitFor(() => expect(useAccountsStore.getState().selectedId).toBe(1));
    act(() => api.emit('desktop.openReview', { accountId: 99 }));
    expect(useViewStore.getState().view).toBe('board');
    expect(useViewStore.getState().pendingView).toBeNull();
  });
});
