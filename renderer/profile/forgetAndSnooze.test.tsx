// Forget and snooze say what they did. Forgetting a decided person says the decision is kept (and
// core keeps exactly that); "Forget completely" keeps nothing. A snooze shows a toast whose Undo
// ends it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { closeAllCoreApis, type CoreApi } from '../../test/renderer/coreApi';
import { withCoreDatabase } from '../../test/renderer/coreDatabase';
import { coreWithPeople } from '../../test/renderer/seedCore';
import { renderWithApi, stubLayout } from '../../test/renderer/renderWithApi';

let restoreLayout: () => void;
beforeEach(() => {
  restoreLayout = stubLayout(900, 1200);
});
afterEach(async () => {
  cleanup();
  restoreLayout();
  delete window.rapport;
  await closeAllCoreApis();
});

const cardsIn = (stage: string): HTMLElement[] => within(screen.getByTestId(`list-${stage}`)).queryAllByTestId('card');
const toastTexts = (): string[] => screen.queryAllByTestId('toast').map((toast) => toast.textContent ?? '');
const tombstones = (api: CoreApi) => withCoreDatabase(api, (db) => db.prepare('SELECT remote_id AS remoteId, stage FROM forgotten_decisions').all());

async function openProfile(api: CoreApi, stage: string, name: string): Promise<HTMLElement> {
  await waitFor(() => expect(cardsIn(stage).length).toBeGreaterThan(0), { timeout: 10_000 });
  fireEvent.click(cardsIn(stage).find((card) => card.textContent?.includes(name))!);
  return screen.findByRole('dialog', { name: `Profile of ${name}` }, { timeout: 10_000 });
}

async function forget(drawer: HTMLElement, completely: boolean): Promise<HTMLElement> {
  fireEvent.click(await within(drawer).findByRole('button', { name: 'Forget this person' }));
  const dialog = await screen.findByRole('dialog', { name: /^Forget / });
  if (completely) fireEvent.click(within(dialog).getByRole('checkbox', { name: /Forget completely/ }));
  return dialog;
}

describe('forget and snooze', () => {
  it('forgetting a Declined person says the decision is kept, and core keeps only that', async () => {
    const api = await coreWithPeople([2, 'declined']);
    renderWithApi(api);
    const dialog = await forget(await openProfile(api, 'declined', 'Person 1'), false);
    expect(dialog.textContent).toContain('keeps only their network id and that you put them in Declined');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Forget' }));
    await waitFor(() => expect(toastTexts()).toEqual([expect.stringContaining('Forgot Person 1 · kept only that they are in Declined')]));
    expect(tombstones(api)).toEqual([{ remoteId: 'sample:1', stage: 'declined' }]);
  });

  it('"Forget completely" is explicit and keeps nothing', async () => {
    const api = await coreWithPeople([2, 'declined']);
    renderWithApi(api);
    const dialog = await forget(await openProfile(api, 'declined', 'Person 2'), true);
    expect(dialog.textContent).toContain('a later sync may list them again in New');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Forget completely' }));
    await waitFor(() => expect(toastTexts()).toEqual([expect.stringContaining('Forgot Person 2 completely')]));
    expect(tombstones(api)).toEqual([]);
  });

  it('a snooze says until when, and its Undo ends it', async () => {
    const api = await coreWithPeople([3]);
    renderWithApi(api);
    const drawer = await openProfile(api, 'new', 'Person 1');
    fireEvent.click(within(drawer).getByRole('button', { name: 'Snooze…' }));
    fireEvent.click(await within(drawer).findByRole('menuitem', { name: '7 days' }));
    await waitFor(() => expect(toastTexts()).toEqual([expect.stringMatching(/Snoozed Person 1 until \w+ \d+, \d{4}/)]));
    await waitFor(() => expect(screen.getByTestId('count-new').textContent).toBe('2'));
    fireEvent.click(within(screen.getByTestId('toast')).getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(toastTexts()).toEqual([expect.stringContaining('Snooze ended: Person 1 is back in New')]));
    const profile = await api.core.call('getProfile', { accountId: 1, personId: 1 });
    expect(profile.ok && (profile.value as { snoozedUntil?: unknown }).snoozedUntil).toBeFalsy();
    await waitFor(() => expect(screen.getByTestId('count-new').textContent).toBe('3'));
  });
});
