// X bills reads: on an X account read through the person's own developer app, the Sync now button
// says what a sync will read (core's estimate, asked again after each sync); on networks that do
// not bill reads the window never asks.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { FakeXApi } from '../../test/fakes/x/fakeXApi';
import { closeAllCoreApis, type CoreApi } from '../../test/renderer/coreApi';
import { renderWithApi, stubLayout } from '../../test/renderer/renderWithApi';
import { openSignInCoreApi, removeSignInKeys } from '../../test/renderer/signInCoreApi';
import { seedAccount } from '../../test/renderer/seedCore';

const TOKEN = 'AAAAAAAAAAAAAAAAAAAAAfakeBearerToken0123456789';
let fake: FakeXApi;
let api: CoreApi;
let restoreLayout: () => void;

beforeEach(async () => {
  restoreLayout = stubLayout();
  fake = new FakeXApi();
  fake.state.addUser('4242', { username: 'rapport_me', name: 'Me Myself', public_metrics: { followers_count: 3, following_count: 1, tweet_count: 1, listed_count: 0 } });
  fake.state.setFollowers('4242', ['101', '102', '103']);
  fake.state.setFollowing('4242', ['103']);
  fake.state.issueAppToken(TOKEN);
  await fake.start();
  api = await openSignInCoreApi({ apiOrigins: { x: fake.url } });
});
afterEach(async () => {
  cleanup();
  restoreLayout();
  delete window.rapport;
  await closeAllCoreApis();
  removeSignInKeys();
  await fake.stop();
});

describe('the Sync now button on a network that bills reads', () => {
  it('says how many users a sync will read from X, and asks again once a sync has ended', async () => {
    const signedIn = await api.core.call('beginSignIn', { network: 'x', bearerToken: TOKEN, username: 'rapport_me', monthlyReadCap: 10_000 });
    expect(signedIn.ok).toBe(true);
    renderWithApi(api);
    const button = await screen.findByRole('button', { name: 'Sync now' });
    await waitFor(() =>
      expect(button.getAttribute('title')).toBe(
        'A full sync reads up to 5 users from X (3 followers, 1 following, your account); 1 of your 10,000 monthly cap read this month.',
      ),
    );
    const asked = api.callsOf('getSyncReadEstimate').length;

    fireEvent.click(button);
    await waitFor(() => expect(fake.countOf('GET /2/users/:id/followers')).toBe(1));
    const after = await screen.findByRole('button', { name: 'Sync now' }, { timeout: 10_000 });
    await waitFor(() => expect(api.callsOf('getSyncReadEstimate').length).toBeGreaterThan(asked));
    // The month's reads now count that sync's five users.
    await waitFor(() => expect(after.getAttribute('title')).toMatch(/; 6 of your 10,000 monthly cap read this month\.$/));
  });

  it('never asks on a network that does not bill reads: the button says when it last synced', async () => {
    await seedAccount(api, { network: 'bluesky', handle: 'ada.bsky.social', lastSyncedAt: '2026-01-01T00:00:00Z' });
    renderWithApi(api);
    const button = await screen.findByRole('button', { name: 'Sync now' });
    expect(button.getAttribute('title')).toMatch(/^Synced /);
    expect(api.callsOf('getSyncReadEstimate')).toEqual([]);
  });
});
