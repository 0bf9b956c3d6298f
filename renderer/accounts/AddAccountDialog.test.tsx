import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { InMemoryRapportApi, sampleAccount } from '../testing/inMemoryRapportApi';
import { renderWithApi, stubLayout } from '../testing/renderWithApi';
import { useAccountsStore } from '../stores/accountsStore';

let restoreLayout: () => void;
beforeEach(() => {
  restoreLayout = stubLayout();
});
afterEach(() => {
  cleanup();
  restoreLayout();
  delete window.rapport;
});

async function openBlueskyDialog(): Promise<HTMLElement> {
  fireEvent.click(await screen.findByRole('button', { name: 'Add Bluesky account' }));
  return screen.getByRole('dialog', { name: 'Add account' });
}

describe('Add account dialog', () => {
  it('says what is missing before anything is sent', async () => {
    const api = new InMemoryRapportApi();
    renderWithApi(api);
    const dialog = await openBlueskyDialog();
    expect(within(dialog).getByRole('tab', { name: 'Bluesky' }).getAttribute('aria-selected')).toBe('true');
    expect(within(dialog).getByLabelText('App password').getAttribute('type')).toBe('password');

    fireEvent.click(within(dialog).getByRole('button', { name: 'Sign in' }));
    expect(within(dialog).getByRole('alert').textContent).toMatch(/Enter your Bluesky handle/);
    fireEvent.change(within(dialog).getByLabelText('Handle or email'), { target: { value: 'ada.bsky.social' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Sign in' }));
    expect(within(dialog).getByRole('alert').textContent).toBe('Enter an app password.');
    fireEvent.change(within(dialog).getByLabelText('App password'), { target: { value: 'app-pass-word' } });
    fireEvent.change(within(dialog).getByLabelText('Server (optional)'), { target: { value: 'bsky dot social' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Sign in' }));
    expect(within(dialog).getByRole('alert').textContent).toMatch(/web address like https:\/\/bsky.social/);
    expect(api.callsOf('addBlueskyAccount')).toEqual([]);
  });

  it("shows core's sentence when the sign-in is refused, and keeps the dialog open", async () => {
    const api = new InMemoryRapportApi();
    renderWithApi(api);
    const dialog = await openBlueskyDialog();
    fireEvent.change(within(dialog).getByLabelText('Handle or email'), { target: { value: '@ada.bsky.social' } });
    fireEvent.change(within(dialog).getByLabelText('App password'), { target: { value: 'my-main-password' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(within(dialog).getByRole('alert').textContent).toBe('Bluesky did not accept that handle and app password.'));
    // The leading @ of a handle is dropped (core would take "@…" for an email).
    expect(api.callsOf('addBlueskyAccount')).toEqual([{ identifier: 'ada.bsky.social', appPassword: 'my-main-password' }]);
    expect(screen.getByRole('dialog', { name: 'Add account' })).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Sign in' }).hasAttribute('disabled')).toBe(false);
  });

  it('signs in, closes, shows the new account’s board and forgets the password', async () => {
    const api = new InMemoryRapportApi();
    renderWithApi(api);
    const dialog = await openBlueskyDialog();
    fireEvent.change(within(dialog).getByLabelText('Handle or email'), { target: { value: 'ada.bsky.social' } });
    fireEvent.change(within(dialog).getByLabelText('App password'), { target: { value: 'app-pass-word' } });
    fireEvent.change(within(dialog).getByLabelText('Server (optional)'), { target: { value: 'http://127.0.0.1:4321' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Sign in' }));

    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Add account' })).toBeNull());
    expect(api.callsOf('addBlueskyAccount')).toEqual([{ identifier: 'ada.bsky.social', appPassword: 'app-pass-word', serviceUrl: 'http://127.0.0.1:4321' }]);
    await waitFor(() => expect(api.callsOf('getBoardCounts')).toEqual([{ accountId: 1 }]));
    expect(await screen.findByTestId('column-new')).toBeTruthy();
    expect(JSON.stringify(useAccountsStore.getState())).not.toContain('app-pass-word');

    fireEvent.click(screen.getByRole('button', { name: 'Switch account' }));
    const items = within(screen.getByRole('menu')).getAllByRole('menuitemradio');
    expect(items.map((item) => item.textContent)).toEqual(['@ada.bsky.social · Bluesky']);
    expect(items[0]?.getAttribute('aria-checked')).toBe('true');
  });

  it('opens on the Mastodon tab from the welcome screen and switches tabs with the arrow keys', async () => {
    renderWithApi(new InMemoryRapportApi());
    fireEvent.click(await screen.findByRole('button', { name: 'Add Mastodon account' }));
    const dialog = screen.getByRole('dialog', { name: 'Add account' });
    const mastodon = within(dialog).getByRole('tab', { name: 'Mastodon' });
    expect(mastodon.getAttribute('aria-selected')).toBe('true');
    expect(within(dialog).queryByLabelText('Handle or email')).toBeNull();
    fireEvent.keyDown(mastodon, { key: 'ArrowLeft' });
    expect(within(dialog).getByRole('tab', { name: 'Bluesky' }).getAttribute('aria-selected')).toBe('true');
    expect(within(dialog).getByLabelText('Handle or email')).toBeTruthy();

    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog', { name: 'Add account' })).toBeNull();
  });
});

describe('Account switcher', () => {
  it('lists every account by handle and switches the board to the one picked', async () => {
    const api = new InMemoryRapportApi({
      accounts: [sampleAccount(), sampleAccount({ id: 2, network: 'bluesky', handle: 'ada.bsky.social', displayName: 'Ada' })],
    });
    renderWithApi(api);
    fireEvent.click(await screen.findByRole('button', { name: 'Switch account' }));
    const menu = screen.getByRole('menu');
    const items = within(menu).getAllByRole('menuitemradio');
    expect(items.map((item) => item.textContent)).toEqual(['@you.sample · Sample dataSample account', '@ada.bsky.social · BlueskyAda']);
    expect(within(menu).getByRole('menuitem', { name: 'Add account…' })).toBeTruthy();

    const ada = items[1];
    if (!ada) throw new Error('no second account');
    fireEvent.click(ada);
    await waitFor(() => expect(api.callsOf('getBoardCounts')).toContainEqual({ accountId: 2 }));
    expect(useAccountsStore.getState().selectedId).toBe(2);
    expect(screen.getByRole('button', { name: 'Switch account' }).textContent).toContain('Ada');

    fireEvent.click(screen.getByRole('button', { name: 'Switch account' }));
    fireEvent.click(screen.getByRole('menuitem', { name: 'Add account…' }));
    expect(screen.getByRole('dialog', { name: 'Add account' })).toBeTruthy();
  });
});
