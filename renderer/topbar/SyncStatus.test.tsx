import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { SyncProgress } from '../../shared/domain';
import { closeAllCoreApis, openCoreApi, type CoreApi } from '../../test/renderer/coreApi';
import { seedAccount } from '../../test/renderer/seedCore';
import { renderWithApi, stubLayout } from '../../test/renderer/renderWithApi';
import { useSyncStore } from '../stores/syncStore';

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

function progress(overrides: Partial<SyncProgress>): SyncProgress {
  return { accountId: 1, runId: 7, state: 'running', phase: 'followers', done: 0, total: 5000, pages: 0, startedAt: '2026-01-01T00:00:00Z', error: null, ...overrides };
}

async function renderBoard(): Promise<CoreApi> {
  const api = await openCoreApi();
  await seedAccount(api);
  renderWithApi(api);
  await screen.findByRole('button', { name: 'Sync now' });
  return api;
}

describe('SyncStatus', () => {
  it('shows counts, pages and the time left while a sync runs, and cancels it', async () => {
    const api = await renderBoard();
    act(() => useSyncStore.getState().update(progress({ done: 0, pages: 0 }), 1_000));
    expect(screen.getByTestId('sync-eta').textContent).toBe('Estimating time left…');
    // 1,000 followers in 20 s → 50 a second; 4,000 left → 80 s.
    act(() => useSyncStore.getState().update(progress({ done: 1000, pages: 10 }), 21_000));
    const bar = screen.getByRole('progressbar', { name: 'Sync progress' });
    expect(bar.getAttribute('aria-valuenow')).toBe('1000');
    expect(bar.getAttribute('aria-valuemax')).toBe('5000');
    expect(screen.getByText('1,000 of 5,000')).toBeTruthy();
    expect(screen.getByText('10 pages')).toBeTruthy();
    expect(screen.getByTestId('sync-eta').textContent).toBe('About 1 min left');

    fireEvent.click(screen.getByRole('button', { name: 'Cancel sync' }));
    await waitFor(() => expect(api.callsOf('cancelSync')).toEqual([{ accountId: 1 }]));
  });

  it('says when the network’s rate limit holds the sync and when it goes on, with the wait in the time left', async () => {
    await renderBoard();
    const waitStart = new Date(2026, 0, 1, 13, 55).getTime();
    const resumesAt = new Date(2026, 0, 1, 14, 5).toISOString(); // 14:05 on this machine's clock
    act(() => useSyncStore.getState().update(progress({ done: 0 }), waitStart - 20_000));
    // 1,000 in 20 s → 80 s for the 4,000 left, after the 10 min wait.
    act(() => useSyncStore.getState().update(progress({ done: 1000, waitingUntil: resumesAt }), waitStart));
    expect(screen.getByTestId('sync-phase').textContent).toMatch(/^Waiting for Sample data's rate limit · resumes at 2:05\sPM$/); // ICU may put a narrow space before PM
    expect(screen.getByTestId('sync-eta').textContent).toBe('About 11 min left');
    expect(screen.getByRole('progressbar', { name: 'Sync progress' }).getAttribute('aria-valuetext')).toMatch(/^Waiting for Sample data's rate limit · resumes at 2:05\sPM: 1,000 of 5,000/);

    act(() => useSyncStore.getState().update(progress({ done: 1000, waitingUntil: null }), waitStart + 600_000));
    expect(screen.getByTestId('sync-phase').textContent).toBe('Reading followers');
  });

  it('shows a failed sync as a sentence in an alert', async () => {
    await renderBoard();
    act(() =>
      useSyncStore.getState().update(progress({ state: 'failed', error: { code: 'NETWORK_ERROR', message: 'Bluesky answered with server errors five times in a row; try again later.' } })),
    );
    const error = screen.getByTestId('sync-error');
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.textContent).toBe('Sync failed: Bluesky answered with server errors five times in a row; try again later.');
    expect(screen.getByRole('button', { name: 'Sync now' })).toBeTruthy();
  });

  it('says how many items of a finished sync could not be read', async () => {
    await renderBoard();
    act(() => useSyncStore.getState().update(progress({ state: 'done', phase: 'done', unreadable: { profiles: 2, posts: 0 } })));
    expect(screen.getByRole('status').textContent).toBe('Synced just now · 2 profiles could not be read');
  });

  it('says a cancelled sync calmly, not as an error', async () => {
    await renderBoard();
    act(() => useSyncStore.getState().update(progress({ state: 'cancelled' })));
    expect(screen.queryByTestId('sync-error')).toBeNull();
    expect(screen.getByText(/^Sync cancelled/).getAttribute('role')).toBe('status');
  });

  it('starts a normal sync, or a full one from the small menu', async () => {
    const api = await renderBoard();
    fireEvent.click(screen.getByRole('button', { name: 'Sync now' }));
    await waitFor(() => expect(api.callsOf('startSync')).toEqual([{ accountId: 1 }]));
    act(() => useSyncStore.getState().update(progress({ runId: 8, state: 'done', phase: 'done' })));

    fireEvent.click(screen.getByRole('button', { name: 'More ways to sync' }));
    fireEvent.click(within(screen.getByRole('menu')).getByRole('menuitem', { name: 'Full sync (re-check everyone)' }));
    await waitFor(() => expect(api.callsOf('startSync')).toEqual([{ accountId: 1 }, { accountId: 1, full: true }]));
  });
});
