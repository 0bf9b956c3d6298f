import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { RapportError } from '../../shared/api/errors';
import type { Account } from '../../shared/domain';
import { InMemoryRapportApi } from '../testing/inMemoryRapportApi';
import { DOUBLE_MASTODON_CODE, mastodonSignInOf } from '../testing/inMemoryMastodonSignIn';
import { AddMastodonForm } from './AddMastodonForm';

let api: InMemoryRapportApi;
let onDone: ReturnType<typeof vi.fn<(account: Account) => void>>;
let onCancel: ReturnType<typeof vi.fn<() => void>>;
let openWindow: MockInstance<typeof window.open>;

beforeEach(() => {
  api = new InMemoryRapportApi();
  window.rapport = api;
  onDone = vi.fn<(account: Account) => void>();
  onCancel = vi.fn<() => void>();
  openWindow = vi.spyOn(window, 'open').mockReturnValue(null);
});

afterEach(() => {
  cleanup();
  openWindow.mockRestore();
  delete window.rapport;
});

function renderForm() {
  return render(<AddMastodonForm onDone={onDone} onCancel={onCancel} />);
}

function typeInstance(value: string) {
  fireEvent.change(screen.getByLabelText('Instance'), { target: { value } });
}

function continueInBrowser() {
  fireEvent.click(screen.getByRole('button', { name: 'Continue in browser' }));
}

/** The sign-in id of the one sign-in begun so far. */
function onlySignInId(): string {
  const ids = [...mastodonSignInOf(api).signIns.keys()];
  expect(ids).toHaveLength(1);
  return ids[0] ?? '';
}

describe('AddMastodonForm, loopback redirect', () => {
  it('opens the server sign-in page, waits for the browser, and hands back the new account', async () => {
    renderForm();
    typeInstance('@ada@mastodon.social');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Mirror my notes to Mastodon' }));
    continueInBrowser();

    const link = await screen.findByTestId('mastodon-authorize-url');
    expect(api.callsOf('beginMastodonSignIn')).toEqual([{ instance: '@ada@mastodon.social', noteSync: true }]);
    const signInId = onlySignInId();
    const authorizeUrl = `https://mastodon.social/oauth/authorize?response_type=code&client_id=double&state=${signInId}`;
    expect(link.getAttribute('href')).toBe(authorizeUrl);
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(openWindow).toHaveBeenCalledWith(authorizeUrl, '_blank', 'noopener,noreferrer');
    expect(screen.getByRole('status').textContent).toContain('Waiting for the browser…');
    expect(screen.queryByLabelText('Code from the server')).toBeNull();
    await waitFor(() => expect(api.callsOf('finishMastodonSignIn')).toEqual([{ signInId }]));
    expect(onDone).not.toHaveBeenCalled();

    const account = mastodonSignInOf(api).approveInBrowser(signInId);
    await waitFor(() => expect(onDone).toHaveBeenCalledWith(account));
    expect(account).toMatchObject({ network: 'mastodon', handle: 'ada@mastodon.social', noteSync: true });
  });

  it('says why and starts over when the browser comes back with an error', async () => {
    renderForm();
    typeInstance('mastodon.social');
    continueInBrowser();
    await screen.findByText('Waiting for the browser…');
    await waitFor(() => expect(api.callsOf('finishMastodonSignIn')).toHaveLength(1));

    mastodonSignInOf(api).failInBrowser(onlySignInId(), new RapportError('NETWORK_ERROR', 'mastodon.social refused the sign-in (access denied).'));
    expect((await screen.findByRole('alert')).textContent).toBe('mastodon.social refused the sign-in (access denied).');
    expect((screen.getByLabelText('Instance') as HTMLInputElement).value).toBe('mastodon.social');
    expect(screen.getByRole('button', { name: 'Continue in browser' })).toBeTruthy();
    expect(onDone).not.toHaveBeenCalled();
  });

  it('takes a pasted code instead of waiting, when the user prefers', async () => {
    renderForm();
    typeInstance('mastodon.social');
    continueInBrowser();
    fireEvent.click(await screen.findByRole('button', { name: 'Paste a code instead' }));
    fireEvent.change(screen.getByLabelText('Code from the server'), { target: { value: ` ${DOUBLE_MASTODON_CODE} ` } });
    fireEvent.click(screen.getByRole('button', { name: 'Finish' }));

    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
    expect(api.callsOf('finishMastodonSignIn')).toContainEqual({ signInId: onlySignInId(), code: DOUBLE_MASTODON_CODE });
    // The abandoned wait for the browser ends in an error that must not show.
    await Promise.resolve();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('cancels the sign-in in core when the user cancels while waiting', async () => {
    renderForm();
    typeInstance('mastodon.social');
    continueInBrowser();
    await screen.findByText('Waiting for the browser…');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));

    expect(onCancel).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(api.callsOf('cancelMastodonSignIn')).toEqual([{ signInId: onlySignInId() }]));
    await Promise.resolve();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(onDone).not.toHaveBeenCalled();
  });

  it('still hands on the account when the form is remounted just as core was granted access', async () => {
    // The new account's accounts.changed event can re-render the window before finish answers.
    const { unmount } = renderForm();
    typeInstance('mastodon.social');
    continueInBrowser();
    await screen.findByText('Waiting for the browser…');
    await waitFor(() => expect(api.callsOf('finishMastodonSignIn')).toHaveLength(1));
    const account = mastodonSignInOf(api).approveInBrowser(onlySignInId());
    unmount();
    await waitFor(() => expect(onDone).toHaveBeenCalledWith(account));
  });

  it('cancels the sign-in in core when the dialog closes under it', async () => {
    const { unmount } = renderForm();
    typeInstance('mastodon.social');
    continueInBrowser();
    await screen.findByText('Waiting for the browser…');
    unmount();
    await waitFor(() => expect(api.callsOf('cancelMastodonSignIn')).toEqual([{ signInId: onlySignInId() }]));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(onDone).not.toHaveBeenCalled();
  });
});

describe('AddMastodonForm, out-of-band code', () => {
  beforeEach(() => {
    mastodonSignInOf(api).redirect = 'oob';
  });

  it('asks for the code the server shows and finishes with it', async () => {
    renderForm();
    typeInstance('https://fosstodon.org');
    continueInBrowser();

    const codeField = await screen.findByLabelText('Code from the server');
    expect(screen.queryByText('Waiting for the browser…')).toBeNull();
    expect(api.callsOf('finishMastodonSignIn')).toEqual([]);
    await waitFor(() => expect(document.activeElement).toBe(codeField));

    fireEvent.click(screen.getByRole('button', { name: 'Finish' }));
    expect(screen.getByRole('alert').textContent).toBe('Paste the code your Mastodon server showed after you signed in.');

    fireEvent.change(codeField, { target: { value: DOUBLE_MASTODON_CODE } });
    fireEvent.click(screen.getByRole('button', { name: 'Finish' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
    expect(onDone.mock.calls[0]?.[0]).toMatchObject({ network: 'mastodon', handle: 'me@fosstodon.org', noteSync: false });
  });

  it('lets a malformed code be pasted again, but starts over after the server refused one', async () => {
    renderForm();
    typeInstance('fosstodon.org');
    continueInBrowser();

    fireEvent.change(await screen.findByLabelText('Code from the server'), { target: { value: 'x y' } });
    fireEvent.click(screen.getByRole('button', { name: 'Finish' }));
    expect((await screen.findByRole('alert')).textContent).toBe('That does not look like the code your Mastodon server showed. Copy it again.');

    fireEvent.change(screen.getByLabelText('Code from the server'), { target: { value: 'well-formed-but-wrong' } });
    fireEvent.click(screen.getByRole('button', { name: 'Finish' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('mastodon.social refused the sign-in (HTTP 400, invalid_grant).'));
    expect((screen.getByLabelText('Instance') as HTMLInputElement).value).toBe('fosstodon.org');

    continueInBrowser();
    fireEvent.change(await screen.findByLabelText('Code from the server'), { target: { value: DOUBLE_MASTODON_CODE } });
    fireEvent.click(screen.getByRole('button', { name: 'Finish' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
    expect(mastodonSignInOf(api).signIns.size).toBe(2);
  });
});

describe('AddMastodonForm, bad input', () => {
  it('asks for a server when the field is empty, without calling core', () => {
    renderForm();
    continueInBrowser();
    expect(screen.getByRole('alert').textContent).toBe('Type your Mastodon server, for example mastodon.social or @you@mastodon.social.');
    expect(api.callsOf('beginMastodonSignIn')).toEqual([]);
  });

  it('shows core\'s sentence for an address that is not a server and stays on the form', async () => {
    renderForm();
    typeInstance('not a server');
    continueInBrowser();
    expect((await screen.findByRole('alert')).textContent).toBe('"not a server" is not a Mastodon server address: it needs a full domain name such as mastodon.social.');
    expect(screen.getByRole('button', { name: 'Continue in browser' })).toBeTruthy();
    expect(openWindow).not.toHaveBeenCalled();
  });

  it('cancels straight away before anything started', () => {
    renderForm();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(api.callsOf('cancelMastodonSignIn')).toEqual([]);
  });
});
