// The palette finds people despite a typo (core's findPeople), says why each matched and whether
// they are snoozed, and opens the chosen one with arrows + Enter; `g` keys go to views, the
// Snoozed list shows wake dates, and `?` lists the view keys.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { closeAllCoreApis, type CoreApi } from '../../test/renderer/coreApi';
import { withCoreDatabase } from '../../test/renderer/coreDatabase';
import { coreWithPeople } from '../../test/renderer/seedCore';
import { renderWithApi, stubLayout } from '../../test/renderer/renderWithApi';
import { useShortcutsDialogStore } from '../keyboard/shortcutsDialogStore';
import { usePaletteStore } from './paletteStore';

let restoreLayout: () => void;
beforeEach(() => {
  restoreLayout = stubLayout();
  usePaletteStore.setState({ open: false });
  useShortcutsDialogStore.setState({ open: false });
});
afterEach(async () => {
  // Test files share modules: a palette or dialog left open would make the next file's app inert.
  usePaletteStore.setState({ open: false });
  useShortcutsDialogStore.setState({ open: false });
  cleanup();
  restoreLayout();
  delete window.rapport;
  await closeAllCoreApis();
});

const press = (key: string, init: KeyboardEventInit = {}): void => void fireEvent.keyDown(document.activeElement ?? document.body, { key, ...init });

async function boardWithHeidenreich(): Promise<CoreApi> {
  const api = await coreWithPeople([6]);
  withCoreDatabase(api, (db) => db.prepare("UPDATE people SET display_name = 'Edwardo Heidenreich' WHERE id = 3").run());
  const snoozed = await api.core.call('snooze', { accountId: 1, personId: 4, snooze: { days: 7 } });
  if (!snoozed.ok) throw new Error(snoozed.error.message);
  renderWithApi(api);
  await waitFor(() => expect(screen.getByTestId('count-new').textContent).toBe('5'));
  return api;
}

describe('command palette', () => {
  it('finds "heidenrich" and opens Heidenreich with Enter', async () => {
    await boardWithHeidenreich();
    press('k', { ctrlKey: true });
    const palette = await screen.findByRole('dialog', { name: 'Find a person or a view' });
    const field = within(palette).getByRole('combobox');
    expect(document.activeElement).toBe(field);
    fireEvent.change(field, { target: { value: 'heidenrich' } });
    const person = await within(palette).findByTestId('palette-person');
    expect(person.textContent).toContain('Edwardo Heidenreich');
    expect(within(person).getByTestId('palette-reason').textContent).toBe('name');
    expect(person.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(field, { key: 'ArrowDown' });
    fireEvent.keyDown(field, { key: 'ArrowUp' });
    fireEvent.keyDown(field, { key: 'Enter' });
    expect(await screen.findByRole('dialog', { name: 'Profile of Edwardo Heidenreich' }, { timeout: 10_000 })).toBeTruthy();
    expect(screen.queryByRole('dialog', { name: 'Find a person or a view' })).toBeNull();
  });

  it('marks snoozed people in results, and lists views to go to', async () => {
    await boardWithHeidenreich();
    act(() => usePaletteStore.getState().setOpen(true));
    const palette = await screen.findByRole('dialog', { name: 'Find a person or a view' });
    fireEvent.change(within(palette).getByRole('combobox'), { target: { value: 'person4' } });
    // Exact first; people one typo away ("person1") after.
    const person = (await within(palette).findAllByTestId('palette-person'))[0]!;
    expect(person.textContent).toContain('Person 4');
    expect(within(person).getByTestId('snoozed-badge').textContent).toMatch(/^Snoozed until /);
    expect(within(person).getByTestId('palette-reason').textContent).toBe('handle');

    fireEvent.change(within(palette).getByRole('combobox'), { target: { value: 'snoo' } });
    const view = await within(palette).findByTestId('palette-view');
    expect(view.textContent).toContain('Go to Snoozed');
  });

  it('g keys go to views; the Snoozed list shows when each comes back; ? lists the keys', async () => {
    await boardWithHeidenreich();
    press('g');
    press('p');
    expect(await screen.findByRole('heading', { name: 'People', level: 1 }, { timeout: 10_000 })).toBeTruthy();
    press('g');
    press('z');
    expect(await screen.findByRole('heading', { name: 'Snoozed', level: 1 }, { timeout: 10_000 })).toBeTruthy();
    const rows = await screen.findAllByTestId('person-row');
    expect(rows.map((row) => row.getAttribute('data-person-id'))).toEqual(['4']);
    expect(within(rows[0]!).getByTestId('snoozed-badge').textContent).toMatch(/^Snoozed until \w+ \d+, \d{4}$/);
    expect(screen.getByRole('button', { name: 'Snoozed' }).getAttribute('aria-current')).toBe('page');
    press('g');
    press('b');
    await screen.findByTestId('list-new');

    press('?', { shiftKey: true });
    const dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    for (const key of ['g b', 'g r', 'g p', 'g n', 'g s', 'g z', 'Ctrl+K']) expect(within(dialog).getByText(key)).toBeTruthy();
  });
});
