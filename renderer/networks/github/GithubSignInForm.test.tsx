// Signing in to GitHub from the Add account dialog, against a real core signing in to the fake
// GitHub on 127.0.0.1 (its address typed as the Enterprise server).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { FakeGithub } from '../../../test/fakes/github/fakeGithub';
import { closeAllCoreApis, type CoreApi } from '../../../test/renderer/coreApi';
import { renderWithApi, stubLayout } from '../../../test/renderer/renderWithApi';
import { openSignInCoreApi, removeSignInKeys } from '../../../test/renderer/signInCoreApi';
import { useAccountsStore } from '../../stores/accountsStore';

let fake: FakeGithub;
let api: CoreApi;
let restoreLayout: () => void;
beforeEach(async () => {
  restoreLayout = stubLayout();
  fake = new FakeGithub();
  fake.state.generate({ followers: 6, following: 2 });
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

async function openGithubDialog(): Promise<HTMLElement> {
  fireEvent.click(await screen.findByRole('button', { name: 'Add GitHub account' }));
  return screen.getByRole('dialog', { name: 'Add account' });
}

function fillIn(dialog: HTMLElement, token: string) {
  fireEvent.change(within(dialog).getByLabelText('Personal access token'), { target: { value: token } });
  fireEvent.change(within(dialog).getByLabelText('GitHub Enterprise Server (optional)'), { target: { value: fake.url } });
}

describe('GitHub sign-in form', () => {
  it('says which permissions the token needs and what is missing before anything is sent', async () => {
    renderWithApi(api);
    const dialog = await openGithubDialog();
    expect(within(dialog).getByRole('tab', { name: 'GitHub' }).getAttribute('aria-selected')).toBe('true');
    expect(within(dialog).getByLabelText('Personal access token').getAttribute('type')).toBe('password');
    expect(dialog.textContent).toContain('user:follow');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Sign in' }));
    expect(within(dialog).getByRole('alert').textContent).toMatch(/Paste a personal access token/);
    expect(api.callsOf('beginSignIn')).toEqual([]);
  });

  it("shows core's sentence for a token GitHub refuses, and stores nothing", async () => {
    renderWithApi(api);
    const dialog = await openGithubDialog();
    fillIn(dialog, 'ghp_revoked');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(within(dialog).getByRole('alert').textContent).toMatch(/did not accept this token/));
    expect(await api.core.call('listAccounts', {})).toEqual({ ok: true, value: [] });
  });

  it('signs in, shows the board and forgets the token', async () => {
    const token = fake.issueToken();
    renderWithApi(api);
    const dialog = await openGithubDialog();
    fillIn(dialog, token);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Add account' })).toBeNull());
    expect(useAccountsStore.getState().accounts).toMatchObject([{ network: 'github', handle: 'octo-self' }]);
    expect(await screen.findByTestId('column-new')).toBeTruthy();
    expect(JSON.stringify(useAccountsStore.getState())).not.toContain(token);
  });
});
