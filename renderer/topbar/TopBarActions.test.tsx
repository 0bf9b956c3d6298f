import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { closeAllCoreApis, openCoreApi, type CoreApi } from '../../test/renderer/coreApi';
import { seedAccount, seedPeople, type SeedAccount } from '../../test/renderer/seedCore';
import { spendBudget } from '../../test/renderer/seedOutbox';
import { renderWithApi, stubLayout } from '../../test/renderer/renderWithApi';

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

const bluesky: SeedAccount = { network: 'bluesky', handle: 'ada.bsky.social', lastSyncedAt: '2026-01-01T00:00:00Z' };

/** A core with one account and `followers` people in New. */
async function coreWith(account: SeedAccount, followers: number): Promise<CoreApi> {
  const api = await openCoreApi();
  await seedAccount(api, account);
  if (followers > 0) seedPeople(api, followers);
  return api;
}

describe('Budget meter', () => {
  it('shows used of limit as a meter with when a slot frees up', async () => {
    const api = await coreWith(bluesky, 1);
    spendBudget(api, 12, { personId: 1 });
    renderWithApi(api);
    const meter = await screen.findByRole('meter', { name: 'Daily actions' });
    expect(meter.getAttribute('data-testid')).toBe('budget-meter');
    expect(meter.getAttribute('aria-valuenow')).toBe('12');
    expect(meter.getAttribute('aria-valuemax')).toBe('100');
    expect(meter.getAttribute('aria-valuetext')).toBe('12 of 100 actions used today');
    expect(meter.getAttribute('title')).toMatch(/^The oldest counted action frees its slot at /);
  });

  it('on sample data counts the simulated actions and says they are samples', async () => {
    const api = await coreWith({}, 0);
    renderWithApi(api);
    const meter = await screen.findByRole('meter', { name: 'Daily actions' });
    expect(meter.getAttribute('aria-valuetext')).toBe('0 of 50 actions used today');
    expect(screen.getByText('Sample actions').getAttribute('title')).toMatch(/nothing is sent/i);
  });

  it('lowers the limit, and refuses one above the network default with a sentence', async () => {
    const api = await coreWith(bluesky, 0);
    renderWithApi(api);
    await screen.findByRole('meter', { name: 'Daily actions' });
    fireEvent.click(screen.getByRole('button', { name: 'Action budget settings' }));
    const popover = screen.getByRole('dialog', { name: 'Daily action budget' });
    const input = within(popover).getByLabelText('Daily limit');
    fireEvent.change(input, { target: { value: '250' } });
    fireEvent.click(within(popover).getByRole('button', { name: 'Save' }));
    expect(within(popover).getByRole('alert').textContent).toBe("The limit can be at most 100, this network's safe default.");
    expect(api.callsOf('setActionBudget')).toEqual([]);

    fireEvent.change(input, { target: { value: '30' } });
    fireEvent.click(within(popover).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByRole('meter', { name: 'Daily actions' }).getAttribute('aria-valuemax')).toBe('30'));
    expect(api.callsOf('setActionBudget')).toEqual([{ accountId: 1, limit: 30 }]);
    expect(await api.core.call('getActionBudget', { accountId: 1 })).toMatchObject({ ok: true, value: { limit: 30, maxLimit: 100 } });
    // The popover closes once its save has answered, which may be a moment after the meter shows it.
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Daily action budget' })).toBeNull());
  });
});

describe('Mark existing followers Evaluated', () => {
  it('asks with the count of New, then moves them without following anyone', async () => {
    const api = await coreWith(bluesky, 1234);
    renderWithApi(api);
    await waitFor(() => expect(screen.getByTestId('count-new').textContent).toBe('1,234'));
    fireEvent.click(screen.getByRole('button', { name: 'Board actions' }));
    fireEvent.click(screen.getByRole('menuitem', { name: 'Mark existing followers Evaluated…' }));
    const dialog = screen.getByRole('dialog', { name: 'Mark 1,234 followers Evaluated?' });
    expect(dialog.textContent).toMatch(/Nobody is followed, unfollowed or messaged/);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Mark Evaluated' }));
    await waitFor(() => expect(api.callsOf('markExistingFollowersEvaluated')).toEqual([{ accountId: 1 }]));
    await waitFor(() => expect(screen.getByTestId('count-evaluated').textContent).toBe('1,234'));
    expect(screen.getAllByRole('status').map((el) => el.textContent)).toContain('Moved 1,234 followers to Evaluated.');
    expect(api.callsOf('moveCard')).toEqual([]);
    // Core moved them, and queued no follow for anyone.
    const listed = await api.core.call('listActions', { accountId: 1 });
    expect(listed).toEqual({ ok: true, value: [] });
  });

  it('is not offered before the first sync', async () => {
    const api = await coreWith({ ...bluesky, lastSyncedAt: null }, 5);
    renderWithApi(api);
    await waitFor(() => expect(screen.getByTestId('count-new').textContent).toBe('5'));
    expect(screen.queryByRole('button', { name: 'Board actions' })).toBeNull();
  });
});
