import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { InMemoryRapportApi, makePeople, sampleAccount } from '../testing/inMemoryRapportApi';
import { renderWithApi, stubLayout } from '../testing/renderWithApi';

let restoreLayout: () => void;
beforeEach(() => {
  restoreLayout = stubLayout();
});
afterEach(() => {
  cleanup();
  restoreLayout();
  delete window.rapport;
});

describe('App', () => {
  it('on first run offers sample data, and the button creates the sample account', async () => {
    const api = new InMemoryRapportApi({ people: makePeople(3) });
    renderWithApi(api);
    const explore = await screen.findByRole('button', { name: 'Explore with sample data' });
    expect(screen.getByText(/later version/)).toBeTruthy();
    fireEvent.click(explore);
    await waitFor(() => expect(api.callsOf('addSampleAccount')).toEqual([{}]));
    expect(await screen.findByTestId('column-new')).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('count-new').textContent).toBe('3'));
  });

  it('shows the four columns with the counts core reports', async () => {
    const people = [...makePeople(1200, 'new'), ...makePeople(5, 'evaluated', 5000), ...makePeople(2, 'declined', 6000)];
    renderWithApi(new InMemoryRapportApi({ accounts: [sampleAccount()], people }));
    await waitFor(() => expect(screen.getByTestId('count-new').textContent).toBe('1,200'));
    expect(screen.getByTestId('count-evaluated').textContent).toBe('5');
    expect(screen.getByTestId('count-connected').textContent).toBe('0');
    expect(screen.getByTestId('count-declined').textContent).toBe('2');
    await waitFor(() => expect(within(screen.getByTestId('list-evaluated')).getAllByTestId('card')).toHaveLength(5));
  });

  it('refreshes counts and cards when core says people changed', async () => {
    const api = new InMemoryRapportApi({ accounts: [sampleAccount()], people: makePeople(2) });
    renderWithApi(api);
    await waitFor(() => expect(screen.getByTestId('count-new').textContent).toBe('2'));
    api.people = [...api.people, ...makePeople(3, 'new', 100)];
    act(() => api.emit('people.changed', { accountId: 1, personIds: null }));
    await waitFor(() => expect(screen.getByTestId('count-new').textContent).toBe('5'));
    await waitFor(() => expect(within(screen.getByTestId('list-new')).getAllByTestId('card')).toHaveLength(5));
  });

  it('shows a running sync as a progress bar', async () => {
    const api = new InMemoryRapportApi({ accounts: [sampleAccount()], people: makePeople(2) });
    renderWithApi(api);
    await screen.findByTestId('column-new');
    act(() =>
      api.emit('sync.progress', {
        accountId: 1,
        runId: 1,
        state: 'running',
        phase: 'followers',
        done: 250,
        total: 1000,
        pages: 3,
        startedAt: new Date().toISOString(),
        error: null,
      }),
    );
    const bar = await screen.findByRole('progressbar', { name: 'Sync progress' });
    expect(bar.getAttribute('aria-valuenow')).toBe('250');
    expect(bar.getAttribute('aria-valuemax')).toBe('1000');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel sync' }));
    await waitFor(() => expect(api.callsOf('cancelSync')).toEqual([{ accountId: 1 }]));
  });

  it('re-reads every column in the chosen order', async () => {
    const api = new InMemoryRapportApi({ accounts: [sampleAccount()], people: makePeople(20) });
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
    const api = new InMemoryRapportApi({ accounts: [sampleAccount()], people: makePeople(2) });
    renderWithApi(api);
    fireEvent.click(await screen.findByRole('button', { name: 'Remove sample account' }));
    const dialog = await screen.findByRole('dialog');
    expect(api.callsOf('removeAccount')).toHaveLength(0);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(api.callsOf('removeAccount')).toEqual([{ accountId: 1 }]));
    expect(await screen.findByRole('button', { name: 'Explore with sample data' })).toBeTruthy();
  });

  it('shows the error from core when a call fails, not a blank screen', async () => {
    const api = new InMemoryRapportApi({ people: makePeople(2) });
    api.addSampleAccount = () => Promise.resolve({ ok: false, error: { code: 'CONFLICT', message: 'A sample account already exists.' } });
    renderWithApi(api);
    fireEvent.click(await screen.findByRole('button', { name: 'Explore with sample data' }));
    expect((await screen.findByRole('alert')).textContent).toContain('A sample account already exists.');
    expect(screen.getByRole('button', { name: 'Explore with sample data' })).toBeTruthy();
  });
});
