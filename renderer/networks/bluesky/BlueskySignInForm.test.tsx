// Signing in to Bluesky from the Add account dialog, against a real core signing in to the fake
// Bluesky on 127.0.0.1 (its address typed in the form's Server field).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { FakeBluesky } from '../../../test/fakes/bluesky/fakeBluesky';
import { closeAllCoreApis, type CoreApi } from '../../../test/renderer/coreApi';
import { renderWithApi, stubLayout } from '../../../test/renderer/renderWithApi';
import { openSignInCoreApi, removeSignInKeys } from '../../../test/renderer/signInCoreApi';
import { useAccountsStore } from '../../stores/accountsStore';

const HANDLE = 'ada.bsky.social';
const APP_PASSWORD = 'app-pass-word-1234';

let fake: FakeBluesky;
let api: CoreApi;
let restoreLayout: () => void;
beforeEach(async () => {
  restoreLayout = stubLayout();
  fake = new FakeBluesky({ handle: HANDLE, password: APP_PASSWORD });
  fake.state.generate({ followers: 4, follows: 1, seed: 3 });
  await fake.start();
  api = await openSignInCoreApi();
});
afterEach(async () => {
  cleanup();
  restoreLayout();
  delete window.rapport;
  await closeAllCoreApis();
  removeSignInKeys();
  await fake.stop();
});

async function openBlueskyDialog(): Promise<HTMLElement> {
  fireEvent.click(await screen.findByRole('button', { name: 'Add Bluesky account' }));
  return screen.getByRole('dialog', { name: 'Add account' });
}

function fillIn(dialog: HTMLElement, fields: { identifier: string; password: string; server: string }) {
  fireEvent.change(within(dialog).getByLabelText('Handle or email'), { target: { value: fields.identifier } });
  fireEvent.change(within(dialog).getByLabelText('App password'), { target: { value: fields.password } });
  fireEvent.change(within(dialog).getByLabelText('Server (optional)'), { target: { value: fields.server } });
}

describe('Bluesky sign-in form', () => {
  it('says what is missing before anything is sent', async () => {
    renderWithApi(api);
    const dialog = await openBlueskyDialog();
    expect(within(dialog).getByRole('tab', { name: 'Bluesky' }).getAttribute('aria-selected')).toBe('true');
    expect(within(dialog).getByLabelText('App password').getAttribute('type')).toBe('password');

    fireEvent.click(within(dialog).getByRole('button', { name: 'Sign in' }));
    expect(within(dialog).getByRole('alert').textContent).toMatch(/Enter your Bluesky handle/);
    fireEvent.change(within(dialog).getByLabelText('Handle or email'), { target: { value: HANDLE } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Sign in' }));
    expect(within(dialog).getByRole('alert').textContent).toBe('Enter an app password.');
    fireEvent.change(within(dialog).getByLabelText('App password'), { target: { value: 'app-pass-word' } });
    fireEvent.change(within(dialog).getByLabelText('Server (optional)'), { target: { value: 'bsky dot social' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Sign in' }));
    expect(within(dialog).getByRole('alert').textContent).toMatch(/web address like https:\/\/bsky.social/);
    expect(api.callsOf('beginSignIn')).toEqual([]);
  });

  it("shows core's sentence when the sign-in is refused, and keeps the dialog open", async () => {
    renderWithApi(api);
    const dialog = await openBlueskyDialog();
    fillIn(dialog, { identifier: `@${HANDLE}`, password: 'my-main-password', server: fake.url });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(within(dialog).getByRole('alert').textContent).toBe('Bluesky did not accept that handle and app password.'));
    // The leading @ of a handle is dropped (core would take "@…" for an email).
    expect(api.callsOf('beginSignIn')).toEqual([{ network: 'bluesky', identifier: HANDLE, appPassword: 'my-main-password', serviceUrl: fake.url }]);
    expect(screen.getByRole('dialog', { name: 'Add account' })).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Sign in' }).hasAttribute('disabled')).toBe(false);
    const listed = await api.core.call('listAccounts', {});
    expect(listed).toEqual({ ok: true, value: [] });
  });

  it('signs in, closes, shows the new account’s board and forgets the password', async () => {
    renderWithApi(api);
    const dialog = await openBlueskyDialog();
    fillIn(dialog, { identifier: HANDLE, password: APP_PASSWORD, server: fake.url });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Sign in' }));

    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Add account' })).toBeNull());
    expect(api.callsOf('beginSignIn')).toEqual([{ network: 'bluesky', identifier: HANDLE, appPassword: APP_PASSWORD, serviceUrl: fake.url }]);
    const accountId = useAccountsStore.getState().selectedId;
    expect(useAccountsStore.getState().accounts).toMatchObject([{ id: accountId, network: 'bluesky', handle: HANDLE }]);
    await waitFor(() => expect(api.callsOf('getBoardCounts')).toContainEqual({ accountId }));
    expect(await screen.findByTestId('column-new')).toBeTruthy();
    expect(JSON.stringify(useAccountsStore.getState())).not.toContain(APP_PASSWORD);

    fireEvent.click(screen.getByRole('button', { name: /^Switch account/ }));
    const items = within(screen.getByRole('menu')).getAllByRole('menuitemradio');
    // The handle and network first, then the display name the fake's profile has.
    expect(items.map((item) => item.textContent)).toEqual([`@${HANDLE} · BlueskyMe`]);
    expect(items[0]?.getAttribute('aria-checked')).toBe('true');
  });
});
