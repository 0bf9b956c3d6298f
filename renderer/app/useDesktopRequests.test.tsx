// "Open Review for account X" from the desktop shell (a notification or the tray), against a real
// core with two accounts: the window shows Review for that account, switching accounts if needed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, screen, waitFor } from '@testing-library/react';
import { closeAllCoreApis, openCoreApi, type CoreApi } from '../../test/renderer/coreApi';
import { seedAccount, seedPeople } from '../../test/renderer/seedCore';
import { renderWithApi, stubLayout } from '../../test/renderer/renderWithApi';
import { useAccountsStore } from '../stores/accountsStore';
import { useViewStore } from '../stores/viewStore';

let restoreLayout: () => void;
beforeEach(() => {
  restoreLayout = stubLayout();
});
afterEach(async () => {
  cleanup();
  restoreLayout();
  useViewStore.setState({ pendingView: null });
  delete window.rapport;
  await closeAllCoreApis();
});

async function twoAccounts(): Promise<{ api: CoreApi; first: number; second: number }> {
  const api = await openCoreApi();
  const first = await seedAccount(api, { handle: 'first.sample' });
  const second = await seedAccount(api, { handle: 'second.sample' });
  seedPeople(api, 3, { accountId: first.id, firstId: 1 });
  seedPeople(api, 4, { accountId: second.id, firstId: 10 });
  return { api, first: first.id, second: second.id };
}

async function renderOn(api: CoreApi, accountId: number): Promise<void> {
  renderWithApi(api);
  await waitFor(() => expect(useAccountsStore.getState().selectedId).not.toBeNull());
  act(() => useAccountsStore.getState().select(accountId));
  await waitFor(() => expect(useViewStore.getState().view).toBe('board'));
}

describe('open Review from the desktop', () => {
  it("switches to the named account's Review", async () => {
    const { api, first, second } = await twoAccounts();
    await renderOn(api, first);
    expect(screen.queryByTestId('review')).toBeNull();

    act(() => api.emit('desktop.openReview', { accountId: second }));
    await screen.findByTestId('review');
    expect(useAccountsStore.getState().selectedId).toBe(second);
    expect(useViewStore.getState().view).toBe('review');
  });

  it('opens Review on the account already shown', async () => {
    const { api, first } = await twoAccounts();
    await renderOn(api, first);
    act(() => api.emit('desktop.openReview', { accountId: first }));
    await screen.findByTestId('review');
    expect(useAccountsStore.getState().selectedId).toBe(first);
  });

  it('ignores an account the window does not know', async () => {
    const { api, first } = await twoAccounts();
    await renderOn(api, first);
    act(() => api.emit('desktop.openReview', { accountId: 99 }));
    expect(useViewStore.getState().view).toBe('board');
    expect(useViewStore.getState().pendingView).toBeNull();
    expect(useAccountsStore.getState().selectedId).toBe(first);
  });
});
