import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { closeAllCoreApis, failNext, type CoreApi } from '../../test/renderer/coreApi';
import { coreWithPeople, stagesOf } from '../../test/renderer/seedCore';
import { renderWithApi, stubLayout } from '../../test/renderer/renderWithApi';
import { useViewStore } from '../stores/viewStore';
import { clearMoveHistory } from '../keyboard/triageMoves';
import { resetReview } from './reviewStore';
import { setSort } from '../stores/boardSession';

let restoreLayout: () => void;
beforeEach(() => {
  restoreLayout = stubLayout();
  clearMoveHistory();
  resetReview();
});
afterEach(async () => {
  cleanup();
  restoreLayout();
  delete window.rapport;
  await closeAllCoreApis();
});

function press(key: string): void {
  fireEvent.keyDown(document.activeElement ?? document.body, { key });
}

function remaining(): string {
  return screen.getByTestId('review-remaining').textContent ?? '';
}

function reviewing(): HTMLElement {
  return screen.getByRole('region', { name: /^Reviewing / });
}

async function openReview(api: CoreApi, inNew: number): Promise<void> {
  renderWithApi(api);
  await waitFor(() => expect(screen.getByTestId('count-new').textContent).toBe(String(inNew)));
  act(() => useViewStore.getState().setView('review'));
  await screen.findByTestId('review');
}

describe('Review mode', () => {
  it('shows one follower at a time with the full profile, and one key per decision', async () => {
    const api = await coreWithPeople([8], [2, 'evaluated', 100]);
    await openReview(api, 8);
    expect(await screen.findByRole('region', { name: 'Reviewing Person 1' })).toBeTruthy();
    expect(remaining()).toBe('8');
    // The full profile, not just the card: numbers, signals, notes, timeline.
    const region = reviewing();
    expect(await within(region).findByText('Followers')).toBeTruthy();
    expect(within(region).getByRole('heading', { name: 'Signals' })).toBeTruthy();
    expect(within(region).getByLabelText('Private note')).toBeTruthy();
    expect(await within(region).findByText('Followed you')).toBeTruthy();
    // The ones behind are fetched ahead.
    await waitFor(() => expect(api.callsOf('getProfile')).toEqual(expect.arrayContaining([1, 2, 3, 4, 5].map((personId) => ({ accountId: 1, personId })))));
    expect(within(screen.getByRole('complementary', { name: 'Up next' })).getByText('Person 2')).toBeTruthy();

    press('e');
    expect(screen.getByRole('region', { name: 'Reviewing Person 2' })).toBeTruthy();
    await waitFor(() => expect(api.callsOf('moveCard')).toEqual([{ accountId: 1, personId: 1, stage: 'evaluated' }]));
    await waitFor(() => expect(remaining()).toBe('7'));
    // Preloaded: the next profile is there at once, without waiting for another request.
    expect(within(reviewing()).getByText('Followers')).toBeTruthy();

    press('c');
    await waitFor(() => expect(api.callsOf('moveCard')).toHaveLength(2));
    expect(api.callsOf('moveCard')[1]).toEqual({ accountId: 1, personId: 2, stage: 'connected' });
    expect(reviewing().getAttribute('data-person-id')).toBe('3');

    press('s');
    expect(reviewing().getAttribute('data-person-id')).toBe('4');
    expect(screen.getByTestId('announcer').textContent).toBe('Skipped Person 3');

    press('d');
    await waitFor(() => expect(api.callsOf('moveCard')).toHaveLength(3));
    expect(api.callsOf('moveCard')[2]).toEqual({ accountId: 1, personId: 4, stage: 'declined' });
    await waitFor(() => expect(remaining()).toBe('5'));
    expect(await stagesOf(api, [4, 3])).toEqual(['declined', 'new']);

    // u puts the last one back in New and on screen.
    press('u');
    await waitFor(() => expect(reviewing().getAttribute('data-person-id')).toBe('4'));
    await waitFor(() => expect(api.callsOf('moveCard')).toHaveLength(4));
    expect(api.callsOf('moveCard')[3]).toEqual({ accountId: 1, personId: 4, stage: 'new' });
    await waitFor(() => expect(remaining()).toBe('6'));
    expect(await stagesOf(api, [4])).toEqual(['new']);

    // The buttons do what the keys do.
    fireEvent.click(within(reviewing()).getByRole('button', { name: /^Declined/ }));
    await waitFor(() => expect(api.callsOf('moveCard')).toHaveLength(5));
    expect(reviewing().getAttribute('data-person-id')).toBe('5');
  });

  it('says "All caught up" when New is empty, and offers the skipped ones again', async () => {
    const api = await coreWithPeople([2]);
    await openReview(api, 2);
    await screen.findByRole('region', { name: 'Reviewing Person 1' });
    press('s');
    press('e');
    expect(await screen.findByRole('heading', { name: 'Only skipped people are left' })).toBeTruthy();
    await waitFor(() => expect(remaining()).toBe('1'));
    fireEvent.click(screen.getByRole('button', { name: 'Review skipped people' }));
    expect(await screen.findByRole('region', { name: 'Reviewing Person 1' })).toBeTruthy();
    press('d');
    expect(await screen.findByRole('heading', { name: 'All caught up' })).toBeTruthy();
    await waitFor(() => expect(remaining()).toBe('0'));
    expect(await stagesOf(api, [1, 2])).toEqual(['declined', 'evaluated']);
  });

  it('keeps a person on screen when their move fails, and says why', async () => {
    const api = await coreWithPeople([3]);
    failNext(api, 'moveCard', () => Promise.resolve({ ok: false, error: { code: 'OFFLINE', message: 'Rapport is offline.' } }));
    await openReview(api, 3);
    await screen.findByRole('region', { name: 'Reviewing Person 1' });
    press('c');
    await waitFor(() => expect(reviewing().getAttribute('data-person-id')).toBe('1'));
    await waitFor(() => expect(screen.getByTestId('announcer').textContent).toBe('Could not move Person 1: Rapport is offline.'));
    expect(remaining()).toBe('3');
    expect(await stagesOf(api, [1])).toEqual(['new']);
  });

  it('moves on when the person is snoozed from Review', async () => {
    const api = await coreWithPeople([3]);
    await openReview(api, 3);
    const region = await screen.findByRole('region', { name: 'Reviewing Person 1' });
    fireEvent.click(await within(region).findByRole('button', { name: 'Snooze…' }));
    fireEvent.click(within(screen.getByRole('menu', { name: 'Snooze Person 1' })).getByRole('menuitem', { name: '7 days' }));
    await waitFor(() => expect(reviewing().getAttribute('data-person-id')).toBe('2'));
    expect(api.callsOf('snooze')).toEqual([{ accountId: 1, personId: 1, snooze: { days: 7 } }]);
    expect(screen.getByTestId('announcer').textContent).toBe('Snoozed for 7 days: Person 1');
  });

  it("follows the board's order, and queues again when the order changes", async () => {
    const api = await coreWithPeople([5]);
    await openReview(api, 5);
    await screen.findByRole('region', { name: 'Reviewing Person 1' });
    press('s');
    act(() => setSort('followers'));
    // Most followers first now; the skipped one stays skipped.
    expect(await screen.findByRole('region', { name: 'Reviewing Person 5' })).toBeTruthy();
    expect(api.callsOf('getBoardPage').some((input) => (input as { stage: string; sort: string }).stage === 'new' && (input as { sort: string }).sort === 'followers')).toBe(true);
    press('e');
    press('e');
    press('e');
    press('e');
    expect(await screen.findByRole('heading', { name: 'Only skipped people are left' })).toBeTruthy();
  });
});
