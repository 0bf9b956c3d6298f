// The window's network registry agrees with the contract's: every network core can sign in to
// has an entry, named as the contract names it, and the entries drive the sign-in choices.
import { describe, expect, it } from 'vitest';
import { NETWORK_CONTRACTS } from '../../shared/api/networks';
import type { Account } from '../../shared/domain';
import { NETWORK_UIS, SIGN_IN_UIS, WELCOME_UIS, accountLabel, uiOf } from './registry';

describe('network registry of the window', () => {
  it('has one entry per network of the contract, with the contract’s label', () => {
    expect(NETWORK_UIS.map((ui) => ui.id)).toEqual(NETWORK_CONTRACTS.map((n) => n.id));
    for (const contract of NETWORK_CONTRACTS) expect(uiOf(contract.id).label).toBe(contract.label);
  });

  it('lets every network be signed in to: with a form in the dialog, or at once from the welcome screen', () => {
    for (const ui of NETWORK_UIS) expect(Boolean(ui.SignInForm) || Boolean(ui.signInWithoutForm && ui.welcome)).toBe(true);
    expect(SIGN_IN_UIS.map((ui) => ui.id)).toEqual(NETWORK_UIS.filter((ui) => ui.SignInForm).map((ui) => ui.id));
    const orders = WELCOME_UIS.map((ui) => ui.welcome?.order ?? 0);
    expect(orders).toEqual([...orders].sort((a, b) => a - b));
  });

  it('names an account by handle and network', () => {
    const account: Account = { id: 1, network: 'bluesky', remoteId: 'did:plc:ada', handle: 'ada.bsky.social', displayName: 'Ada', serverUrl: null, createdAt: '2026-01-01T00:00:00Z', lastSyncedAt: null };
    expect(accountLabel(account)).toBe('@ada.bsky.social · Bluesky');
    expect(accountLabel({ ...account, network: 'sample', handle: 'you.sample' })).toBe('@you.sample · Sample data');
  });
});
