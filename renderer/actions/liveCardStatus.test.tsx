import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import { InMemoryRapportApi, makePeople, sampleAccount } from '../testing/inMemoryRapportApi';
import { renderWithApi, stubLayout } from '../testing/renderWithApi';

let restoreLayout: () => void;
beforeEach(() => {
  restoreLayout = stubLayout();
});
afterEach(() => {
  cleanup();
  restoreLayout();
  delete window.rapport;
});

function cardOf(personId: number): HTMLElement {
  const card = screen.getAllByTestId('card').find((el) => el.getAttribute('data-person-id') === String(personId));
  if (!card) throw new Error(`no card ${personId}`);
  return card;
}

describe('card status follows the outbox', () => {
  it('re-reads the card when core reports its action changed: queued, then done', async () => {
    const people = makePeople(3, 'connected').map((card) => (card.personId === 2 ? { ...card, action: { id: 5, kind: 'follow' as const, status: 'queued' as const } } : card));
    const api = new InMemoryRapportApi({ accounts: [sampleAccount({ network: 'bluesky' })], people });
    renderWithApi(api);
    await waitFor(() => expect(within(cardOf(2)).getByTestId('card-status').getAttribute('data-status')).toBe('queued'));

    api.people = api.people.map((card) => (card.personId === 2 ? { ...card, iFollow: true, action: { id: 5, kind: 'follow', status: 'done' } } : card));
    act(() => api.emit('outbox.changed', { accountId: 1, actionIds: [5], personIds: [2] }));
    await waitFor(() => expect(within(cardOf(2)).getByTestId('card-status').getAttribute('data-status')).toBe('done'));
    expect(within(cardOf(2)).getByTestId('card-status').textContent).toBe('Followed');
    expect(within(cardOf(1)).queryByTestId('card-status')).toBeNull();
  });
});
