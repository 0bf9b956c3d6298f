import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { answerNext, closeAllCoreApis, openCoreApi } from '../../test/renderer/coreApi';
import { coreWithPeople, seedPeople } from '../../test/renderer/seedCore';
import { renderWithApi, stubLayout } from '../../test/renderer/renderWithApi';
import { WELCOME_UIS } from '../networks/registry';

let restoreLayout: () => void;
beforeEach(() => {
  restoreLayout = stubLayout();
});
afterEach(async () => {
  cleanup();
  restoreLayout();
  delete window.rapport;
  await closeAllCoreApis();
});

function countIn(stage: string): number {
  return Number((screen.getByTestId(`count-${stage}`).textContent ?? '').replace(/,/g, ''));
}

describe('App', () => {
  it('on first run offers sample data, and the button creates the sample account', async () => {
    const api = await openCoreApi();
    renderWithApi(api);
    const explore = await screen.findByRole('button', { name: 'Explore with sample data' });
    // The first-run screen lists the networks that exist, and promises none for later.
    expect(WELCOME_UIS.length).toBeGreaterThanOrEqual(4);
    for (const ui of WELCOME_UIS) expect(screen.getByRole('button', { name: ui.welcome?.label })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Add GitHub account' })).toBeTruthy();
    expect(screen.queryByText(/later version|coming later|comes later/i)).toBeNull();
    fireEvent.click(explore);
    await waitFor(() => expect(api.callsOf('beginSignIn')).toEqual([{ network: 'sample' }]));
    expect(await screen.findByTestId('column-new')).toBeTruthy();
    // Core's sample sync fills the board.
    await waitFor(() => expect(countIn('new')).toBeGreaterThan(0), { timeout: 30_000 });
  });

  it('shows the four columns with the counts core reports', async () => {
    renderWithApi(await coreWithPeople([1200, 'new'], [5, 'evaluated', 5000], [2, 'declined', 6000]));
    await waitFor(() => expect(screen.getByTestId('count-new').textContent).toBe('1,200'));
    expect(screen.getByTestId('count-evaluated').textContent).toBe('5');
    expect(screen.getByTestId('count-connected').textContent).toBe('0');
    expect(screen.getByTestId('count-declined').textContent).toBe('2');
    await waitFor(() => expect(within(screen.getByTestId('list-evaluated')).getAllByTestId('card')).toHaveLength(5));
  });

  it('refreshes counts and cards when core says people changed', async () => {
    const api = await coreWithPeople([2]);
    renderWithApi(api);
    await waitFor(() => expect(screen.getByTestId('count-new').textContent).toBe('2'));
    // Three more arrive the way a sync stores them, and core says so.
    seedPeople(api, 3, { firstId: 100 });
    act(() => api.emit('people.changed', { accountId: 1, personIds: null }));
    await waitFor(() => expect(screen.getByTestId('count-new').textContent).toBe('5'));
    await waitFor(() => expect(within(screen.getByTestId('list-new')).getAllByTestId('card')).toHaveLength(5));
  });

  it('shows a running sync as a progress bar, and cancels it', async () => {
    // Pages 300 ms apart: the sync is still running while the test looks at it.
    const api = await openCoreApi({ samplePageDelayMs: 300 });
    await api.core.call('beginSignIn', { network: 'sample', followers: 5000, following: 0 });
    renderWithApi(api);
    await screen.findByTestId('column-new');
    const bar = await screen.findByRole('progressbar', { name: 'Sync progress' }, { timeout: 10_000 });
    await waitFor(() => expect(Number(bar.getAttribute('aria-valuenow'))).toBeGreaterThan(0));
    expect(bar.getAttribute('aria-valuemax')).toBe('5000');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel sync' }));
    await waitFor(() => expect(api.callsOf('cancelSync')).toEqual([{ accountId: 1 }]));
    await waitFor(() => expect(screen.queryByRole('progressbar', { name: 'Sync progress' })).toBeNull());
    const status = await api.core.call('getSyncStatus', { accountId: 1 });
    expect(status.ok && (status.value as { state: string } | null)?.state).toBe('cancelled');
  });

  it('re-reads every column in the chosen order', async () => {
    const api = await coreWithPeople([20]);
    renderWithApi(api);
    await screen.findAllByTestId('card');
    fireEvent.change(screen.getByRole('combobox', { name: 'Sort' }), { target: { value: 'name' } });
    await waitFor(() => {
      const sorts = api.callsOf('getBoardPage').map((input) => (input as { sort: string }).sort);
      expect(sorts.filter((s) => s === 'name')).toHaveLength(4);
    });
    // "Person 1", "Person 10", "Person 11"… in name order.
    await waitFor(() => {
      const names = within(screen.getByTestId('list-new'))
        .getAllByTestId('card')
        .map((card) => card.getAttribute('data-person-id'));
      expect(names.slice(0, 3)).toEqual(['1', '10', '11']);
    });
  });

  it('removes the sample account after confirmation and returns to the welcome screen', async () => {
    const api = await coreWithPeople([2]);
    renderWithApi(api);
    fireEvent.click(await screen.findByRole('button', { name: 'Remove sample account' }));
    const dialog = await screen.findByRole('dialog');
    expect(api.callsOf('removeAccount')).toHaveLength(0);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(api.callsOf('removeAccount')).toEqual([{ accountId: 1 }]));
    expect(await screen.findByRole('button', { name: 'Explore with sample data' })).toBeTruthy();
    expect(await api.core.call('listAccounts', {})).toEqual({ ok: true, value: [] });
  });

  it('shows the error from core when a call fails, not a blank screen', async () => {
    const api = await openCoreApi();
    answerNext(api, 'beginSignIn', () => Promise.resolve({ ok: false, error: { code: 'CONFLICT', message: 'A sample account already exists.' } }));
    renderWithApi(api);
    fireEvent.click(await screen.findByRole('button', { name: 'Explore with sample data' }));
    expect((await screen.findByRole('alert')).textContent).toContain('A sample account already exists.');
    expect(screen.getByRole('button', { name: 'Explore with sample data' })).toBeTruthy();
  });
});
