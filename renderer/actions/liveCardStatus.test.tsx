import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import { closeAllCoreApis, openCoreApi } from '../../test/renderer/coreApi';
import { seedAccount, seedPeople } from '../../test/renderer/seedCore';
import { completeFollow, seedAction } from '../../test/renderer/seedOutbox';
import { renderWithApi, stubLayout } from '../../test/renderer/renderWithApi';

let restoreLayout: () => void;
beforeEach(() => {
  restoreLayout = stubLayout();
});
afterEach(async () => {
  cleanup();
  restoreLayout();
  delete window.rapport;
  await closeAllCoreApis();
});

function cardOf(personId: number): HTMLElement {
  const card = screen.getAllByTestId('card').find((el) => el.getAttribute('data-person-id') === String(personId));
  if (!card) throw new Error(`no card ${personId}`);
  return card;
}

describe('card status follows the outbox', () => {
  it('re-reads the card when core reports its action changed: queued, then done', async () => {
    const api = await openCoreApi();
    await seedAccount(api, { network: 'bluesky', handle: 'me.bsky.social' });
    seedPeople(api, 3, { stage: 'connected' });
    const follow = seedAction(api, { personId: 2, kind: 'follow', status: 'queued' });
    renderWithApi(api);
    await waitFor(() => expect(within(cardOf(2)).getByTestId('card-status').getAttribute('data-status')).toBe('queued'));

    // The network took the follow: core's database says so, and the worker's event announces it.
    completeFollow(api, follow);
    act(() => api.emit('outbox.changed', { accountId: 1, actionIds: [follow], personIds: [2] }));
    await waitFor(() => expect(within(cardOf(2)).getByTestId('card-status').getAttribute('data-status')).toBe('done'));
    expect(within(cardOf(2)).getByTestId('card-status').textContent).toBe('Followed');
    expect(within(cardOf(1)).queryByTestId('card-status')).toBeNull();
  });
});
