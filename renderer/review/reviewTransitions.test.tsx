// Moving from one person to the next in Review shows no loading text: profiles and histories are
// fetched ahead, and whatever is not there yet is a quiet placeholder. The decision bar stays in
// the sticky head with the person's name. (Scrolling and the sticky position are checked in a real
// browser: test/e2e/reviewDecisions.e2e.ts.)
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { closeAllCoreApis } from '../../test/renderer/coreApi';
import { coreWithPeople } from '../../test/renderer/seedCore';
import { renderWithApi, stubLayout } from '../../test/renderer/renderWithApi';
import { useViewStore } from '../stores/viewStore';
import { clearMoveHistory } from '../keyboard/triageMoves';
import { resetReview, useReviewStore } from './reviewStore';

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

describe('Review transitions', () => {
  it('never shows "Loading" between people, and keeps name and decisions in the sticky head', async () => {
    const api = await coreWithPeople([8]);
    renderWithApi(api);
    await waitFor(() => expect(screen.getByTestId('count-new').textContent).toBe('8'));
    act(() => useViewStore.getState().setView('review'));
    await screen.findByRole('region', { name: 'Reviewing Person 1' });
    // Everyone up next has their profile and history fetched.
    await waitFor(() => {
      const { queue, profiles, timelines } = useReviewStore.getState();
      for (const card of queue.slice(0, 5)) expect(profiles[card.personId] && timelines[card.personId]).toBeTruthy();
    });

    const seen: string[] = [];
    const observer = new MutationObserver(() => {
      const text = screen.getByTestId('review').textContent ?? '';
      if (/Loading/.test(text)) seen.push(text.slice(0, 80));
    });
    observer.observe(screen.getByTestId('review'), { subtree: true, childList: true, characterData: true });
    for (let n = 2; n <= 4; n++) {
      fireEvent.keyDown(document.body, { key: 'd' });
      const region = await screen.findByRole('region', { name: `Reviewing Person ${n}` });
      const sticky = within(region).getByTestId('review-sticky');
      expect(within(sticky).getByText(`Person ${n}`)).toBeTruthy();
      expect(within(sticky).getByRole('group', { name: 'Decision' })).toBeTruthy();
      expect(within(region).getByTestId('timeline')).toBeTruthy();
    }
    observer.disconnect();
    expect(seen).toEqual([]);
  });
});
