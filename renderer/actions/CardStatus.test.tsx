import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import type { PersonCard } from '../../shared/domain';
import { closeAllCoreApis, openCoreApi, type CoreApi } from '../../test/renderer/coreApi';
import { cardFromCore } from '../../test/renderer/coreCards';
import { coreWithPeople, seedAccount, seedPeople } from '../../test/renderer/seedCore';
import { seedAction } from '../../test/renderer/seedOutbox';
import { renderWithApi } from '../../test/renderer/renderWithApi';
import { useActionsStore } from '../stores/actionsStore';
import { CardStatus } from './CardStatus';

afterEach(async () => {
  cleanup();
  delete window.rapport;
  await closeAllCoreApis();
});

/** A core with one follower, and a way to name their card in the states a test needs. */
async function withAda(): Promise<{ api: CoreApi; person: (overrides?: Partial<PersonCard>) => PersonCard }> {
  const api = await coreWithPeople([1]);
  const card = await cardFromCore(api, 1);
  return { api, person: (overrides = {}) => ({ ...card, displayName: 'Ada', ...overrides }) };
}

/** A Bluesky account (where Rapport acts) with one follower. */
async function blueskyCore(): Promise<CoreApi> {
  const api = await openCoreApi();
  await seedAccount(api, { network: 'bluesky', handle: 'me.bsky.social' });
  seedPeople(api, 1);
  return api;
}

function statusOfIn(api: CoreApi, card: PersonCard): string | null {
  renderWithApi(api, <CardStatus card={card} accountId={1} />);
  const status = screen.queryByTestId('card-status');
  const result = status ? `${status.getAttribute('data-status')}: ${status.textContent}` : null;
  cleanup();
  return result;
}

describe('CardStatus', () => {
  it('names the state of the latest action and of the relationship', async () => {
    const { api, person } = await withAda();
    const statusOf = (card: PersonCard) => statusOfIn(api, card);
    expect(statusOf(person())).toBeNull();
    expect(statusOf(person({ action: { id: 1, kind: 'follow', status: 'queued' } }))).toBe('queued: Follow queued');
    expect(statusOf(person({ action: { id: 1, kind: 'unfollow', status: 'sending' } }))).toBe('sending: Unfollowing…');
    expect(statusOf(person({ followRequested: true }))).toBe('requested: Requested');
    expect(statusOf(person({ goneAt: '2026-01-02T00:00:00Z' }))).toBe('gone: Account gone');
    expect(statusOf(person({ followsMe: false }))).toBe('unfollowed: Unfollowed you');
    // Someone who never followed me (followedMeAt null) did not unfollow me.
    expect(statusOf(person({ followsMe: false, followedMeAt: null }))).toBeNull();
    // An action in flight says more than the relationship.
    expect(statusOf(person({ goneAt: '2026-01-02T00:00:00Z', action: { id: 1, kind: 'dm', status: 'queued' } }))).toBe('queued: Message queued');
  });

  it('shows a done action only when it was just seen to finish', async () => {
    const { api, person } = await withAda();
    const done = person({ action: { id: 9, kind: 'follow', status: 'done' } });
    expect(statusOfIn(api, done)).toBeNull();
    renderWithApi(api, <CardStatus card={done} accountId={1} />);
    act(() => useActionsStore.getState().changed(1, [9], [done.personId]));
    expect(screen.getByTestId('card-status').getAttribute('data-status')).toBe('done');
    expect(screen.getByTestId('card-status').textContent).toBe('Followed');
  });

  it('gives a failed action its reason and a retry button', async () => {
    const api = await blueskyCore();
    const failedId = seedAction(api, {
      personId: 1,
      kind: 'follow',
      status: 'failed',
      error: { code: 'NETWORK_ERROR', message: 'Bluesky refused the follow (HTTP 400).' },
      attempts: 3,
    });
    // The card as core reads it: its latest action, failed, with the network's reason.
    const card = { ...(await cardFromCore(api, 1)), displayName: 'Ada' };
    expect(card.action).toEqual({ id: failedId, kind: 'follow', status: 'failed', error: { code: 'NETWORK_ERROR', message: 'Bluesky refused the follow (HTTP 400).' } });
    renderWithApi(api, <CardStatus card={card} accountId={1} />);
    const status = screen.getByTestId('card-status');
    expect(status.getAttribute('data-status')).toBe('failed');
    expect(status.getAttribute('title')).toBe('Bluesky refused the follow (HTTP 400).');
    fireEvent.click(screen.getByRole('button', { name: 'Retry follow for Ada' }));
    await waitFor(() => expect(api.callsOf('retryAction')).toEqual([{ actionId: failedId }]));
    // Core put it back in the queue, and its worker tried it again.
    await waitFor(async () => {
      const listed = await api.core.call('listActions', { accountId: 1 });
      expect(listed.ok && (listed.value as { id: number; attempts: number }[]).find((a) => a.id === failedId)?.attempts).toBeGreaterThan(3);
    });
  });

  it('says when I last wrote to them', async () => {
    const api = await blueskyCore();
    const wrote = new Date(Date.now() - 3 * 86_400_000 - 60_000).toISOString();
    seedAction(api, { personId: 1, kind: 'dm', status: 'done', text: 'Hello', at: wrote });
    const card = await cardFromCore(api, 1);
    expect(card.lastMessageAt).toBe(wrote);
    renderWithApi(api, <CardStatus card={card} accountId={1} />);
    expect(screen.getByTestId('card-wrote').textContent).toBe('wrote 3 d ago');
  });
});
