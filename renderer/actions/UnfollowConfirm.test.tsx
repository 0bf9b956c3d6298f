import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Account, PersonCard } from '../../shared/domain';
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

const bluesky = sampleAccount({ network: 'bluesky', handle: 'me.bsky.social' });

function followedConnected(): PersonCard[] {
  return makePeople(3, 'connected').map((card) => ({ ...card, iFollow: true }));
}

async function moveWithMenu(name: string, to: string): Promise<void> {
  fireEvent.click(await screen.findByRole('button', { name: `Move ${name} to…` }));
  fireEvent.click(within(screen.getByRole('menu')).getByRole('menuitem', { name: new RegExp(`^${to}`) }));
}

function renderBoard(account: Account, people: PersonCard[]): InMemoryRapportApi {
  const api = new InMemoryRapportApi({ accounts: [account], people });
  renderWithApi(api);
  return api;
}

function stageOf(api: InMemoryRapportApi, personId: number): string | undefined {
  return api.people.find((p) => p.personId === personId)?.stage;
}

describe('Unfollow confirmation', () => {
  it('asks before a card I follow leaves Connected; "Unfollow" moves it and asks core to unfollow', async () => {
    const api = renderBoard(bluesky, followedConnected());
    await moveWithMenu('Person 1', 'Declined');
    const dialog = screen.getByRole('alertdialog', { name: 'Unfollow Person 1?' });
    expect(api.callsOf('moveCard')).toEqual([]);
    // Unfollowing is never the default answer.
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Keep following' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Unfollow' }));
    await waitFor(() => expect(api.callsOf('moveCard')).toEqual([{ accountId: 1, personId: 1, stage: 'declined', unfollow: true }]));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(stageOf(api, 1)).toBe('declined');
  });

  it('"Keep following" still moves the card, without an unfollow', async () => {
    const api = renderBoard(bluesky, followedConnected());
    await moveWithMenu('Person 2', 'Evaluated');
    fireEvent.click(within(screen.getByRole('alertdialog', { name: 'Unfollow Person 2?' })).getByRole('button', { name: 'Keep following' }));
    await waitFor(() => expect(api.callsOf('moveCard')).toEqual([{ accountId: 1, personId: 2, stage: 'evaluated', unfollow: false }]));
    expect(stageOf(api, 2)).toBe('evaluated');
  });

  it('Escape leaves the card where it was', async () => {
    const api = renderBoard(bluesky, followedConnected());
    await moveWithMenu('Person 3', 'New');
    fireEvent.keyDown(screen.getByRole('alertdialog', { name: 'Unfollow Person 3?' }), { key: 'Escape' });
    expect(screen.queryByRole('alertdialog')).toBeNull();
    await waitFor(() => expect(within(screen.getByTestId('list-connected')).getAllByTestId('card')).toHaveLength(3));
    expect(api.callsOf('moveCard')).toEqual([]);
  });

  it('asks nothing for someone I do not follow, nor on the sample network', async () => {
    const notFollowed = makePeople(1, 'connected').map((card) => ({ ...card, iFollow: false }));
    const api = renderBoard(bluesky, notFollowed);
    await moveWithMenu('Person 1', 'Declined');
    await waitFor(() => expect(api.callsOf('moveCard')).toEqual([{ accountId: 1, personId: 1, stage: 'declined' }]));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    cleanup();

    const sample = renderBoard(sampleAccount(), followedConnected());
    await moveWithMenu('Person 1', 'Declined');
    await waitFor(() => expect(sample.callsOf('moveCard')).toEqual([{ accountId: 1, personId: 1, stage: 'declined' }]));
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });
});
