// Issue 5's sign-in, end to end in Chromium: a Mastodon account added through the "Add account"
// dialog against the fake Mastodon on 127.0.0.1. The spec plays the system browser with an HTTP
// client: it opens the authorize URL the dialog shows, the fake approves at once and redirects to
// core's loopback server, and the dialog's wait ends with the new account, which then syncs.
// (The wrong-PKCE-verifier case is core-level: test/core/mastodon*.test.ts.)
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account, StageCounts } from '../../shared/domain';
import { FakeMastodon } from '../fakes/mastodon/fakeMastodon';
import { stageCountsFromDb } from './boardDb';
import { cardsIn, countsOnScreen } from './boardPage';
import type { HarnessFixture } from './harnessFixture';
import { openHarnessPage, pressOnWelcome } from './harnessPage';
import type { HarnessPage } from './harnessPage';
import { playBrowser } from './mastodonSignInSteps';

const FOLLOWERS = 45;
const FOLLOWING = 12;
/** 3 of the 12 accounts I follow follow back: they start in Connected. */
const MUTUAL_SHARE = 0.25;

let fake: FakeMastodon;
let fixture: HarnessFixture;
let session: HarnessPage | undefined;
let page: Page;
/** URLs on the fake that the page itself (window.open) tried to load. */
const browserRequests: string[] = [];

/** What the board must show for the fake's graph: followers I follow back in Connected, the rest in New. */
function expectedCounts(): StageCounts {
  const followers = fake.state.followers.filter((edge) => !fake.state.accounts.get(edge.accountId)?.suspended);
  const mutuals = followers.filter((edge) => fake.state.isFollowing(edge.accountId)).length;
  return { new: followers.length - mutuals, evaluated: 0, connected: mutuals, declined: 0 };
}

async function openMastodonTab(): Promise<ReturnType<Page['getByRole']>> {
  const dialog = page.getByRole('dialog', { name: 'Add account' });
  await dialog.waitFor({ state: 'visible' });
  const tab = dialog.getByRole('tab', { name: 'Mastodon' });
  if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click();
  return dialog;
}

/** The authorize URL the dialog shows once core has registered with the fake and prepared PKCE. */
async function authorizeUrlShown(dialog: ReturnType<Page['getByRole']>): Promise<string> {
  const link = dialog.getByTestId('mastodon-authorize-url');
  await link.waitFor({ state: 'visible', timeout: 20_000 });
  const href = await link.getAttribute('href');
  if (!href) throw new Error('the authorize link has no href');
  return href;
}

beforeAll(async () => {
  fake = new FakeMastodon({ username: 'me', domain: 'fake.mastodon.test' });
  fake.state.generate({ followers: FOLLOWERS, following: FOLLOWING, mutualShare: MUTUAL_SHARE, lockedShare: 0, seed: 21 });
  await fake.start();
  session = await openHarnessPage({
    harness: { coreOptions: { allowLoopbackHttp: true } },
    // The page's window.open would reach the fake too; the spec alone plays the browser, so those
    // requests are recorded and refused.
    prepareContext: async (context) => {
      await context.route(`${fake.url}/**`, async (route) => {
        browserRequests.push(route.request().url());
        await route.abort();
      });
    },
  });
  ({ fixture, page } = session);
});

afterAll(async () => {
  await session?.close();
  await fake?.stop();
});

describe('Mastodon sign-in through the Add account dialog', () => {
  it('says so in the dialog, and stores nothing, when the user declines on the server', async () => {
    await pressOnWelcome(page, fixture.harness.appUrl, 'Add Mastodon account');
    const dialog = await openMastodonTab();

    await dialog.getByLabel('Instance').fill(fake.url);
    await dialog.getByRole('checkbox', { name: 'Mirror my notes to Mastodon' }).check();
    await dialog.getByRole('button', { name: 'Continue in browser' }).click();
    const href = await authorizeUrlShown(dialog);
    await dialog.getByText('Waiting for the browser…').waitFor({ state: 'visible' });

    fake.knobs.denyAuthorization = true;
    const visit = await playBrowser(href);
    fake.knobs.denyAuthorization = false;
    expect(visit.callback.searchParams.get('error')).toBe('access_denied');

    const alert = dialog.getByRole('alert');
    await alert.waitFor({ state: 'visible', timeout: 20_000 });
    expect((await alert.innerText()).trim()).toBe('You declined access on your Mastodon server.');
    expect(await fixture.call('listAccounts', {})).toEqual([]);
    expect(fake.oauth.tokens.size).toBe(0);
    // Back on the form, the server still filled in, ready to try again.
    expect(await dialog.getByLabel('Instance').inputValue()).toBe(fake.url);
  });

  it('completes on the loopback redirect the test plays, then syncs the fake\'s followers onto the board', async () => {
    const dialog = page.getByRole('dialog', { name: 'Add account' });
    const appsBefore = fake.oauth.apps.size;
    await dialog.getByRole('button', { name: 'Continue in browser' }).click();
    const href = await authorizeUrlShown(dialog);
    await dialog.getByText('Waiting for the browser…').waitFor({ state: 'visible' });

    // Registered once per instance: the second sign-in reuses the stored client.
    expect(fake.oauth.apps.size).toBe(appsBefore);
    expect(appsBefore).toBe(1);
    const authorize = new URL(href);
    expect(authorize.origin).toBe(fake.url);
    expect(authorize.pathname).toBe('/oauth/authorize');
    expect(authorize.searchParams.get('response_type')).toBe('code');
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(authorize.searchParams.get('state')).toMatch(/.{16,}/);
    expect(authorize.searchParams.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    expect(authorize.searchParams.get('scope')?.split(' ').sort()).toEqual(
      ['read:accounts', 'read:follows', 'read:notifications', 'read:statuses', 'write:accounts', 'write:follows', 'write:statuses'].sort(),
    );
    // The page asked the browser to open exactly that URL (refused here, see beforeAll).
    await expect.poll(() => browserRequests.includes(href), { timeout: 10_000 }).toBe(true);
    expect(await fixture.call('listAccounts', {})).toEqual([]);

    const visit = await playBrowser(href);
    expect(visit.callback.searchParams.get('code')).toBeTruthy();
    expect(visit.status).toBe(200);

    await dialog.waitFor({ state: 'hidden', timeout: 30_000 });
    const account: Account = await fixture.waitForAccount();
    expect(account).toMatchObject({ network: 'mastodon', serverUrl: fake.url });
    expect(account.handle).toMatch(/^me(@|$)/);
    expect(fake.oauth.tokens.size).toBe(1);
    expect([...fake.oauth.tokens.values()][0]?.scopes).toContain('write:accounts');

    await fixture.waitForSyncDone(account.id);
    const expected = expectedCounts();
    expect(expected).toEqual({ new: FOLLOWERS - 3, evaluated: 0, connected: 3, declined: 0 });
    expect(stageCountsFromDb(fixture.dbPath, account.id)).toEqual(expected);
    await expect.poll(() => countsOnScreen(page), { timeout: 15_000 }).toEqual(expected);
    await cardsIn(page, 'new').first().waitFor({ state: 'visible', timeout: 20_000 });
  });

  it('keeps the token and client secret out of the database file in plain text', async () => {
    const files = [fixture.dbPath, `${fixture.dbPath}-wal`].filter((file) => existsSync(file));
    const contents = await Promise.all(files.map((file) => readFile(file)));
    expect(fake.oauth.issuedSecrets.length).toBeGreaterThanOrEqual(3);
    for (const secret of fake.oauth.issuedSecrets) {
      for (const content of contents) expect(content.includes(Buffer.from(secret))).toBe(false);
    }
  });
});
