import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Network, PersonProfile } from '../../shared/domain';
import { closeAllCoreApis, openCoreApi, type CoreApi } from '../../test/renderer/coreApi';
import { cardFromCore } from '../../test/renderer/coreCards';
import { coreOffBluesky } from '../../test/renderer/offlineBlueskyCore';
import { seedAccount, seedPeople } from '../../test/renderer/seedCore';
import { seedAction, spendBudget } from '../../test/renderer/seedOutbox';
import { removeSignInKeys } from '../../test/renderer/signInCoreApi';
import { renderWithApi } from '../../test/renderer/renderWithApi';
import { Toasts } from '../feedback/Toasts';
import { useCoreEvents } from '../app/useCoreEvents';
import { ProfileActions } from './ProfileActions';

afterEach(async () => {
  cleanup();
  delete window.rapport;
  await closeAllCoreApis();
  removeSignInKeys();
});

/** Ada's profile on this network: her card as core has it, with the name, bio and posts a sync would bring. */
async function profileOf(api: CoreApi, network: Network): Promise<PersonProfile> {
  const card = await cardFromCore(api, 1);
  return {
    ...card,
    displayName: 'Ada Lovelace',
    handle: 'ada.bsky.social',
    network,
    remoteId: 'did:plc:ada',
    bio: 'I write programs for engines that do not exist yet.',
    postsCount: 2,
    joinedAt: null,
    profileUrl: null,
    fetchedAt: '2026-01-01T00:00:00Z',
    recentPosts: [{ id: 1, remoteId: 'p1', text: 'Notes on the analytical engine are done', createdAt: '2026-01-01T00:00:00Z', isReply: false, isRepost: false }],
  };
}

/** Core's events reach the stores, as in the app (the worker's progress re-reads the history). */
function CoreEvents() {
  useCoreEvents();
  return null;
}

/**
 * Where the composer's core comes from: 'offline' is a Bluesky account signed in through the fake,
 * whose network is then out of reach (what is sent waits in core's queue); 'bluesky' and 'sample'
 * are accounts stored without a sign-in, for tests that send nothing.
 */
type Setting = 'offline' | 'bluesky' | 'sample';

async function renderActions(setting: Setting = 'bluesky', setup?: (api: CoreApi) => Promise<void> | void): Promise<CoreApi> {
  let api: CoreApi;
  if (setting === 'offline') {
    api = await coreOffBluesky();
  } else {
    api = await openCoreApi();
    await seedAccount(api, setting === 'bluesky' ? { network: 'bluesky', handle: 'me.bsky.social' } : {});
  }
  seedPeople(api, 1);
  await setup?.(api);
  const profile = await profileOf(api, setting === 'sample' ? 'sample' : 'bluesky');
  renderWithApi(
    api,
    <>
      <CoreEvents />
      <ProfileActions profile={profile} accountId={1} />
      <Toasts />
    </>,
  );
  return api;
}

function sendButton(): HTMLElement {
  return screen.getByRole('button', { name: 'Send message' });
}

describe('Composer', () => {
  it('fills a template with the name and handle, lets the text be edited, and sends once', async () => {
    const api = await renderActions('offline', async (a) => {
      await a.core.call('saveTemplate', { name: 'Thanks', body: 'Hi {name} ({handle}), thanks for the follow!' });
    });
    const textarea = screen.getByLabelText('Message to Ada Lovelace');
    expect(sendButton().hasAttribute('disabled')).toBe(true);

    const template = await screen.findByRole('option', { name: 'Thanks' });
    fireEvent.change(screen.getByRole('combobox', { name: 'Template' }), { target: { value: (template as HTMLOptionElement).value } });
    expect((textarea as HTMLTextAreaElement).value).toBe('Hi Ada Lovelace (@ada.bsky.social), thanks for the follow!');

    fireEvent.change(textarea, { target: { value: 'Hi Ada, your engine notes were great.' } });
    expect(screen.getByText('37 / 1,000')).toBeTruthy();
    fireEvent.click(sendButton());
    await waitFor(() => expect(api.callsOf('sendMessage')).toEqual([{ accountId: 1, personId: 1, text: 'Hi Ada, your engine notes were great.' }]));
    await waitFor(() => expect((textarea as HTMLTextAreaElement).value).toBe(''));
    // Focus stays in the composer (the emptied form's button is disabled), so Escape still works.
    expect(document.activeElement).toBe(textarea);
    const sent = screen.getByTestId('sent-messages');
    expect(sent.textContent).toContain('Hi Ada, your engine notes were great.');
    // Core queued it; its worker found Bluesky out of reach and keeps it queued.
    await waitFor(async () => {
      const actions = await api.core.call('listActions', { accountId: 1, personId: 1 });
      expect(actions.ok && actions.value).toEqual([expect.objectContaining({ kind: 'dm', status: 'queued', text: 'Hi Ada, your engine notes were great.', error: expect.objectContaining({ code: 'OFFLINE' }) })]);
    });
    await waitFor(() => expect(screen.getByTestId('sent-messages').textContent).toContain('Message queued'));
    expect(api.callsOf('sendMessage')).toHaveLength(1);
  });

  it('lets Escape through to the drawer while keeping other keys to itself', async () => {
    await renderActions('bluesky');
    const heard: string[] = [];
    const listener = (event: KeyboardEvent) => heard.push(event.key);
    document.addEventListener('keydown', listener);
    try {
      const textarea = screen.getByLabelText('Message to Ada Lovelace');
      fireEvent.keyDown(textarea, { key: 'e' });
      fireEvent.keyDown(textarea, { key: 'Escape' });
    } finally {
      document.removeEventListener('keydown', listener);
    }
    expect(heard).toEqual(['Escape']);
  });

  it('refuses empty and too long messages', async () => {
    await renderActions();
    const textarea = screen.getByLabelText('Message to Ada Lovelace');
    fireEvent.change(textarea, { target: { value: '   ' } });
    expect(sendButton().hasAttribute('disabled')).toBe(true);
    fireEvent.change(textarea, { target: { value: 'x'.repeat(1001) } });
    expect(sendButton().hasAttribute('disabled')).toBe(true);
    expect(screen.getByText('1 character too long')).toBeTruthy();
    expect(textarea.getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(textarea, { target: { value: 'x'.repeat(1000) } });
    expect(sendButton().hasAttribute('disabled')).toBe(false);
  });

  it('quotes a phrase of their bio or posts into the message', async () => {
    await renderActions();
    const textarea = screen.getByLabelText('Message to Ada Lovelace') as HTMLTextAreaElement;
    fireEvent.change(textarea, { target: { value: 'Loved' } });
    textarea.setSelectionRange(5, 5);
    const picker = screen.getByRole('combobox', { name: 'Quote from their profile' });
    expect(within(picker).getAllByRole('option').map((o) => o.textContent)).toEqual([
      'Quote from their profile…',
      'Bio: I write programs for engines that do not exist yet.',
      'Post: Notes on the analytical engine are done',
    ]);
    fireEvent.change(picker, { target: { value: '1' } });
    expect(textarea.value).toBe('Loved “Notes on the analytical engine are done”');
  });

  it('saves the current text as a template and deletes it again', async () => {
    const api = await renderActions();
    fireEvent.change(screen.getByLabelText('Message to Ada Lovelace'), { target: { value: 'Hello {name}!' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save as template' }));
    fireEvent.change(screen.getByLabelText('Template name'), { target: { value: 'Hello' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save template' }));
    await waitFor(() => expect(api.callsOf('saveTemplate')).toEqual([{ name: 'Hello', body: 'Hello {name}!' }]));
    expect(await screen.findByRole('option', { name: 'Hello' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Delete template “Hello”' }));
    await waitFor(() => expect(screen.queryByRole('option', { name: 'Hello' })).toBeNull());
    expect(await api.core.call('listTemplates', {})).toEqual({ ok: true, value: [] });
  });

  it('shows the budget sentence when today’s actions are used up, and keeps the text', async () => {
    const api = await renderActions('bluesky', (a) => spendBudget(a, 100, { personId: 1 }));
    const textarea = screen.getByLabelText('Message to Ada Lovelace') as HTMLTextAreaElement;
    fireEvent.change(textarea, { target: { value: 'Hello there' } });
    fireEvent.click(sendButton());
    expect((await screen.findByRole('alert')).textContent).toMatch(
      /^You have used today's 100 follow, unfollow and message actions for this account\. The next one frees up in about \d+ hours?\.$/,
    );
    expect(textarea.value).toBe('Hello there');
    expect(await api.core.call('listActions', { accountId: 1, personId: 1 })).toMatchObject({ ok: true, value: expect.not.arrayContaining([expect.objectContaining({ kind: 'dm' })]) });
  });

  it('lists earlier actions with their state, and retries a failed one', async () => {
    let earlier = 0;
    const api = await renderActions('offline', (a) => {
      earlier = seedAction(a, {
        personId: 1,
        kind: 'dm',
        status: 'failed',
        text: 'An earlier hello',
        error: { code: 'NETWORK_ERROR', message: 'Ada does not accept messages from people she does not follow.' },
      });
    });
    const sent = await screen.findByTestId('sent-messages');
    expect(sent.textContent).toContain('An earlier hello');
    expect(sent.textContent).toContain('Message failed');
    expect(sent.textContent).toContain('Ada does not accept messages from people she does not follow.');
    fireEvent.click(within(sent).getByRole('button', { name: 'Retry message for Ada Lovelace' }));
    await waitFor(() => expect(within(screen.getByTestId('sent-messages')).getByText('Message queued')).toBeTruthy());
    expect(api.callsOf('retryAction')).toEqual([{ actionId: earlier }]);
    // Core put it back in its queue, where it waits for the network.
    await waitFor(async () => {
      const actions = await api.core.call('listActions', { accountId: 1, personId: 1 });
      expect(actions.ok && actions.value).toEqual([expect.objectContaining({ id: earlier, status: 'queued', error: expect.objectContaining({ code: 'OFFLINE' }) })]);
    });
  });

  it('on sample data offers the composer with templates and says the message goes nowhere', async () => {
    const api = await renderActions('sample', async (a) => {
      await a.core.call('saveTemplate', { name: 'Thanks', body: 'Hi {name}, thanks for the follow!' });
    });
    expect(screen.getByTestId('simulated-note').textContent).toMatch(/^Sample: nothing is sent\./);
    const textarea = screen.getByLabelText('Message to Ada Lovelace');
    const template = await screen.findByRole('option', { name: 'Thanks' });
    fireEvent.change(screen.getByRole('combobox', { name: 'Template' }), { target: { value: (template as HTMLOptionElement).value } });
    expect((textarea as HTMLTextAreaElement).value).toBe('Hi Ada Lovelace, thanks for the follow!');
    fireEvent.click(sendButton());
    await waitFor(() => expect(api.callsOf('sendMessage')).toEqual([{ accountId: 1, personId: 1, text: 'Hi Ada Lovelace, thanks for the follow!' }]));
    await waitFor(() => expect(screen.getByTestId('sent-messages').textContent).toContain('Hi Ada Lovelace, thanks for the follow!'));
  });
});
