// The Mastodon sign-in form against a real core signing in to the fake Mastodon on 127.0.0.1: the
// test plays the system browser (opens the authorize URL, follows its redirect to core's loopback
// server, or reads the code an out-of-band page shows).
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { Account } from '../../../shared/domain';
import { FakeMastodon } from '../../../test/fakes/mastodon/fakeMastodon';
import { closeAllCoreApis, type CoreApi } from '../../../test/renderer/coreApi';
import { codeShownBy, openSignInCoreApi, playBrowser, removeSignInKeys } from '../../../test/renderer/signInCoreApi';
import { MastodonSignInForm } from './MastodonSignInForm';

let fake: FakeMastodon;
let api: CoreApi;
let onSignedIn: ReturnType<typeof vi.fn<(account: Account) => void>>;
let onCancel: ReturnType<typeof vi.fn<() => void>>;
let openWindow: MockInstance<typeof window.open>;

async function setUp(redirect: 'loopback' | 'oob' = 'loopback'): Promise<void> {
  fake = new FakeMastodon({ username: 'me', domain: 'fake.mastodon.test' });
  fake.state.generate({ followers: 3, following: 1, lockedShare: 0, seed: 9 });
  await fake.start();
  api = await openSignInCoreApi({ signInRedirect: redirect });
  window.rapport = api;
}

beforeEach(() => {
  onSignedIn = vi.fn<(account: Account) => void>();
  onCancel = vi.fn<() => void>();
  openWindow = vi.spyOn(window, 'open').mockReturnValue(null);
});

afterEach(async () => {
  cleanup();
  openWindow.mockRestore();
  delete window.rapport;
  await closeAllCoreApis();
  removeSignInKeys();
  await fake.stop();
});

function renderForm() {
  return render(<MastodonSignInForm onSignedIn={onSignedIn} onCancel={onCancel} />);
}

function typeInstance(value: string) {
  fireEvent.change(screen.getByLabelText('Instance'), { target: { value } });
}

function continueInBrowser() {
  fireEvent.click(screen.getByRole('button', { name: 'Continue in browser' }));
}

/** The authorize URL the form handed to the system browser (the last one). */
function openedUrl(): string {
  const url = openWindow.mock.calls.at(-1)?.[0];
  if (typeof url !== 'string') throw new Error('no page was opened');
  return url;
}

/** The sign-in the form is waiting on (loopback: its finishSignIn started at once). */
async function waitingSignInId(): Promise<string> {
  await waitFor(() => expect(api.callsOf('finishSignIn')).toHaveLength(1));
  return (api.callsOf('finishSignIn')[0] as { signInId: string }).signInId;
}

async function accountsInCore(): Promise<Account[]> {
  const listed = await api.core.call('listAccounts', {});
  if (!listed.ok) throw new Error(listed.error.message);
  return listed.value as Account[];
}

describe('MastodonSignInForm, loopback redirect', () => {
  beforeEach(() => setUp());

  it('opens the server sign-in page, waits for the browser, and hands back the new account', async () => {
    renderForm();
    typeInstance(fake.url);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Mirror my notes to Mastodon' }));
    continueInBrowser();

    const link = await screen.findByTestId('mastodon-authorize-url');
    expect(api.callsOf('beginSignIn')).toEqual([{ network: 'mastodon', instance: fake.url, noteSync: true }]);
    const authorizeUrl = link.getAttribute('href') ?? '';
    expect(new URL(authorizeUrl).origin).toBe(fake.url);
    expect(new URL(authorizeUrl).searchParams.get('scope')).toContain('write:accounts');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(openWindow).toHaveBeenCalledWith(authorizeUrl, '_blank', 'noopener,noreferrer');
    expect(screen.getByRole('status').textContent).toContain('Waiting for the browser…');
    expect(screen.queryByLabelText('Code from the server')).toBeNull();
    await waitingSignInId();
    expect(onSignedIn).not.toHaveBeenCalled();

    await playBrowser(authorizeUrl);
    await waitFor(() => expect(onSignedIn).toHaveBeenCalledTimes(1));
    const account = onSignedIn.mock.calls[0]?.[0];
    expect(account).toMatchObject({ network: 'mastodon', handle: 'me@127.0.0.1', noteSync: true });
    expect((await accountsInCore()).map((a) => a.id)).toEqual([account?.id]);
  });

  it('says why and starts over when the browser comes back with an error', async () => {
    fake.knobs.denyAuthorization = true;
    renderForm();
    typeInstance(fake.url);
    continueInBrowser();
    await screen.findByText('Waiting for the browser…');
    await waitingSignInId();

    await playBrowser(openedUrl());
    expect((await screen.findByRole('alert')).textContent).toBe('You declined access on your Mastodon server.');
    expect((screen.getByLabelText('Instance') as HTMLInputElement).value).toBe(fake.url);
    expect(screen.getByRole('button', { name: 'Continue in browser' })).toBeTruthy();
    expect(onSignedIn).not.toHaveBeenCalled();
    expect(await accountsInCore()).toEqual([]);
  });

  it('takes a pasted code instead of waiting, when the user prefers', async () => {
    renderForm();
    typeInstance(fake.url);
    continueInBrowser();
    fireEvent.click(await screen.findByRole('button', { name: 'Paste a code instead' }));
    const signInId = await waitingSignInId();
    // The browser shows the code instead of coming back to Rapport: read it off the redirect.
    const authorize = await fetch(openedUrl(), { redirect: 'manual' });
    const code = new URL(authorize.headers.get('location') ?? '').searchParams.get('code') ?? '';
    fireEvent.change(screen.getByLabelText('Code from the server'), { target: { value: ` ${code} ` } });
    fireEvent.click(screen.getByRole('button', { name: 'Finish' }));

    await waitFor(() => expect(onSignedIn).toHaveBeenCalledTimes(1));
    expect(api.callsOf('finishSignIn')).toContainEqual({ signInId, code });
    // The abandoned wait for the browser ends in an error that must not show.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('cancels the sign-in in core when the user cancels while waiting', async () => {
    renderForm();
    typeInstance(fake.url);
    continueInBrowser();
    await screen.findByText('Waiting for the browser…');
    const signInId = await waitingSignInId();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));

    expect(onCancel).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(api.callsOf('cancelSignIn')).toEqual([{ signInId }]));
    // Core's loopback port is free again: the browser coming back now finds nobody.
    await expect(playBrowser(openedUrl())).rejects.toThrow();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(onSignedIn).not.toHaveBeenCalled();
    expect(await accountsInCore()).toEqual([]);
  });

  it('still hands on the account when the form is unmounted just as core was granted access', async () => {
    // The new account's accounts.changed event can re-render the window before finish answers.
    const { unmount } = renderForm();
    typeInstance(fake.url);
    continueInBrowser();
    await screen.findByText('Waiting for the browser…');
    await waitingSignInId();
    await playBrowser(openedUrl());
    unmount();
    await waitFor(() => expect(onSignedIn).toHaveBeenCalledTimes(1));
    expect(onSignedIn.mock.calls[0]?.[0]).toMatchObject({ network: 'mastodon', handle: 'me@127.0.0.1' });
  });

  it('cancels the sign-in in core when the dialog closes under it', async () => {
    const { unmount } = renderForm();
    typeInstance(fake.url);
    continueInBrowser();
    await screen.findByText('Waiting for the browser…');
    const signInId = await waitingSignInId();
    unmount();
    await waitFor(() => expect(api.callsOf('cancelSignIn')).toEqual([{ signInId }]));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(onSignedIn).not.toHaveBeenCalled();
    expect(await accountsInCore()).toEqual([]);
  });
});

describe('MastodonSignInForm, out-of-band code', () => {
  beforeEach(() => setUp('oob'));

  it('asks for the code the server shows and finishes with it', async () => {
    renderForm();
    typeInstance(fake.url);
    continueInBrowser();

    const codeField = await screen.findByLabelText('Code from the server');
    expect(screen.queryByText('Waiting for the browser…')).toBeNull();
    expect(api.callsOf('finishSignIn')).toEqual([]);
    await waitFor(() => expect(document.activeElement).toBe(codeField));

    fireEvent.click(screen.getByRole('button', { name: 'Finish' }));
    expect(screen.getByRole('alert').textContent).toBe('Paste the code your Mastodon server showed after you signed in.');

    fireEvent.change(codeField, { target: { value: await codeShownBy(openedUrl()) } });
    fireEvent.click(screen.getByRole('button', { name: 'Finish' }));
    await waitFor(() => expect(onSignedIn).toHaveBeenCalledTimes(1));
    expect(onSignedIn.mock.calls[0]?.[0]).toMatchObject({ network: 'mastodon', handle: 'me@127.0.0.1', noteSync: false });
  });

  it('lets a malformed code be pasted again, but starts over after the server refused one', async () => {
    renderForm();
    typeInstance(fake.url);
    continueInBrowser();

    fireEvent.change(await screen.findByLabelText('Code from the server'), { target: { value: 'x y' } });
    fireEvent.click(screen.getByRole('button', { name: 'Finish' }));
    expect((await screen.findByRole('alert')).textContent).toBe('That does not look like the code your Mastodon server showed. Copy it again.');

    fireEvent.change(screen.getByLabelText('Code from the server'), { target: { value: 'well-formed-but-wrong' } });
    fireEvent.click(screen.getByRole('button', { name: 'Finish' }));
    const refused = `${new URL(fake.url).host} did not accept the sign-in: the code expired, was already used, or did not match this sign-in (PKCE check). Start the sign-in again.`;
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe(refused));
    expect((screen.getByLabelText('Instance') as HTMLInputElement).value).toBe(fake.url);

    continueInBrowser();
    const codeField = await screen.findByLabelText('Code from the server');
    fireEvent.change(codeField, { target: { value: await codeShownBy(openedUrl()) } });
    fireEvent.click(screen.getByRole('button', { name: 'Finish' }));
    await waitFor(() => expect(onSignedIn).toHaveBeenCalledTimes(1));
    expect(api.callsOf('beginSignIn')).toHaveLength(2);
  });
});

describe('MastodonSignInForm, bad input', () => {
  beforeEach(() => setUp());

  it('asks for a server when the field is empty, without calling core', () => {
    renderForm();
    continueInBrowser();
    expect(screen.getByRole('alert').textContent).toBe('Type your Mastodon server, for example mastodon.social or @you@mastodon.social.');
    expect(api.callsOf('beginSignIn')).toEqual([]);
  });

  it("shows core's sentence for an address that is not a server and stays on the form", async () => {
    renderForm();
    typeInstance('not a server');
    continueInBrowser();
    expect((await screen.findByRole('alert')).textContent).toBe('"not a server" is not a Mastodon server address: it does not look like a server name.');
    expect(screen.getByRole('button', { name: 'Continue in browser' })).toBeTruthy();
    expect(openWindow).not.toHaveBeenCalled();
    expect(fake.requests).toHaveLength(0);
  });

  it('cancels straight away before anything started', () => {
    renderForm();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(api.callsOf('cancelSignIn')).toEqual([]);
  });
});
