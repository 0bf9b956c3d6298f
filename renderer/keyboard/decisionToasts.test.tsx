// Every decision says what it did in a toast with Undo, wherever it was taken; e/c/d with nothing
// selected act on the first card of New; the last decisions survive a reload; the profile drawer
// decides too. Against a real core: where people end up is read back from core.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { closeAllCoreApis, failNext, openCoreApi, type CoreApi } from '../../test/renderer/coreApi';
import { withCoreDatabase } from '../../test/renderer/coreDatabase';
import { coreWithPeople, seedAccount, seedPeople, stagesOf } from '../../test/renderer/seedCore';
import { renderWithApi, stubLayout } from '../../test/renderer/renderWithApi';
import { reloadDecisions } from './decisionHistory';
import { clearMoveHistory } from './triageMoves';

let restoreLayout: () => void;
beforeEach(() => {
  restoreLayout = stubLayout();
  clearMoveHistory();
});
afterEach(async () => {
  cleanup();
  restoreLayout();
  delete window.rapport;
  await closeAllCoreApis();
});

const cardsIn = (stage: string): HTMLElement[] => within(screen.getByTestId(`list-${stage}`)).queryAllByTestId('card');
const press = (key: string): void => void fireEvent.keyDown(document.activeElement ?? document.body, { key });
const toastTexts = (): string[] => screen.queryAllByTestId('toast').map((toast) => toast.textContent ?? '');

async function boardWith(...groups: Parameters<typeof coreWithPeople>): Promise<CoreApi> {
  const api = await coreWithPeople(...groups);
  renderWithApi(api);
  await waitFor(() => expect(screen.getByTestId('count-new').textContent).toBe(String(groups[0]?.[1] === undefined || groups[0]?.[1] === 'new' ? groups[0]?.[0] : 0)));
  return api;
}

describe('decisions say what they did', () => {
  it('d with nothing selected declines the first card of New, says so, and Undo puts it back', async () => {
    const api = await boardWith([4]);
    await waitFor(() => expect(cardsIn('new')).toHaveLength(4));
    press('d');
    await waitFor(() => expect(toastTexts()).toEqual([expect.stringContaining('Moved Person 1 to Declined')]));
    expect(await stagesOf(api, [1, 2])).toEqual(['declined', 'new']);
    const toast = screen.getByTestId('toast');
    fireEvent.click(within(toast).getByRole('button', { name: /Undo/ }));
    await waitFor(() => expect(toastTexts()).toEqual([expect.stringContaining('Undid: Person 1 is back in New')]));
    expect(await stagesOf(api, [1])).toEqual(['new']);
  });

  it('says why not when New is empty', async () => {
    await boardWith([2, 'evaluated']);
    press('e');
    await waitFor(() => expect(toastTexts()).toEqual([expect.stringContaining('Nobody is waiting in New')]));
  });

  it('u pressed before core has stored the move puts back that move, not the one before it', async () => {
    const api = await boardWith([3]);
    await waitFor(() => expect(cardsIn('new')).toHaveLength(3));
    press('e');
    await waitFor(() => expect(toastTexts()).toEqual([expect.stringContaining('Moved Person 1 to Evaluated')]));
    // A slip and its quick fix: both keys before core has answered the first.
    press('d');
    press('u');
    await waitFor(() => expect(toastTexts()).toContainEqual(expect.stringContaining('Undid: Person 2 is back in New')));
    expect(await stagesOf(api, [1, 2, 3])).toEqual(['evaluated', 'new', 'new']);
  });

  it('u pressed while a move is on its way that then fails says there is nothing to undo', async () => {
    const api = await boardWith([2]);
    await waitFor(() => expect(cardsIn('new')).toHaveLength(2));
    failNext(api, 'moveCard', () => Promise.resolve({ ok: false, error: { code: 'OFFLINE', message: 'Rapport is offline.' } }));
    press('d');
    press('u');
    await waitFor(() => expect(toastTexts()).toContainEqual(expect.stringContaining('Nothing to undo: Person 1 was not moved')));
    expect(await stagesOf(api, [1, 2])).toEqual(['new', 'new']);
    expect(api.callsOf('moveCard')).toHaveLength(1);
  });

  it('keeps the last decisions across a reload: u still undoes them', async () => {
    const api = await boardWith([3]);
    await waitFor(() => expect(cardsIn('new')).toHaveLength(3));
    press('e');
    await waitFor(() => expect(screen.getByTestId('count-evaluated').textContent).toBe('1'));
    press('d');
    await waitFor(() => expect(screen.getByTestId('count-declined').textContent).toBe('1'));
    expect(await stagesOf(api, [1, 2])).toEqual(['evaluated', 'declined']);

    // A reload: the page's modules start over, only storage and core remain.
    cleanup();
    reloadDecisions();
    renderWithApi(api);
    await waitFor(() => expect(screen.getByTestId('count-new').textContent).toBe('1'));
    press('u');
    await waitFor(() => expect(screen.getByTestId('count-new').textContent).toBe('2'));
    press('u');
    await waitFor(() => expect(screen.getByTestId('count-new').textContent).toBe('3'));
    expect(await stagesOf(api, [1, 2])).toEqual(['new', 'new']);
  });

  it('undoing a Connected whose follow was sent since asks whether to unfollow', async () => {
    // A network that follows (Bluesky); person 1 is not followed yet, so c queues a follow.
    const api = await openCoreApi();
    const account = await seedAccount(api, { network: 'bluesky', handle: 'me.bsky.social' });
    seedPeople(api, 3, { accountId: account.id });
    renderWithApi(api);
    await waitFor(() => expect(cardsIn('new')).toHaveLength(3));
    press('c');
    await waitFor(() => expect(screen.getByTestId('count-connected').textContent).toBe('1'));
    // The follow went out meanwhile: core now says I follow them, and nothing is queued.
    withCoreDatabase(api, (db) => {
      db.prepare('UPDATE relationships SET i_follow = 1 WHERE account_id = ? AND person_id = 1').run(account.id);
      db.prepare('DELETE FROM outbox WHERE account_id = ? AND person_id = 1').run(account.id);
    });
    press('u');
    const question = await screen.findByRole('alertdialog', { name: 'Unfollow Person 1?' });
    fireEvent.click(within(question).getByRole('button', { name: 'Keep following' }));
    await waitFor(() => expect(screen.getByTestId('count-new').textContent).toBe('3'));
    expect(await stagesOf(api, [1], account.id)).toEqual(['new']);
    expect(api.callsOf('moveCard').at(-1)).toEqual({ accountId: account.id, personId: 1, stage: 'new', unfollow: false });
  });

  it('decides from the profile drawer, by key and by button', async () => {
    const api = await boardWith([3]);
    await waitFor(() => expect(cardsIn('new')).toHaveLength(3));
    fireEvent.click(cardsIn('new')[0]!);
    const drawer = await screen.findByRole('dialog', { name: 'Profile of Person 1' });
    await within(drawer).findByRole('group', { name: 'Decision' });
    fireEvent.keyDown(drawer, { key: 'd' });
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Profile of Person 1' })).toBeNull());
    await waitFor(() => expect(toastTexts()).toEqual([expect.stringContaining('Moved Person 1 to Declined')]));

    await waitFor(() => expect(cardsIn('new')).toHaveLength(2));
    fireEvent.click(cardsIn('new')[0]!);
    const second = await screen.findByRole('dialog', { name: 'Profile of Person 2' });
    fireEvent.click(await within(second).findByRole('button', { name: /^Evaluated/ }));
    await waitFor(() => expect(screen.getByTestId('count-evaluated').textContent).toBe('1'));
    expect(await stagesOf(api, [1, 2, 3])).toEqual(['declined', 'evaluated', 'new']);
  });

  it('carries out a key pressed while the drawer is still loading the profile, once it has loaded', async () => {
    const api = await boardWith([2]);
    await waitFor(() => expect(cardsIn('new')).toHaveLength(2));
    fireEvent.click(cardsIn('new')[0]!);
    // The drawer opens at once; the profile arrives from core a moment later.
    const drawer = screen.getByRole('dialog', { name: 'Profile of Person 1' });
    expect(within(drawer).queryByRole('group', { name: 'Decision' })).toBeNull();
    fireEvent.keyDown(drawer, { key: 'd' });
    expect(within(drawer).getByRole('status').textContent).toBe('Loading profile… then moving to Declined.');
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Profile of Person 1' })).toBeNull());
    await waitFor(() => expect(toastTexts()).toEqual([expect.stringContaining('Moved Person 1 to Declined')]));
    expect(await stagesOf(api, [1, 2])).toEqual(['declined', 'new']);
  });

  it('still decides from the drawer when focus has fallen to the page', async () => {
    const api = await boardWith([2]);
    await waitFor(() => expect(cardsIn('new')).toHaveLength(2));
    fireEvent.click(cardsIn('new')[0]!);
    const drawer = await screen.findByRole('dialog', { name: 'Profile of Person 1' });
    await within(drawer).findByRole('group', { name: 'Decision' });
    // The element holding focus went away: the page itself has it, and the rest is inert.
    (document.activeElement as HTMLElement | null)?.blur();
    expect(document.activeElement).toBe(document.body);
    fireEvent.keyDown(document.body, { key: 'e' });
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Profile of Person 1' })).toBeNull());
    await waitFor(async () => expect(await stagesOf(api, [1, 2])).toEqual(['evaluated', 'new']));
  });
});
