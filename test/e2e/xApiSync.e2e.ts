// Issue 15's API path in Chromium: an X account added from the window with the person's own
// developer app, against the fake X API on 127.0.0.1 (core's X module pointed at it with
// apiOrigins, as the harness allows). A wrong bearer token is refused with a sentence and stores
// nothing; the right one shows what the first sync will read before anything is read, "Sync now"
// reads it, and the board counts equal the fake and SQLite. Then the OAuth 2.0 + PKCE way: the
// consent page opens in the system browser (captured here and played by the spec, as the person's
// browser would), comes back to core's loopback callback, and lands on the same account.
import { createServer } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StageCounts } from '../../shared/domain';
import { FakeXApi } from '../fakes/x/fakeXApi';
import { stageCountsFromDb } from './boardDb';
import { countsOnScreen } from './boardPage';
import type { HarnessFixture } from './harnessFixture';
import { openHarnessPage, pressOnWelcome, type HarnessPage } from './harnessPage';
import { withReadOnlyDb } from './readOnlyDb';

const OWNER = { id: '4242', username: 'rapport_me', name: 'Me Myself' };
const TOKEN = 'AAAAAAAAAAAAAAAAAAAAAfakeBearerTokenForTheE2eSpec0123';
const CLIENT_ID = 'rapportE2eClient01';
const FOLLOWERS = 1_234;
const FOLLOWING = 60;
/** The first 25 followers are followed back: their cards start Connected. */
const MUTUALS = 25;
const followerIds = Array.from({ length: FOLLOWERS }, (_, i) => String(20_000_000 + FOLLOWERS - i));
const followingIds = [...followerIds.slice(0, MUTUALS), ...Array.from({ length: FOLLOWING - MUTUALS }, (_, i) => String(30_000_000 + i))];

let fake: FakeXApi;
let session: HarnessPage | undefined;
let fixture: HarnessFixture;
let page: Page;
let callbackPort: number;

function storedRows(): { accounts: number; credentials: number; people: number } {
  return withReadOnlyDb(fixture.dbPath, (db) => ({
    accounts: (db.prepare('SELECT count(*) AS n FROM accounts').get() as { n: number }).n,
    credentials: (db.prepare('SELECT count(*) AS n FROM credentials').get() as { n: number }).n,
    people: (db.prepare('SELECT count(*) AS n FROM people').get() as { n: number }).n,
  }));
}

/** What the board must hold: every follower X lists, mutuals Connected, the rest New. */
function expectedCounts(): StageCounts {
  const listed = fake.state.list(OWNER.id, 'followers').count;
  return { new: listed - MUTUALS, evaluated: 0, connected: MUTUALS, declined: 0 };
}

beforeAll(async () => {
  fake = new FakeXApi();
  fake.state.addUser(OWNER.id, { username: OWNER.username, name: OWNER.name, public_metrics: { followers_count: FOLLOWERS, following_count: FOLLOWING, tweet_count: 5, listed_count: 0 } });
  fake.state.setFollowers(OWNER.id, followerIds);
  fake.state.setFollowing(OWNER.id, followingIds);
  fake.state.issueAppToken(TOKEN);
  await fake.start();
  // Core's loopback callback for X's consent page: a port the app registers exactly, as X requires.
  callbackPort = await freeLoopbackPort();
  fake.oauthClients.set(CLIENT_ID, [`http://127.0.0.1:${callbackPort}/callback`]);
  fake.approvingUserId = OWNER.id;
  session = await openHarnessPage({
    harness: { coreOptions: { apiOrigins: { x: fake.url }, allowLoopbackHttp: true, signInCallbackPort: callbackPort } },
  });
  ({ fixture, page } = session);
  await page.addInitScript(() => {
    // The harness has no main process to hand X's pages to the system browser: record them.
    const opened: string[] = [];
    (window as unknown as { openedUrls: string[] }).openedUrls = opened;
    window.open = (url?: string | URL) => {
      opened.push(String(url));
      return null;
    };
  });
});

afterAll(async () => {
  await session?.close();
  await fake?.stop();
});

/** A port nobody listens on right now, for core's sign-in callback. */
async function freeLoopbackPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The person's browser on X's consent page: X approves at once and redirects to the callback. */
async function playBrowser(authorizeUrl: string): Promise<void> {
  const authorize = await fetch(authorizeUrl, { redirect: 'manual' });
  const location = authorize.headers.get('location');
  if (authorize.status !== 302 || !location) throw new Error(`X's consent page answered ${authorize.status}`);
  await (await fetch(location)).text();
}

async function openDeveloperAppForm() {
  const dialog = page.getByRole('dialog', { name: 'Add account' });
  await dialog.waitFor({ state: 'visible' });
  await dialog.getByRole('button', { name: 'Use my X developer app' }).click();
  return dialog;
}

describe('X through your own developer app, in the window', () => {
  it('refuses a bearer token X does not accept with a sentence, and stores nothing', async () => {
    await pressOnWelcome(page, fixture.harness.appUrl, 'Import your X archive');
    const dialog = await openDeveloperAppForm();
    await dialog.getByRole('textbox', { name: 'Bearer token' }).fill('AAAAthisIsNotTheTokenOfYourApp0000');
    await dialog.getByLabel('Your X username').fill('@rapport_me');
    await dialog.getByRole('button', { name: 'Use my app' }).click();
    const alert = dialog.getByRole('alert');
    await expect.poll(() => alert.innerText(), { timeout: 20_000 }).toMatch(/X did not accept the token of your developer app/);
    expect(await alert.innerText()).not.toContain('AAAAthisIsNotTheTokenOfYourApp0000');
    expect(await fixture.call('listAccounts', {})).toEqual([]);
    expect(storedRows()).toEqual({ accounts: 0, credentials: 0, people: 0 });
    expect(fake.usersRead()).toBe(0);
  });

  it('with the right token, says what the first sync reads before reading; Sync now fills the board as the fake and SQLite have it', async () => {
    const dialog = page.getByRole('dialog', { name: 'Add account' });
    await dialog.getByRole('textbox', { name: 'Bearer token' }).fill(TOKEN);
    await dialog.getByRole('button', { name: 'Use my app' }).click();
    const users = (FOLLOWERS + FOLLOWING + 1).toLocaleString('en-US');
    await expect
      .poll(() => dialog.innerText(), { timeout: 20_000 })
      .toContain(`A full sync reads up to ${users} users from X (${FOLLOWERS.toLocaleString('en-US')} followers, ${FOLLOWING} following, your account)`);
    // Only the account itself was read so far: nothing of its lists.
    expect(fake.countOf('GET /2/users/:id/followers')).toBe(0);
    expect(fake.usersRead()).toBe(1);

    await dialog.getByRole('button', { name: 'Sync now' }).click();
    await dialog.waitFor({ state: 'hidden', timeout: 20_000 });
    const account = await fixture.waitForAccount();
    expect(account).toMatchObject({ network: 'x', remoteId: OWNER.id, handle: OWNER.username });
    await fixture.waitForSyncDone(account.id);
    const expected = expectedCounts();
    expect(stageCountsFromDb(fixture.dbPath, account.id)).toEqual(expected);
    await expect.poll(() => countsOnScreen(page), { timeout: 30_000 }).toEqual(expected);
    // ceil(N/1000) pages of each list, as the budget says.
    expect(fake.countOf('GET /2/users/:id/followers')).toBe(Math.ceil(FOLLOWERS / 1000));
    expect(fake.countOf('GET /2/users/:id/following')).toBe(Math.ceil(FOLLOWING / 1000));
    // The token is sealed: no row holds it in the clear.
    const plain = withReadOnlyDb(fixture.dbPath, (db) => (db.prepare('SELECT count(*) AS n FROM credentials WHERE sealed LIKE ?').get(`%${TOKEN}%`) as { n: number }).n);
    expect(plain).toBe(0);
  });

  it('signs in on X’s page with the app’s client id (OAuth 2.0 + PKCE) and lands on the same account', async () => {
    const before = await fixture.call('listAccounts', {});
    await page.getByRole('button', { name: /^Switch account from/ }).click();
    await page.getByRole('menuitem', { name: 'Add account…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add account' });
    await dialog.waitFor({ state: 'visible' });
    await dialog.getByRole('tab', { name: 'X' }).click();
    await dialog.getByRole('button', { name: 'Use my X developer app' }).click();
    await dialog.getByRole('radio', { name: /OAuth 2.0 client id/ }).check();
    await dialog.getByRole('textbox', { name: 'OAuth 2.0 Client ID' }).fill(CLIENT_ID);
    await dialog.getByRole('button', { name: 'Sign in on X' }).click();
    const opened = () => page.evaluate(() => (window as unknown as { openedUrls: string[] }).openedUrls);
    await expect.poll(async () => (await opened()).length, { timeout: 20_000 }).toBe(1);
    const authorize = new URL((await opened())[0] as string);
    expect(authorize.origin + authorize.pathname).toBe(`${fake.url}/i/oauth2/authorize`);
    expect(authorize.searchParams.get('code_challenge_method')?.toLowerCase()).toBe('s256');
    // The person's browser: X approves and sends it back to core's loopback callback.
    await playBrowser(authorize.href);
    await expect.poll(() => dialog.innerText(), { timeout: 20_000 }).toContain('Signed in to X as @rapport_me with your developer app');
    await dialog.getByRole('button', { name: 'Not now' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const after = await fixture.call('listAccounts', {});
    expect(after.map((a) => a.id)).toEqual(before.map((a) => a.id));
    expect(fake.countOf('POST /2/oauth2/token')).toBe(1);
  });
});
