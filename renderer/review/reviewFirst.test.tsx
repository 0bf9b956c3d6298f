import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { closeAllCoreApis } from '../../test/renderer/coreApi';
import { coreWithPeople } from '../../test/renderer/seedCore';
import { seedInteractions } from '../../test/renderer/seedInteractions';
import { renderWithApi, stubLayout } from '../../test/renderer/renderWithApi';
import { useViewStore } from '../stores/viewStore';
import { clearMoveHistory } from '../keyboard/triageMoves';
import { resetReview } from './reviewStore';

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

const reviewing = () => screen.getByRole('region', { name: /^Reviewing / });

describe('Review brings first who spoke to me before following', () => {
  it('shows the follower who mentioned me before following ahead of newer ones, and says why', async () => {
    const api = await coreWithPeople([4]);
    // seedCore: Person 3 followed at 2025-12-31T23:57Z; they mentioned me two days earlier.
    // Person 1 replied too, but after following: they keep their place.
    seedInteractions(api, [
      { personId: 3, kind: 'mention', at: '2025-12-29T10:00:00.000Z' },
      { personId: 1, kind: 'reply', at: '2026-01-02T10:00:00.000Z' },
    ]);
    renderWithApi(api);
    await waitFor(() => expect(screen.getByTestId('count-new').textContent).toBe('4'));
    act(() => useViewStore.getState().setView('review'));
    expect(await screen.findByRole('region', { name: 'Reviewing Person 3' })).toBeTruthy();
    const chip = within(within(reviewing()).getByTestId('review-sticky')).getByTestId('engagement-chip');
    expect(chip.textContent).toContain('spoke to you before following');

    // Then New in the board's order, without Person 3 again.
    const order: string[] = [];
    for (let n = 0; n < 3; n++) {
      fireEvent.keyDown(document.body, { key: 'e' });
      await waitFor(() => expect(reviewing().getAttribute('aria-label')).not.toBe(order.at(-1) ?? 'Reviewing Person 3'));
      order.push(reviewing().getAttribute('aria-label') ?? '');
    }
    expect(order).toEqual(['Reviewing Person 1', 'Reviewing Person 2', 'Reviewing Person 4']);
  });
});
