import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Envelope } from '../../shared/api/errors';
import { closeAllCoreApis, failNext } from '../../test/renderer/coreApi';
import { coreWithPeople as coreWith } from '../../test/renderer/seedCore';
import { renderWithApi, stubLayout } from '../../test/renderer/renderWithApi';
import { MAX_WINDOW } from '../stores/boardStore';
import { useBoardStore } from '../stores/boardStore';
import { windowLength } from './columnWindow';
import { ROW_HEIGHT } from './BoardColumn';

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

function cardsIn(stage: string): HTMLElement[] {
  return within(screen.getByTestId(`list-${stage}`)).queryAllByTestId('card');
}

function firstCard(stage: string): HTMLElement {
  const card = cardsIn(stage)[0];
  if (!card) throw new Error(`no card in ${stage}`);
  return card;
}

async function scrollTo(list: HTMLElement, top: number): Promise<void> {
  await act(async () => {
    list.scrollTop = top;
    fireEvent.scroll(list);
    await Promise.resolve();
  });
}

describe('Board', () => {
  it('renders only a window of a long column and fetches more by keyset pages as it scrolls', async () => {
    const api = await coreWith([5000]);
    renderWithApi(api);
    await waitFor(() => expect(screen.getByTestId('count-new').textContent).toBe('5,000'));
    await waitFor(() => expect(cardsIn('new').length).toBeGreaterThan(0));
    expect(cardsIn('new').length).toBeLessThanOrEqual(200);

    const list = screen.getByTestId('list-new');
    // Scroll far: each step asks for the next page after the last one loaded.
    for (let step = 1; step <= 30; step++) {
      await scrollTo(list, step * 80 * ROW_HEIGHT);
      await waitFor(() => expect(cardsIn('new').length).toBeGreaterThan(0));
      expect(cardsIn('new').length).toBeLessThanOrEqual(200);
    }
    const pages = api.callsOf('getBoardPage').filter((input) => (input as { stage: string }).stage === 'new');
    expect(pages.some((input) => typeof (input as { cursor?: string }).cursor === 'string')).toBe(true);
    expect(pages.every((input) => (input as { limit: number }).limit <= 200)).toBe(true);
    // The column never holds the whole list in memory.
    expect(windowLength(useBoardStore.getState().columns.new.window)).toBeLessThanOrEqual(MAX_WINDOW);
    const offset = useBoardStore.getState().columns.new.window.offset;
    expect(offset).toBeGreaterThan(0);

    // Scrolling back a little re-reads the dropped page before the window (backward cursor)…
    await scrollTo(list, (offset - 20) * ROW_HEIGHT);
    await waitFor(() => expect(useBoardStore.getState().columns.new.window.offset).toBeLessThan(offset));
    expect(pages.length).toBeLessThan(api.callsOf('getBoardPage').length);
    expect(api.callsOf('getBoardPage').some((input) => (input as { direction?: string }).direction === 'backward')).toBe(true);
    await waitFor(() => expect(cardsIn('new').some((c) => c.getAttribute('data-person-id') === String(offset - 15))).toBe(true));
    // Dragging the scrollbar deep walks there and shows the people at those rows.
    await scrollTo(list, 4321 * ROW_HEIGHT);
    await waitFor(() => expect(firstCard('new').getAttribute('data-person-id')).toBe(String(4321 + 1 - 4)));
    expect(cardsIn('new').length).toBeLessThanOrEqual(200);
    expect(windowLength(useBoardStore.getState().columns.new.window)).toBeLessThanOrEqual(MAX_WINDOW);
    // …and jumping to the top shows the first follower again.
    await scrollTo(list, 0);
    await waitFor(() => expect(firstCard('new').getAttribute('data-person-id')).toBe('1'));
    expect(cardsIn('new').length).toBeLessThanOrEqual(200);
  });

  it('first reads about a screenful of each column, all four without waiting for one another', async () => {
    const api = await coreWith([500, 'new'], [300, 'evaluated', 1001], [200, 'connected', 2001], [100, 'declined', 3001]);
    renderWithApi(api);
    await waitFor(() => expect(cardsIn('declined').length).toBeGreaterThan(0));
    const firstReads = api.callsOf('getBoardPage') as { stage: string; limit: number }[];
    expect(firstReads.map((input) => input.stage).slice(0, 4).sort()).toEqual(['connected', 'declined', 'evaluated', 'new']);
    // 800 px of column shows five 170 px rows; the read adds the prefetch margin, not a 100-card page.
    for (const input of firstReads.slice(0, 4)) expect(input.limit).toBeLessThanOrEqual(40);
    expect(cardsIn('new').length).toBeGreaterThan(0);
  });

  it('jumps deep into a column when the scrollbar is dragged, in one or two requests', async () => {
    const api = await coreWith([20_000]);
    renderWithApi(api);
    await waitFor(() => expect(screen.getByTestId('count-new').textContent).toBe('20,000'));
    await waitFor(() => expect(cardsIn('new').length).toBeGreaterThan(0));
    const list = screen.getByTestId('list-new');
    const before = api.callsOf('getBoardPage').length;

    await scrollTo(list, 15_000 * ROW_HEIGHT);
    await waitFor(() => expect(firstCard('new').getAttribute('data-person-id')).toBe(String(15_000 + 1 - 4)));
    expect(cardsIn('new').length).toBeLessThanOrEqual(200);
    const requests = api.callsOf('getBoardPage').slice(before) as { offset?: number }[];
    expect(requests.length).toBeLessThanOrEqual(2);
    expect(requests[0]?.offset).toBeGreaterThan(14_000);

    // A change while deep in the column re-reads the rows on screen, not the top.
    act(() => api.emit('people.changed', { accountId: 1, personIds: null }));
    await waitFor(() => expect(api.callsOf('getBoardPage').length).toBeGreaterThan(before + requests.length + 3));
    await waitFor(() => expect(firstCard('new').getAttribute('data-person-id')).toBe(String(15_000 + 1 - 4)));
    expect(useBoardStore.getState().columns.new.window.offset).toBeGreaterThan(14_000);
  });

  it('moves a card with the keyboard menu, announces it and keeps focus in the column', async () => {
    const api = await coreWith([10]);
    renderWithApi(api);
    // Rendered: the rows on screen plus overscan (not all ten at 170 px a row).
    await waitFor(() => expect(cardsIn('new').length).toBeGreaterThanOrEqual(5));
    const card = firstCard('new');
    expect(card.getAttribute('data-person-id')).toBe('1');
    card.focus();
    fireEvent.keyDown(card, { key: 'm' });
    const menu = await screen.findByRole('menu');
    const items = within(menu).getAllByRole('menuitem');
    expect(items).toHaveLength(4);
    ['New', 'Evaluated', 'Connected', 'Declined'].forEach((name, i) => expect(within(menu).getByRole('menuitem', { name })).toBe(items[i]));
    expect(within(menu).getByRole('menuitem', { name: 'New' }).getAttribute('aria-disabled')).toBe('true');
    // Arrow keys walk the items; Enter picks.
    fireEvent.keyDown(document.activeElement ?? menu, { key: 'End' });
    expect(document.activeElement).toBe(within(menu).getByRole('menuitem', { name: 'Declined' }));
    fireEvent.keyDown(document.activeElement ?? menu, { key: 'Enter' });

    await waitFor(() => expect(api.callsOf('moveCard')).toEqual([{ accountId: 1, personId: 1, stage: 'declined' }]));
    await waitFor(() => expect(screen.getByTestId('announcer').textContent).toBe('Moved Person 1 to Declined'));
    expect(screen.queryByRole('menu')).toBeNull();
    expect(screen.getByTestId('count-new').textContent).toBe('9');
    expect(screen.getByTestId('count-declined').textContent).toBe('1');
    await waitFor(() => expect(cardsIn('declined').map((c) => c.getAttribute('data-person-id'))).toEqual(['1']));
    expect(cardsIn('new').some((c) => c.getAttribute('data-person-id') === '1')).toBe(false);
    // Focus went to the card that took its place.
    await waitFor(() => expect(document.activeElement?.getAttribute('data-person-id')).toBe('2'));
  });

  it('opens the menu from the visible "Move … to…" button too', async () => {
    const api = await coreWith([3]);
    renderWithApi(api);
    fireEvent.click(await screen.findByRole('button', { name: 'Move Person 2 to…' }));
    fireEvent.click(within(await screen.findByRole('menu')).getByRole('menuitem', { name: 'Evaluated' }));
    await waitFor(() => expect(api.callsOf('moveCard')).toEqual([{ accountId: 1, personId: 2, stage: 'evaluated' }]));
    await waitFor(() => expect(screen.getByTestId('count-evaluated').textContent).toBe('1'));
  });

  it('arrow keys walk between cards and columns', async () => {
    renderWithApi(await coreWith([3, 'new'], [2, 'connected', 100]));
    await waitFor(() => expect(cardsIn('connected')).toHaveLength(2));
    const card = firstCard('new');
    card.focus();
    fireEvent.keyDown(card, { key: 'ArrowDown' });
    await waitFor(() => expect(document.activeElement?.getAttribute('data-person-id')).toBe('2'));
    fireEvent.keyDown(document.activeElement as HTMLElement, { key: 'ArrowRight' });
    // Evaluated is empty: focus goes on to the next column with cards.
    await waitFor(() => expect(document.activeElement?.getAttribute('data-person-id')).toBe('100'));
    fireEvent.keyDown(document.activeElement as HTMLElement, { key: 'ArrowLeft' });
    await waitFor(() => expect(document.activeElement?.getAttribute('data-person-id')).toBe('1'));
  });

  it('Escape closes the menu without moving anything', async () => {
    const api = await coreWith([3]);
    renderWithApi(api);
    await waitFor(() => expect(cardsIn('new')).toHaveLength(3));
    const card = firstCard('new');
    card.focus();
    fireEvent.keyDown(card, { key: 'F10', shiftKey: true });
    const menu = await screen.findByRole('menu');
    fireEvent.keyDown(menu, { key: 'Escape' });
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(card);
    expect(api.callsOf('moveCard')).toHaveLength(0);
  });

  it('rolls a failed move back and shows the error', async () => {
    let release: () => void = () => undefined;
    const api = await coreWith([4]);
    failNext(
      api,
      'moveCard',
      () =>
        new Promise<Envelope<never>>((resolve) => {
          release = () => resolve({ ok: false, error: { code: 'OFFLINE', message: 'Rapport is offline; try again when connected.' } });
        }),
    );
    renderWithApi(api);
    await waitFor(() => expect(cardsIn('new')).toHaveLength(4));
    const card = cardsIn('new')[1];
    if (!card) throw new Error('no second card');
    card.focus();
    fireEvent.keyDown(card, { key: 'ContextMenu' });
    fireEvent.click(within(await screen.findByRole('menu')).getByRole('menuitem', { name: 'Connected' }));

    // Optimistic: the card left and the counts moved before core answered.
    await waitFor(() => expect(cardsIn('new')).toHaveLength(3));
    expect(screen.getByTestId('count-new').textContent).toBe('3');
    expect(screen.getByTestId('count-connected').textContent).toBe('1');

    await act(async () => {
      release();
      await Promise.resolve();
    });
    expect((await screen.findByRole('alert')).textContent).toContain('Rapport is offline; try again when connected.');
    await waitFor(() => expect(cardsIn('new').map((c) => c.getAttribute('data-person-id'))).toEqual(['1', '2', '3', '4']));
    expect(screen.getByTestId('count-new').textContent).toBe('4');
    expect(screen.getByTestId('count-connected').textContent).toBe('0');
    expect(cardsIn('connected')).toHaveLength(0);
  });

  it('re-reads only the column showing the people core names in people.changed', async () => {
    const api = await coreWith([300, 'new'], [5, 'connected', 1000]);
    renderWithApi(api);
    await waitFor(() => expect(cardsIn('connected')).toHaveLength(5));
    await waitFor(() => expect(cardsIn('new').length).toBeGreaterThan(0));
    const stagesRead = (from: number) =>
      api
        .callsOf('getBoardPage')
        .slice(from)
        .map((input) => (input as { stage: string }).stage);
    await waitFor(() => expect(api.callsOf('getBoardCounts').length).toBeGreaterThan(0));

    // An avatar of someone in Connected was cached: Connected re-reads, New does not.
    let before = api.callsOf('getBoardPage').length;
    const countsBefore = api.callsOf('getBoardCounts').length;
    act(() => api.emit('people.changed', { accountId: 1, personIds: [1002] }));
    await waitFor(() => expect(stagesRead(before)).toEqual(['connected']));
    await waitFor(() => expect(api.callsOf('getBoardCounts').length).toBe(countsBefore + 1));

    // People no column has loaded (far down New): counts only, no page re-read.
    before = api.callsOf('getBoardPage').length;
    act(() => api.emit('people.changed', { accountId: 1, personIds: [290, 291] }));
    await waitFor(() => expect(api.callsOf('getBoardCounts').length).toBe(countsBefore + 2));
    expect(stagesRead(before)).toEqual([]);

    // Someone far down New was moved elsewhere (another window): the counts change, so the
    // columns whose count changed re-read what they show.
    await api.core.call('moveCard', { accountId: 1, personId: 295, stage: 'declined' });
    before = api.callsOf('getBoardPage').length;
    act(() => api.emit('people.changed', { accountId: 1, personIds: [295] }));
    await waitFor(() => expect(screen.getByTestId('count-declined').textContent).toBe('1'));
    await waitFor(() => expect([...stagesRead(before)].sort()).toEqual(['declined', 'new']));
  });

  it('does not re-render untouched cards when a move refreshes the board', async () => {
    const api = await coreWith([6]);
    renderWithApi(api);
    await waitFor(() => expect(cardsIn('new')).toHaveLength(6));
    const before = useBoardStore.getState().columns.new.window.pages[0]?.items[3];
    const card = firstCard('new');
    card.focus();
    fireEvent.keyDown(card, { key: 'm' });
    fireEvent.click(within(await screen.findByRole('menu')).getByRole('menuitem', { name: 'Evaluated' }));
    await waitFor(() => expect(screen.getByTestId('announcer').textContent).toBe('Moved Person 1 to Evaluated'));
    act(() => api.emit('people.changed', { accountId: 1, personIds: null }));
    await waitFor(() => expect(api.callsOf('getBoardPage').length).toBeGreaterThanOrEqual(9));
    await waitFor(() => expect(cardsIn('new')).toHaveLength(5));
    // Same object after the refresh: the memoised card component had nothing to redo.
    const after = useBoardStore.getState().columns.new.window.pages[0]?.items.find((c) => c.personId === before?.personId);
    expect(after).toBe(before);
  });
});
