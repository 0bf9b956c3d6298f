import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { closeAllCoreApis, openCoreApi, type CoreApi } from '../../test/renderer/coreApi';
import { withCoreDatabase } from '../../test/renderer/coreDatabase';
import { cardFromCore } from '../../test/renderer/coreCards';
import { seedAccount, seedPeople, type SeedAccount } from '../../test/renderer/seedCore';
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

const bluesky: SeedAccount = { network: 'bluesky', handle: 'me.bsky.social' };
const sample: SeedAccount = {};

/** `count` people in Connected; I follow them unless `iFollow` is false. */
function connected(count: number, iFollow = true) {
  return { count, iFollow };
}

async function moveWithMenu(name: string, to: string): Promise<void> {
  fireEvent.click(await screen.findByRole('button', { name: `Move ${name} to…` }));
  fireEvent.click(within(screen.getByRole('menu')).getByRole('menuitem', { name: new RegExp(`^${to}`) }));
}

async function renderBoard(account: SeedAccount, people: { count: number; iFollow: boolean }): Promise<CoreApi> {
  const api = await openCoreApi();
  await seedAccount(api, account);
  seedPeople(api, people.count, { stage: 'connected' });
  withCoreDatabase(api, (db) => db.prepare('UPDATE relationships SET i_follow = ?').run(people.iFollow ? 1 : 0));
  renderWithApi(api);
  return api;
}

/** Where core has the person now (read as the people list does, without opening the profile). */
async function stageOf(api: CoreApi, personId: number): Promise<string> {
  return (await cardFromCore(api, personId)).stage;
}

describe('Unfollow confirmation', () => {
  it('asks before a card I follow leaves Connected; "Unfollow" moves it and asks core to unfollow', async () => {
    const api = await renderBoard(bluesky, connected(3));
    await moveWithMenu('Person 1', 'Declined');
    const dialog = screen.getByRole('alertdialog', { name: 'Unfollow Person 1?' });
    expect(api.callsOf('moveCard')).toEqual([]);
    // Unfollowing is never the default answer.
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Keep following' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Unfollow' }));
    await waitFor(() => expect(api.callsOf('moveCard')).toEqual([{ accountId: 1, personId: 1, stage: 'declined', unfollow: true }]));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(await stageOf(api, 1)).toBe('declined');
    // Core queued the unfollow with the move.
    const actions = await api.core.call('listActions', { accountId: 1, personId: 1 });
    expect(actions.ok && actions.value).toEqual([expect.objectContaining({ kind: 'unfollow' })]);
  });

  it('"Keep following" still moves the card, without an unfollow', async () => {
    const api = await renderBoard(bluesky, connected(3));
    await moveWithMenu('Person 2', 'Evaluated');
    fireEvent.click(within(screen.getByRole('alertdialog', { name: 'Unfollow Person 2?' })).getByRole('button', { name: 'Keep following' }));
    await waitFor(() => expect(api.callsOf('moveCard')).toEqual([{ accountId: 1, personId: 2, stage: 'evaluated', unfollow: false }]));
    expect(await stageOf(api, 2)).toBe('evaluated');
    expect(await api.core.call('listActions', { accountId: 1, personId: 2 })).toEqual({ ok: true, value: [] });
  });

  it('Escape leaves the card where it was', async () => {
    const api = await renderBoard(bluesky, connected(3));
    await moveWithMenu('Person 3', 'New');
    fireEvent.keyDown(screen.getByRole('alertdialog', { name: 'Unfollow Person 3?' }), { key: 'Escape' });
    expect(screen.queryByRole('alertdialog')).toBeNull();
    await waitFor(() => expect(within(screen.getByTestId('list-connected')).getAllByTestId('card')).toHaveLength(3));
    expect(api.callsOf('moveCard')).toEqual([]);
    expect(await stageOf(api, 3)).toBe('connected');
  });

  it('asks nothing for someone I do not follow', async () => {
    const api = await renderBoard(bluesky, connected(1, false));
    await moveWithMenu('Person 1', 'Declined');
    await waitFor(() => expect(api.callsOf('moveCard')).toEqual([{ accountId: 1, personId: 1, stage: 'declined' }]));
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('asks on sample data too, where the unfollow is simulated through the outbox', async () => {
    const onSample = await renderBoard(sample, connected(3));
    await moveWithMenu('Person 1', 'Declined');
    fireEvent.click(within(screen.getByRole('alertdialog', { name: 'Unfollow Person 1?' })).getByRole('button', { name: 'Unfollow' }));
    await waitFor(() => expect(onSample.callsOf('moveCard')).toEqual([{ accountId: 1, personId: 1, stage: 'declined', unfollow: true }]));
  });
});
