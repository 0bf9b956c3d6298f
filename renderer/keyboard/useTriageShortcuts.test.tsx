import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { closeAllCoreApis, type CoreApi } from '../../test/renderer/coreApi';
import { coreWithPeople, stagesOf } from '../../test/renderer/seedCore';
import { renderWithApi, stubLayout } from '../../test/renderer/renderWithApi';
import { clearMoveHistory } from './triageMoves';
import { useShortcutsDialogStore } from './shortcutsDialogStore';

let restoreLayout: () => void;
beforeEach(() => {
  restoreLayout = stubLayout();
  clearMoveHistory();
  useShortcutsDialogStore.setState({ open: false });
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

function focusedPersonId(): string | null | undefined {
  return document.activeElement?.getAttribute('data-person-id');
}

/** A key as the user types it: to whatever has focus, bubbling up to the window. */
function press(key: string, init: KeyboardEventInit = {}): void {
  fireEvent.keyDown(document.activeElement ?? document.body, { key, ...init });
}

async function boardWith(people = 6): Promise<CoreApi> {
  const api = await coreWithPeople([people]);
  renderWithApi(api);
  await waitFor(() => expect(cardsIn('new')).toHaveLength(people));
  return api;
}

describe('keyboard triage on the board', () => {
  it('j / k and the arrows move the selection; j with nothing selected starts at the top of New', async () => {
    await boardWith();
    expect(document.activeElement).toBe(document.body);
    press('j');
    await waitFor(() => expect(focusedPersonId()).toBe('1'));
    press('j');
    await waitFor(() => expect(focusedPersonId()).toBe('2'));
    press('ArrowDown');
    await waitFor(() => expect(focusedPersonId()).toBe('3'));
    press('k');
    await waitFor(() => expect(focusedPersonId()).toBe('2'));
    press('ArrowUp');
    await waitFor(() => expect(focusedPersonId()).toBe('1'));
  });

  it('e, c, d and n move the selected card, announce it, and the selection moves on', async () => {
    const api = await boardWith();
    press('j');
    await waitFor(() => expect(focusedPersonId()).toBe('1'));

    press('e');
    await waitFor(() => expect(api.callsOf('moveCard')).toEqual([{ accountId: 1, personId: 1, stage: 'evaluated' }]));
    await waitFor(() => expect(screen.getByTestId('announcer').textContent).toBe('Moved Person 1 to Evaluated'));
    await waitFor(() => expect(focusedPersonId()).toBe('2'));

    press('c');
    await waitFor(() => expect(api.callsOf('moveCard')).toHaveLength(2));
    expect(api.callsOf('moveCard')[1]).toEqual({ accountId: 1, personId: 2, stage: 'connected' });
    await waitFor(() => expect(focusedPersonId()).toBe('3'));

    press('d');
    await waitFor(() => expect(api.callsOf('moveCard')).toHaveLength(3));
    expect(api.callsOf('moveCard')[2]).toEqual({ accountId: 1, personId: 3, stage: 'declined' });
    await waitFor(() => expect(screen.getByTestId('count-new').textContent).toBe('3'));
    expect(screen.getByTestId('count-declined').textContent).toBe('1');

    // n brings a card of another column back to New.
    await waitFor(() => expect(cardsIn('declined')).toHaveLength(1));
    act(() => cardsIn('declined')[0]?.focus());
    press('n');
    await waitFor(() => expect(api.callsOf('moveCard')).toHaveLength(4));
    expect(api.callsOf('moveCard')[3]).toEqual({ accountId: 1, personId: 3, stage: 'new' });
    await waitFor(() => expect(screen.getByTestId('count-new').textContent).toBe('4'));
  });

  it('u undoes the last move, then the one before', async () => {
    const api = await boardWith();
    press('j');
    await waitFor(() => expect(focusedPersonId()).toBe('1'));
    press('c');
    await waitFor(() => expect(focusedPersonId()).toBe('2'));
    press('d');
    await waitFor(() => expect(api.callsOf('moveCard')).toHaveLength(2));
    await waitFor(() => expect(screen.getByTestId('count-new').textContent).toBe('4'));

    press('u');
    await waitFor(() => expect(api.callsOf('moveCard')).toHaveLength(3));
    expect(api.callsOf('moveCard')[2]).toEqual({ accountId: 1, personId: 2, stage: 'new' });
    await waitFor(() => expect(screen.getByTestId('announcer').textContent).toBe('Undid: Person 2 is back in New'));
    press('u');
    await waitFor(() => expect(api.callsOf('moveCard')).toHaveLength(4));
    expect(api.callsOf('moveCard')[3]).toEqual({ accountId: 1, personId: 1, stage: 'new' });
    await waitFor(() => expect(screen.getByTestId('count-new').textContent).toBe('6'));
    expect(await stagesOf(api, [1, 2, 3, 4, 5, 6])).toEqual(Array(6).fill('new'));

    press('u');
    await waitFor(() => expect(screen.getByTestId('announcer').textContent).toBe('Nothing to undo'));
    expect(api.callsOf('moveCard')).toHaveLength(4);
  });

  it('Enter opens the profile of the selected card', async () => {
    await boardWith();
    press('j');
    await waitFor(() => expect(focusedPersonId()).toBe('1'));
    press('Enter');
    expect(await screen.findByRole('dialog', { name: 'Profile of Person 1' })).toBeTruthy();
  });

  it('/ focuses the search box and ? lists every shortcut', async () => {
    await boardWith();
    const search = document.getElementById('global-search') ?? document.body.appendChild(Object.assign(document.createElement('input'), { id: 'global-search' }));
    press('/');
    expect(document.activeElement).toBe(search);
    act(() => (document.activeElement as HTMLElement).blur());

    press('?', { shiftKey: true });
    const dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    for (const description of ['Next card', 'Move to Evaluated', 'Move to Connected (follows back)', 'Move to Declined', 'Move back to New', 'Skip for now', 'Search people']) {
      expect(within(dialog).getByText(description)).toBeTruthy();
    }
    expect(within(dialog).getByText(/^Undo the last move/)).toBeTruthy();
    fireEvent.keyDown(dialog, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Keyboard shortcuts' })).toBeNull());
  });

  it('leaves keys alone while typing in a field, while a dialog is open, and with modifiers', async () => {
    const api = await boardWith();
    press('j');
    await waitFor(() => expect(focusedPersonId()).toBe('1'));
    // Ctrl+D is the browser's, not a decision.
    press('d', { ctrlKey: true });

    // While the profile drawer is open, its keys win (its e c d n decide for the person shown: see drawerDecisions.test).
    press('Enter');
    const drawer = await screen.findByRole('dialog', { name: 'Profile of Person 1' });
    press('j');
    press('?', { shiftKey: true });
    // Typing a note: letters are text, not decisions.
    const note = await within(drawer).findByLabelText('Private note');
    act(() => note.focus());
    fireEvent.keyDown(note, { key: 'e' });
    fireEvent.keyDown(note, { key: 'c' });
    fireEvent.keyDown(note, { key: '?', shiftKey: true });
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    expect(api.callsOf('moveCard')).toEqual([]);
    expect(useShortcutsDialogStore.getState().open).toBe(false);
  });
});
