import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { closeAllCoreApis } from '../../test/renderer/coreApi';
import { coreWithPeople } from '../../test/renderer/seedCore';
import { renderWithApi, stubLayout } from '../../test/renderer/renderWithApi';
import { ROW_HEIGHT } from './BoardColumn';

const VIEWPORT = 800;
let restoreLayout: () => void;
beforeEach(() => {
  restoreLayout = stubLayout(VIEWPORT);
});
afterEach(async () => {
  cleanup();
  restoreLayout();
  delete window.rapport;
  await closeAllCoreApis();
});

describe('a column’s first frame', () => {
  it('builds only the cards on screen, then the ones just past its edge', async () => {
    const api = await coreWithPeople([50]);
    // Every change of New's rows as the DOM saw it, from its first card on.
    const seen: number[] = [];
    const observer = new MutationObserver(() => {
      const list = document.querySelector('[data-testid="list-new"]');
      const cards = list ? list.querySelectorAll('[data-testid="card"]').length : 0;
      if (cards > 0 && seen[seen.length - 1] !== cards) seen.push(cards);
    });
    observer.observe(document.body, { childList: true, subtree: true });
    renderWithApi(api);
    const onScreen = Math.ceil(VIEWPORT / ROW_HEIGHT);
    await waitFor(() => expect(within(screen.getByTestId('list-new')).getAllByTestId('card').length).toBeGreaterThan(onScreen + 1));
    observer.disconnect();
    expect(seen[0]).toBeLessThanOrEqual(onScreen + 1);
    expect(Math.max(...seen)).toBeGreaterThan(onScreen + 1);
  });
});
