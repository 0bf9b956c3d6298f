// The Add account dialog and the account switcher, against a real core: one tab per network with
// a sign-in form (the registry's), welcome buttons that open the right tab, switching accounts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { closeAllCoreApis, openCoreApi } from '../../test/renderer/coreApi';
import { renderWithApi, stubLayout } from '../../test/renderer/renderWithApi';
import { seedAccount } from '../../test/renderer/seedCore';
import { SIGN_IN_UIS, WELCOME_UIS } from '../networks/registry';
import { useAccountsStore } from '../stores/accountsStore';

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

describe('Add account dialog', () => {
  it('offers every network of the registry on the welcome screen, in order, sample data last', async () => {
    renderWithApi(await openCoreApi());
    await screen.findByRole('button', { name: 'Explore with sample data' });
    const buttons = within(screen.getByRole('main')).getAllByRole('button');
    expect(buttons.map((b) => b.textContent)).toEqual(WELCOME_UIS.map((ui) => ui.welcome?.label));
    expect(buttons.map((b) => b.textContent)).toEqual(['Add Bluesky account', 'Add Mastodon account', 'Add GitHub account', 'Import your X archive', 'Explore with sample data']);
    expect(buttons[0]?.className).toContain('button-primary');
  });

  it('opens on the Mastodon tab from the welcome screen and switches tabs with the arrow keys', async () => {
    renderWithApi(await openCoreApi());
    fireEvent.click(await screen.findByRole('button', { name: 'Add Mastodon account' }));
    const dialog = screen.getByRole('dialog', { name: 'Add account' });
    expect(within(dialog).getAllByRole('tab').map((tab) => tab.textContent)).toEqual(SIGN_IN_UIS.map((ui) => ui.label));
    const mastodon = within(dialog).getByRole('tab', { name: 'Mastodon' });
    expect(mastodon.getAttribute('aria-selected')).toBe('true');
    expect(within(dialog).getByRole('tabpanel').getAttribute('aria-labelledby')).toBe(mastodon.id);
    expect(within(dialog).getByLabelText('Instance')).toBeTruthy();
    expect(within(dialog).queryByLabelText('Handle or email')).toBeNull();
    fireEvent.keyDown(mastodon, { key: 'ArrowLeft' });
    expect(within(dialog).getByRole('tab', { name: 'Bluesky' }).getAttribute('aria-selected')).toBe('true');
    expect(within(dialog).getByLabelText('Handle or email')).toBeTruthy();
    fireEvent.keyDown(within(dialog).getByRole('tab', { name: 'Bluesky' }), { key: 'End' });
    expect(within(dialog).getByRole('tab', { name: SIGN_IN_UIS.at(-1)?.label }).getAttribute('aria-selected')).toBe('true');

    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog', { name: 'Add account' })).toBeNull();
  });
});

describe('Account switcher', () => {
  it('lists every account by handle and switches the board to the one picked', async () => {
    const api = await openCoreApi();
    await seedAccount(api);
    const ada = await seedAccount(api, { network: 'bluesky', handle: 'ada.bsky.social', displayName: 'Ada' });
    renderWithApi(api);
    fireEvent.click(await screen.findByRole('button', { name: /^Switch account/ }));
    const menu = screen.getByRole('menu');
    const items = within(menu).getAllByRole('menuitemradio');
    expect(items.map((item) => item.textContent)).toEqual(['@you.sample · Sample dataSample account', '@ada.bsky.social · BlueskyAda']);
    expect(within(menu).getByRole('menuitem', { name: 'Add account…' })).toBeTruthy();

    fireEvent.click(items[1] as HTMLElement);
    await waitFor(() => expect(api.callsOf('getBoardCounts')).toContainEqual({ accountId: ada.id }));
    expect(useAccountsStore.getState().selectedId).toBe(ada.id);
    expect(screen.getByRole('button', { name: /^Switch account/ }).textContent).toContain('Ada');
    expect(screen.getByRole('button', { name: /^Switch account/ }).textContent).toContain('Bluesky');

    fireEvent.click(screen.getByRole('button', { name: /^Switch account/ }));
    fireEvent.click(screen.getByRole('menuitem', { name: 'Add account…' }));
    const dialog = screen.getByRole('dialog', { name: 'Add account' });
    expect(within(dialog).getByRole('tab', { name: 'Bluesky' }).getAttribute('aria-selected')).toBe('true');
  });
});
