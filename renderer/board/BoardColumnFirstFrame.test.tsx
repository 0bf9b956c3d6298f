import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { closeAllCoreApis } from '../../test/renderer/coreApi';
import { withCoreDatabase } from '../../test/renderer/coreDatabase';
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

  it('shows the first screen’s pictures at once; cards that come in after it ask for theirs a moment later', async () => {
    const api = await coreWithPeople([50]);
    withCoreDatabase(api, (db) => db.prepare("UPDATE people SET avatar_file = 'avatars/' || id || '.png'").run());
    // For each card, whether its picture was already asked for when the card came into the DOM.
    const askedAtOnce = new Map<string, boolean>();
    const observer = new MutationObserver(() => {
      for (const card of document.querySelectorAll('[data-testid="list-new"] [data-testid="card"]')) {
        const id = card.getAttribute('data-person-id') ?? '';
        if (!askedAtOnce.has(id)) askedAtOnce.set(id, card.querySelector('img')?.hasAttribute('src') ?? false);
      }
    });
    observer.observe(document.body, { childList: true, subtree: true });
    renderWithApi(api);
    const onScreen = Math.ceil(VIEWPORT / ROW_HEIGHT);
    await waitFor(() => expect(askedAtOnce.size).toBeGreaterThan(onScreen + 1));
    observer.disconnect();
    const inOrder = [...askedAtOnce.values()];
    const firstScreen = inOrder.filter((asked) => asked).length;
    expect(firstScreen).toBeGreaterThan(0);
    expect(firstScreen).toBeLessThanOrEqual(onScreen + 1);
    // The first screen's cards came first, then only cards that wait.
    expect(inOrder).toEqual([...Array<boolean>(firstScreen).fill(true), ...Array<boolean>(inOrder.length - firstScreen).fill(false)]);
  });
});
