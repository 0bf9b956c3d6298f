// "Use my X developer app" in the Add account dialog, against a real core reading the fake X API
// on loopback: a bearer token or OAuth 2.0 + PKCE, then what the first sync will read, said before
// anything is read, and Sync now.
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { FakeXApi } from '../../../test/fakes/x/fakeXApi';
import { closeAllCoreApis, type CoreApi } from '../../../test/renderer/coreApi';
import { renderWithApi, stubLayout } from '../../../test/renderer/renderWithApi';
import { openSignInCoreApi, playBrowser, removeSignInKeys } from '../../../test/renderer/signInCoreApi';
import { useAccountsStore } from '../../stores/accountsStore';
import { freeLoopbackPort } from '../../../test/renderer/scratchFiles';
import type { StageCounts } from '../../../shared/domain';

const TOKEN = 'AAAAAAAAAAAAAAAAAAAAAfakeBearerToken0123456789';
let fake: FakeXApi;
let api: CoreApi;
let port: number;
let restoreLayout: () => void;
let openWindow: MockInstance<typeof window.open>;

beforeEach(async () => {
  restoreLayout = stubLayout();
  openWindow = vi.spyOn(window, 'open').mockReturnValue(null);
  fake = new FakeXApi();
  fake.state.addUser('4242', { username: 'rapport_me', name: 'Me Myself', public_metrics: { followers_count: 3, following_count: 1, tweet_count: 1, listed_count: 0 } });
  fake.state.setFollowers('4242', ['101', '102', '103']);
  fake.state.setFollowing('4242', ['103']);
  fake.state.issueAppToken(TOKEN);
  await fake.start();
  port = await freeLoopbackPort();
  api = await openSignInCoreApi({ apiOrigins: { x: fake.url }, signInCallbackPort: port });
});
afterEach(async () => {
  cleanup();
  restoreLayout();
  openWindow.mockRestore();
  delete window.rapport;
  await closeAllCoreApis();
  removeSignInKeys();
  await fake.stop();
});

async function openAppForm(): Promise<HTMLElement> {
  fireEvent.click(await screen.findByRole('button', { name: 'Import your X archive' }));
  const dialog = await screen.findByRole('dialog', { name: 'Add account' });
  fireEvent.click(within(dialog).getByRole('button', { name: 'Use my X developer app' }));
  return dialog;
}

describe('X sign-in with your own developer app', () => {
  it('says what is missing before anything is sent', async () => {
    renderWithApi(api);
    const dialog = await openAppForm();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Use my app' }));
    expect(within(dialog).getByRole('alert').textContent).toMatch(/Paste the bearer token/);
    expect(api.callsOf('beginSignIn')).toEqual([]);
  });

  it('signs in with a bearer token, says what the first sync reads before reading, and syncs on “Sync now”', async () => {
    renderWithApi(api);
    const dialog = await openAppForm();
    fireEvent.change(within(dialog).getByLabelText('Bearer token'), { target: { value: TOKEN } });
    fireEvent.change(within(dialog).getByLabelText('Your X username'), { target: { value: '@rapport_me' } });
    fireEvent.change(within(dialog).getByLabelText('Monthly read cap (users, optional)'), { target: { value: '10,000' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Use my app' }));

    expect(await within(dialog).findByText(/A full sync reads up to 5 users from X \(3 followers, 1 following, your account\); 1 of your 10,000 monthly cap/)).toBeTruthy();
    expect(fake.countOf('GET /2/users/:id/followers')).toBe(0);
    expect(api.callsOf('beginSignIn')).toEqual([{ network: 'x', bearerToken: TOKEN, username: '@rapport_me', monthlyReadCap: 10_000 }]);

    fireEvent.click(within(dialog).getByRole('button', { name: 'Sync now' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Add account' })).toBeNull());
    const accountId = useAccountsStore.getState().selectedId;
    await waitFor(async () => {
      const answer = await api.core.call('getBoardCounts', { accountId });
      const counts = answer.ok ? (answer.value as StageCounts) : null;
      expect(counts && counts.new + counts.evaluated + counts.connected + counts.declined).toBe(3);
    });
    expect(fake.countOf('GET /2/users/:id/followers')).toBe(1);
  });

  it('shows X’s refusal of a wrong token and adds no account', async () => {
    renderWithApi(api);
    const dialog = await openAppForm();
    fireEvent.change(within(dialog).getByLabelText('Bearer token'), { target: { value: 'AAAAnotTheRightTokenAtAll' } });
    fireEvent.change(within(dialog).getByLabelText('Your X username'), { target: { value: 'rapport_me' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Use my app' }));
    await waitFor(() => expect(within(dialog).getByRole('alert').textContent).toMatch(/X did not accept the token/));
    expect(await api.core.call('listAccounts', {})).toEqual({ ok: true, value: [] });
  });

  it('signs in on X’s page with the app’s client id (OAuth 2.0 + PKCE) and comes back to the estimate', async () => {
    fake.oauthClients.set('rapportTestClient01', [`http://127.0.0.1:${port}/callback`]);
    fake.approvingUserId = '4242';
    renderWithApi(api);
    const dialog = await openAppForm();
    fireEvent.click(within(dialog).getByLabelText(/OAuth 2.0 client id/));
    fireEvent.change(within(dialog).getByLabelText('OAuth 2.0 Client ID'), { target: { value: 'rapportTestClient01' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Sign in on X' }));
    await waitFor(() => expect(openWindow).toHaveBeenCalled());
    const url = String(openWindow.mock.calls.at(-1)?.[0]);
    expect(new URL(url).pathname).toBe('/i/oauth2/authorize');
    await playBrowser(url);
    expect(await within(dialog).findByText(/A full sync reads up to 5 users from X/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Not now' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Add account' })).toBeNull());
    expect(useAccountsStore.getState().accounts).toMatchObject([{ network: 'x', handle: 'rapport_me' }]);
    expect(fake.countOf('GET /2/users/:id/followers')).toBe(0);
  });
});
