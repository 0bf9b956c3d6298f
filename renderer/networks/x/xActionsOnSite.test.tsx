// On X the window opens X's own page for a follow (a decision to Connected) and then lets the
// person say they did it there: "Opened on X — mark done" on the card, by click or the `y` key.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import type { Account } from '../../../shared/domain';
import { closeAllCoreApis, openCoreApi, type CoreApi } from '../../../test/renderer/coreApi';
import { cardFromCore } from '../../../test/renderer/coreCards';
import { withCoreDatabase } from '../../../test/renderer/coreDatabase';
import { seedAccount, seedPeople } from '../../../test/renderer/seedCore';
import { renderWithApi } from '../../../test/renderer/renderWithApi';
import { useAccountsStore } from '../../stores/accountsStore';
import { CardStatus } from '../../actions/CardStatus';
import { decide } from '../../keyboard/triageMoves';

afterEach(async () => {
  cleanup();
  vi.restoreAllMocks();
  delete window.rapport;
  useAccountsStore.setState({ accounts: [] });
  await closeAllCoreApis();
});

/** An X account with one follower known by X's numeric id. */
async function xCore(): Promise<{ api: CoreApi; account: Account }> {
  const api = await openCoreApi();
  const account = await seedAccount(api, { network: 'x', handle: 'rapport_me' });
  seedPeople(api, 1);
  withCoreDatabase(api, (db) => db.prepare("UPDATE people SET network = 'x', remote_id = '1010' WHERE id = 1").run());
  return { api, account };
}

/** The window knows the account (as after listAccounts), once the test's render reset the stores. */
function accountsLoaded(account: Account): void {
  act(() => useAccountsStore.setState({ accounts: [account] }));
}

describe('following on X’s own page', () => {
  it('a decision to Connected opens X’s follow page for that person, once, and nothing else', async () => {
    const { api, account } = await xCore();
    renderWithApi(api, <></>);
    accountsLoaded(account);
    const opened = vi.spyOn(window, 'open').mockImplementation(() => null);
    const card = await cardFromCore(api, 1);
    expect(await decide(1, card, 'new', 'connected', { focusNext: false })).toBe(true);
    expect(opened.mock.calls).toEqual([['https://x.com/intent/follow?user_id=1010', '_blank', 'noopener,noreferrer']]);
    // Deciding someone to Evaluated opens nothing.
    seedPeople(api, 1, { firstId: 2 });
    await decide(1, await cardFromCore(api, 2), 'new', 'evaluated', { focusNext: false });
    expect(opened).toHaveBeenCalledTimes(1);
  });

  it('the card says “Opened on X — mark done”, and the click records the follow in core', async () => {
    const { api, account } = await xCore();
    renderWithApi(api, <></>);
    accountsLoaded(account);
    vi.spyOn(window, 'open').mockImplementation(() => null);
    await decide(1, await cardFromCore(api, 1), 'new', 'connected', { focusNext: false });
    cleanup();
    const card = { ...(await cardFromCore(api, 1)), displayName: 'Ada' };
    renderWithApi(api, <CardStatus card={card} accountId={1} />);
    accountsLoaded(account);
    const status = screen.getByTestId('card-status');
    expect(status.getAttribute('data-status')).toBe('opened');
    expect(status.textContent).toBe('Opened on X — mark done');
    fireEvent.click(screen.getByRole('button', { name: 'Mark follow for Ada done on X' }));
    await waitFor(async () => expect((await cardFromCore(api, 1)).iFollow).toBe(true));
    expect(api.callsOf('markActionDone')).toEqual([{ actionId: card.action?.id }]);
    expect((await cardFromCore(api, 1)).action).toMatchObject({ kind: 'follow', status: 'done' });
  });
});
