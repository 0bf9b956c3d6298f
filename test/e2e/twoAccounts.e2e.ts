// Issue 5's side-by-side acceptance in Chromium: one Bluesky account (fake Bluesky) and one
// Mastodon account (fake Mastodon) in the same Rapport. Switching accounts through the top bar's
// "Switch account" menu switches the board, and no person of one account shows on the other's.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account, StageCounts } from '../../shared/domain';
import { FakeBluesky } from '../fakes/bluesky/fakeBluesky';
import { FakeMastodon } from '../fakes/mastodon/fakeMastodon';
import { stageCountsFromDb } from './boardDb';
import { countsOnScreen, renderedPersonIds } from './boardPage';
import type { HarnessFixture } from './harnessFixture';
import { openHarnessPage } from './harnessPage';
import type { HarnessPage } from './harnessPage';
import { personIdsOnBoardFromDb } from './mastodonDb';
import { signInThroughCore } from './mastodonSignInSteps';

const BLUESKY_HANDLE = 'me.bsky.social';
const BLUESKY_PASSWORD = 'abcd-efgh-ijkl-mnop';

let bluesky: FakeBluesky;
let mastodon: FakeMastodon;
let fixture: HarnessFixture;
let session: HarnessPage | undefined;
let page: Page;
let blueskyAccount: Account;
let mastodonAccount: Account;

beforeAll(async () => {
  bluesky = new FakeBluesky({ handle: BLUESKY_HANDLE, password: BLUESKY_PASSWORD });
  bluesky.state.generate({ followers: 37, follows: 8, mutualShare: 0.1, seed: 4 });
  await bluesky.start();
  mastodon = new FakeMastodon({ username: 'me', domain: 'fake.mastodon.test' });
  mastodon.state.generate({ followers: 23, following: 10, mutualShare: 0.2, lockedShare: 0, seed: 8 });
  await mastodon.start();
  session = await openHarnessPage({ harness: { coreOptions: { allowLoopbackHttp: true } }, viewport: { width: 1440, height: 1000 } });
  ({ fixture, page } = session);
});

afterAll(async () => {
  await session?.close();
  await mastodon?.stop();
  await bluesky?.stop();
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Picks an account in the top bar's switcher (items are named "@handle · Network"). */
async function switchTo(account: Account, network: string): Promise<void> {
  await page.getByRole('button', { name: 'Switch account' }).click();
  const menu = page.getByRole('menu');
  await menu.waitFor({ state: 'visible' });
  const item = menu.getByRole('menuitemradio', { name: new RegExp(`^@?${escapeRegExp(account.handle)} · ${network}`) });
  await item.click();
  await menu.waitFor({ state: 'hidden' });
}

/** The person ids of every card rendered on the board, over all four columns. */
async function cardsOnScreen(): Promise<number[]> {
  const ids: number[] = [];
  for (const stage of ['new', 'evaluated', 'connected', 'declined'] as const) ids.push(...(await renderedPersonIds(page, stage)));
  return ids;
}

/** Waits until the board shows this account: its counts from SQL, and only its people. */
async function expectBoardOf(account: Account, network: string, own: Set<number>, other: Set<number>): Promise<void> {
  const counts: StageCounts = stageCountsFromDb(fixture.dbPath, account.id);
  await expect.poll(() => countsOnScreen(page), { timeout: 60_000 }).toEqual(counts);
  await expect
    .poll(async () => {
      const ids = await cardsOnScreen();
      return ids.length > 0 && ids.every((id) => own.has(id));
    }, { timeout: 20_000 })
    .toBe(true);
  const ids = await cardsOnScreen();
  expect(ids.filter((id) => other.has(id))).toEqual([]);
  // The switcher says which account is shown.
  expect(await page.getByRole('button', { name: 'Switch account' }).innerText()).toContain(network);
}

describe('a Bluesky and a Mastodon account side by side', () => {
  it('syncs both accounts into one Rapport, each with its own people', async () => {
    const begun = await fixture.call('beginSignIn', { network: 'bluesky', identifier: BLUESKY_HANDLE, appPassword: BLUESKY_PASSWORD, serviceUrl: bluesky.url });
    if (begun.status !== 'signedIn') throw new Error('the Bluesky sign-in did not complete at once');
    blueskyAccount = begun.account;
    await fixture.waitForSyncDone(blueskyAccount.id);
    mastodonAccount = await signInThroughCore(fixture, mastodon);
    await fixture.waitForSyncDone(mastodonAccount.id);

    const blueskyPeople = personIdsOnBoardFromDb(fixture.dbPath, blueskyAccount.id);
    const mastodonPeople = personIdsOnBoardFromDb(fixture.dbPath, mastodonAccount.id);
    expect(blueskyPeople.size).toBe(37);
    expect(mastodonPeople.size).toBe(23);
    expect([...blueskyPeople].filter((id) => mastodonPeople.has(id))).toEqual([]);
    expect(await fixture.call('listAccounts', {})).toHaveLength(2);
  });

  it('switches the board from one account to the other and back, never mixing their people', async () => {
    const blueskyPeople = personIdsOnBoardFromDb(fixture.dbPath, blueskyAccount.id);
    const mastodonPeople = personIdsOnBoardFromDb(fixture.dbPath, mastodonAccount.id);
    await page.goto(fixture.harness.appUrl);
    await page.getByRole('button', { name: 'Switch account' }).waitFor({ state: 'visible', timeout: 20_000 });

    await switchTo(blueskyAccount, 'Bluesky');
    await expectBoardOf(blueskyAccount, 'Bluesky', blueskyPeople, mastodonPeople);

    await switchTo(mastodonAccount, 'Mastodon');
    await expectBoardOf(mastodonAccount, 'Mastodon', mastodonPeople, blueskyPeople);

    await switchTo(blueskyAccount, 'Bluesky');
    await expectBoardOf(blueskyAccount, 'Bluesky', blueskyPeople, mastodonPeople);
  });
});
