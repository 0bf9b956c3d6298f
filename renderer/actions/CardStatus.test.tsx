import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import type { PersonCard } from '../../shared/domain';
import { InMemoryRapportApi, makePeople, sampleAccount } from '../testing/inMemoryRapportApi';
import { renderWithApi } from '../testing/renderWithApi';
import { useActionsStore } from '../stores/actionsStore';
import { CardStatus } from './CardStatus';

afterEach(() => {
  cleanup();
  delete window.rapport;
});

function person(overrides: Partial<PersonCard> = {}): PersonCard {
  const base = makePeople(1)[0];
  if (!base) throw new Error('no person');
  return { ...base, displayName: 'Ada', ...overrides };
}

function statusOf(card: PersonCard): string | null {
  renderWithApi(new InMemoryRapportApi({ accounts: [sampleAccount()] }), <CardStatus card={card} accountId={1} />);
  const status = screen.queryByTestId('card-status');
  const result = status ? `${status.getAttribute('data-status')}: ${status.textContent}` : null;
  cleanup();
  return result;
}

describe('CardStatus', () => {
  it('names the state of the latest action and of the relationship', () => {
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

  it('shows a done action only when it was just seen to finish', () => {
    const done = person({ action: { id: 9, kind: 'follow', status: 'done' } });
    expect(statusOf(done)).toBeNull();
    renderWithApi(new InMemoryRapportApi({ accounts: [sampleAccount()] }), <CardStatus card={done} accountId={1} />);
    act(() => useActionsStore.getState().changed(1, [9], [done.personId]));
    expect(screen.getByTestId('card-status').getAttribute('data-status')).toBe('done');
    expect(screen.getByTestId('card-status').textContent).toBe('Followed');
  });

  it('gives a failed action its reason and a retry button', async () => {
    const api = new InMemoryRapportApi({ accounts: [sampleAccount({ network: 'bluesky' })] });
    const failed = api.outbox.seed({
      accountId: 1,
      personId: 1,
      kind: 'follow',
      status: 'failed',
      error: { code: 'NETWORK_ERROR', message: 'Bluesky refused the follow (HTTP 400).' },
      attempts: 3,
      createdAt: '2026-01-01T00:00:00Z',
      updatedAt: '2026-01-01T00:00:00Z',
      sentAt: null,
      nextAttemptAt: null,
    });
    const card = person({ action: { id: failed.id, kind: 'follow', status: 'failed', error: failed.error } });
    renderWithApi(api, <CardStatus card={card} accountId={1} />);
    const status = screen.getByTestId('card-status');
    expect(status.getAttribute('data-status')).toBe('failed');
    expect(status.getAttribute('title')).toBe('Bluesky refused the follow (HTTP 400).');
    fireEvent.click(screen.getByRole('button', { name: 'Retry follow for Ada' }));
    await waitFor(() => expect(api.callsOf('retryAction')).toEqual([{ actionId: failed.id }]));
  });

  it('says when I last wrote to them', () => {
    const wrote = new Date(Date.now() - 3 * 86_400_000 - 60_000).toISOString();
    renderWithApi(new InMemoryRapportApi({ accounts: [sampleAccount()] }), <CardStatus card={person({ lastMessageAt: wrote })} accountId={1} />);
    expect(screen.getByTestId('card-wrote').textContent).toBe('wrote 3 d ago');
  });
});
