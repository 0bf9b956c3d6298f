// Search, filters, saved filters and bulk moves on 20,000 sample followers, held against what
// SQLite says: a bio word typed after `/` lists the people FTS finds; a tag and a signal filter
// list exactly the people carrying them; a saved filter is still there after a restart on the
// same data; "select all matching" moves 1,000+ people to Declined in one transaction, and the
// same selection is refused for Connected with the reason on screen. Also takes the stats view's
// screenshots in the light and dark themes.
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account, Stage } from '../../shared/domain';
import type { SignalId } from '../../shared/signals/types';
import { startHarness, type Harness } from '../harness/harnessServer';
import { cardsIn, waitForPageCondition } from './boardPage';
import { launchChromium } from './browser';
import { E2E_HTTP, HARNESS_RENDERER_DIR, startHarnessFixture, type HarnessFixture } from './harnessFixture';
import {
  bioWordFromDb,
  bulkMoveInstantsFromDb,
  peopleWithFromDb,
  savedFilterNamesFromDb,
  searchMatchesFromDb,
  signalCountsFromDb,
  someFollowersFromDb,
  stagesWithSignalFromDb,
} from './triageDb';

const FOLLOWERS = 20_000;
const TAG = 'e2e-friend';
const SAVED_NAME = 'Friends who need a look';

// Every run leaves its screenshots in out/ (git-ignored); RAPPORT_UPDATE_SCREENSHOT=1 also copies
// them to docs/.
const SHOTS = {
  light: fileURLToPath(new URL('../../out/e2e/stats-light.png', import.meta.url)),
  dark: fileURLToPath(new URL('../../out/e2e/stats-dark.png', import.meta.url)),
  /** Not copied to docs/: a look at the people list for reviewers. */
  search: fileURLToPath(new URL('../../out/e2e/people-search.png', import.meta.url)),
};
const DOCS = {
  light: fileURLToPath(new URL('../../docs/stats-light.png', import.meta.url)),
  dark: fileURLToPath(new URL('../../docs/stats-dark.png', import.meta.url)),
};

let fixture: HarnessFixture;
/** The harness started again on the same data dir (the restart test). */
let restarted: Harness | null = null;
let browser: Browser;
let page: Page;
let account: Account;
/** A signal shown by a modest share of people (tag/signal intersection) and one shown by 1,000+. */
let smallSignal: SignalId;
let bulkSignal: SignalId;

beforeAll(async () => {
  fixture = await startHarnessFixture();
  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: { width: 1440, height: 1000 } })).newPage();
  page.on('pageerror', (error) => console.error('[page error]', error.message));
});

afterAll(async () => {
  await browser?.close();
  if (restarted) {
    await restarted.close();
    await rm(fixture.dataDir, { recursive: true, force: true });
  } else {
    await fixture?.stop();
  }
});

function digits(text: string | null): number {
  return Number((text ?? '').replace(/\D/g, ''));
}

async function totalOnScreen(): Promise<number> {
  return digits(await page.getByTestId('people-total').textContent());
}

async function rowIdsOnScreen(): Promise<number[]> {
  const ids = await page.getByTestId('person-row').evaluateAll((rows) => rows.map((row) => Number(row.getAttribute('data-person-id'))));
  return ids.sort((a, b) => a - b);
}

function navButton(name: string) {
  return page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name, exact: true });
}

async function addSignalFilter(signal: SignalId): Promise<void> {
  await page.getByRole('combobox', { name: 'Add signal filter' }).selectOption(signal);
}

describe('triage filters on 20,000 sample followers', () => {
  it('syncs 20,000 followers and computes their signals', async () => {
    await page.goto(fixture.harness.appUrl);
    await waitForPageCondition(page, 'typeof window.rapport === "object"');
    const begun = (await page.evaluate(`window.rapport.beginSignIn({ network: 'sample', followers: ${FOLLOWERS}, following: 600, seed: 11 })`)) as {
      ok: boolean;
      value?: { account?: Account };
    };
    const added = { ok: begun.ok, value: begun.value?.account };
    expect(added.ok).toBe(true);
    account = added.value as Account;
    await fixture.waitForSyncDone(account.id, 170_000);
    // Signals are computed after the sync; wait until SQLite holds them.
    await expect.poll(() => signalCountsFromDb(fixture.dbPath, account.id).size, { timeout: 60_000 }).toBeGreaterThan(1);
    const counts = [...signalCountsFromDb(fixture.dbPath, account.id)].sort((a, b) => a[1] - b[1]);
    const bulk = counts.find(([, n]) => n >= 1_000 && n < FOLLOWERS);
    const small = counts.find(([id, n]) => n >= 20 && id !== bulk?.[0]);
    expect(bulk, `a signal shown by 1,000+ people: ${JSON.stringify(counts)}`).toBeDefined();
    expect(small, `a second signal shown by 20+ people: ${JSON.stringify(counts)}`).toBeDefined();
    bulkSignal = bulk?.[0] as SignalId;
    smallSignal = small?.[0] as SignalId;
  });

  it('draws the stats view, in the light and the dark theme', async () => {
    await page.reload();
    await cardsIn(page, 'new').first().waitFor({ state: 'visible', timeout: 30_000 });
    await navButton('Stats').click();
    const view = page.getByTestId('stats-view');
    await view.locator('svg.recharts-surface').first().waitFor({ state: 'visible', timeout: 30_000 });
    await expect.poll(() => view.locator('.recharts-wrapper').count()).toBe(3);
    expect(await navButton('Stats').getAttribute('aria-current')).toBe('page');
    expect(digits(await view.getByTestId('stats-totals').locator('dd').first().textContent())).toBe(FOLLOWERS);

    await mkdir(dirname(SHOTS.light), { recursive: true });
    await page.emulateMedia({ colorScheme: 'light' });
    await page.screenshot({ path: SHOTS.light });
    await page.emulateMedia({ colorScheme: 'dark' });
    // The charts read the theme's colours again when the scheme changes.
    await expect.poll(() => page.evaluate(`getComputedStyle(document.body).backgroundColor`)).toBe('rgb(20, 20, 19)');
    await page.screenshot({ path: SHOTS.dark });
    await page.emulateMedia({ colorScheme: 'light' });
    if (process.env.RAPPORT_UPDATE_SCREENSHOT === '1') {
      await mkdir(dirname(DOCS.light), { recursive: true });
      await copyFile(SHOTS.light, DOCS.light);
      await copyFile(SHOTS.dark, DOCS.dark);
    }
  });

  it('a bio word typed after `/` lists the people full-text search finds', async () => {
    await navButton('Board').click();
    await cardsIn(page, 'new').first().waitFor({ state: 'visible', timeout: 30_000 });
    const { word, count } = bioWordFromDb(fixture.dbPath, account.id, 3, 2_000);
    await page.locator('body').press('/');
    await expect.poll(() => page.evaluate('document.activeElement && document.activeElement.id')).toBe('global-search');
    await page.keyboard.type(word);
    await expect.poll(totalOnScreen, { timeout: 15_000 }).toBe(count);
    await page.getByTestId('person-row').first().waitFor({ state: 'visible' });
    const matches = searchMatchesFromDb(fixture.dbPath, account.id, word);
    const shown = await rowIdsOnScreen();
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.filter((id) => !matches.has(id))).toEqual([]);
    await page.screenshot({ path: SHOTS.search });

    await page.getByRole('searchbox', { name: 'Search people' }).press('Escape');
    await cardsIn(page, 'new').first().waitFor({ state: 'visible', timeout: 15_000 });
  });

  it('a tag filter and a signal filter list exactly the people SQL says', async () => {
    // Eight tagged followers: five showing the small signal, three without it.
    const withSignal = [...stagesWithSignalFromDb(fixture.dbPath, account.id, smallSignal).keys()].sort((a, b) => a - b).slice(0, 5);
    const others = someFollowersFromDb(fixture.dbPath, account.id, 200).filter((id) => !withSignal.includes(id)).slice(0, 3);
    const tagged = [...withSignal, ...others];
    for (const personId of tagged) await fixture.call('setTags', { accountId: account.id, personId, tags: [TAG] });

    await page.reload();
    await page.getByRole('button', { name: `Tag ${TAG}, 8 people` }).click();
    await expect.poll(totalOnScreen, { timeout: 15_000 }).toBe(8);
    const byTag = peopleWithFromDb(fixture.dbPath, account.id, [TAG], []);
    expect(byTag).toEqual([...tagged].sort((a, b) => a - b));
    await expect.poll(rowIdsOnScreen).toEqual(byTag);

    await addSignalFilter(smallSignal);
    const both = peopleWithFromDb(fixture.dbPath, account.id, [TAG], [smallSignal]);
    expect(both).toHaveLength(5);
    await expect.poll(totalOnScreen, { timeout: 15_000 }).toBe(both.length);
    await expect.poll(rowIdsOnScreen).toEqual(both);

    await page.getByRole('button', { name: `Remove tag filter ${TAG}` }).click();
    const bySignal = peopleWithFromDb(fixture.dbPath, account.id, [], [smallSignal]);
    await expect.poll(totalOnScreen, { timeout: 15_000 }).toBe(bySignal.length);
    const shown = await rowIdsOnScreen();
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.filter((id) => !bySignal.includes(id))).toEqual([]);
  });

  it('a saved filter is still in the sidebar after a restart on the same data', async () => {
    await page.getByRole('combobox', { name: 'Add tag filter' }).selectOption(TAG);
    await expect.poll(totalOnScreen, { timeout: 15_000 }).toBe(5);
    await page.getByRole('button', { name: 'Save filter…' }).click();
    await page.getByRole('textbox', { name: 'Filter name' }).fill(SAVED_NAME);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByTestId('saved-filters').getByRole('button', { name: SAVED_NAME, exact: true }).waitFor({ state: 'visible' });
    expect(savedFilterNamesFromDb(fixture.dbPath, account.id)).toEqual([SAVED_NAME]);

    await fixture.harness.close();
    restarted = await startHarness({ dataDir: fixture.dataDir, rendererDir: HARNESS_RENDERER_DIR, coreOptions: { http: E2E_HTTP } });
    await page.goto(restarted.appUrl);
    const saved = page.getByTestId('saved-filters').getByRole('button', { name: SAVED_NAME, exact: true });
    await saved.waitFor({ state: 'visible', timeout: 30_000 });
    await saved.click();
    await expect.poll(totalOnScreen, { timeout: 15_000 }).toBe(5);
    expect(await saved.getAttribute('aria-current')).toBe('page');
    await expect.poll(rowIdsOnScreen).toEqual(peopleWithFromDb(fixture.dbPath, account.id, [TAG], [smallSignal]));
  });

  it('moves all 1,000+ people matching a filter to Declined in one transaction, and refuses Connected', async () => {
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await addSignalFilter(bulkSignal);
    const before = stagesWithSignalFromDb(fixture.dbPath, account.id, bulkSignal);
    const total = [...before.values()].length;
    expect(total).toBeGreaterThanOrEqual(1_000);
    await expect.poll(totalOnScreen, { timeout: 15_000 }).toBe(total);

    await page.getByRole('button', { name: 'Select all matching' }).click();
    await page.getByText(`All ${total.toLocaleString('en-US')} people matching selected`).waitFor({ state: 'visible' });

    // The button stays focusable but says it is unavailable; pressing it anyway gives the reason.
    const toConnected = page.getByRole('button', { name: 'Move selected to Connected' });
    expect(await toConnected.getAttribute('aria-disabled')).toBe('true');
    await toConnected.click({ force: true });
    const notice = page.getByTestId('people-notice');
    await notice.waitFor({ state: 'visible' });
    expect(await notice.textContent()).toContain('follow people back one at a time');
    expect(stagesWithSignalFromDb(fixture.dbPath, account.id, bulkSignal)).toEqual(before);

    await page.getByRole('button', { name: 'Move selected to Declined' }).click();
    const willMove = [...before.values()].filter((stage: Stage | null) => stage !== null && stage !== 'declined').length;
    await expect
      .poll(async () => (await page.getByTestId('bulk-summary').textContent()) ?? '', { timeout: 30_000 })
      .toContain(`Moved ${willMove.toLocaleString('en-US')} people to Declined`);
    const after = stagesWithSignalFromDb(fixture.dbPath, account.id, bulkSignal);
    expect([...after.values()].filter((stage) => stage !== null && stage !== 'declined')).toEqual([]);
    expect(bulkMoveInstantsFromDb(fixture.dbPath, account.id)).toHaveLength(1);
  });
});
