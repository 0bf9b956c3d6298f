// Review mode on 100,000 sample followers: 30 followers triaged by keyboard alone, every decision
// in SQLite after a reload, `u` putting the last one back; screenshots of Review (light and dark)
// and of the board in dark.
import { copyFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAGES } from '../../shared/domain';
import type { Account, Stage } from '../../shared/domain';
import { stageCountsFromDb, stageFromDb } from './boardDb';
import { cardsIn, waitForPicturesLoaded } from './boardPage';
import type { HarnessFixture } from './harnessFixture';
import { addSampleAccountThroughBridge, openHarnessPage } from './harnessPage';
import type { HarnessPage } from './harnessPage';

const FOLLOWERS = 100_000;
const DECISIONS = 30;
/** The keys pressed, in turn; every stage a follower can leave New for. */
const KEYS: { key: string; stage: Stage }[] = [
  { key: 'e', stage: 'evaluated' },
  { key: 'd', stage: 'declined' },
  { key: 'c', stage: 'connected' },
];

// Every run leaves its screenshots in out/ (git-ignored); RAPPORT_UPDATE_SCREENSHOT=1 also
// refreshes the copies under docs/, so a test run never dirties the checkout by itself.
type ScreenshotName = 'review-light.png' | 'review-dark.png' | 'board-dark.png';
const outPath = (name: string) => fileURLToPath(new URL(`../../out/e2e/${name}`, import.meta.url));
const docsPath = (name: string) => fileURLToPath(new URL(`../../docs/${name}`, import.meta.url));

let fixture: HarnessFixture;
let session: HarnessPage | undefined;
let page: Page;
let account: Account;
const decided = new Map<number, Stage>();

beforeAll(async () => {
  session = await openHarnessPage();
  ({ fixture, page } = session);
});

afterAll(async () => {
  await session?.close();
});

function reviewedPerson(): Locator {
  return page.getByTestId('review').locator('[aria-label^="Reviewing "]');
}

async function reviewedPersonId(): Promise<number> {
  const region = reviewedPerson();
  await region.waitFor({ state: 'visible', timeout: 30_000 });
  const id = Number(await region.getAttribute('data-person-id'));
  if (!Number.isInteger(id) || id <= 0) throw new Error('the reviewed person has no numeric data-person-id');
  return id;
}

/** The counter as the user reads it ("99,970" → 99970); null while it shows no number. */
async function remainingOnScreen(): Promise<number | null> {
  const digits = (await page.getByTestId('review-remaining').innerText()).replace(/[\s,.\u00a0\u202f']/g, '');
  return /^\d+$/.test(digits) ? Number(digits) : null;
}

async function openReview(): Promise<void> {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Review' }).click();
  await page.getByTestId('review').waitFor({ state: 'visible' });
  await reviewedPersonId();
  // Keys go to the window: nothing typed lands in a field.
  await page.evaluate('document.activeElement && document.activeElement.blur()');
}

async function expectNewCountOnScreen(): Promise<void> {
  await expect.poll(remainingOnScreen, { timeout: 15_000 }).toBe(stageCountsFromDb(fixture.dbPath, account.id).new);
}

async function screenshot(name: ScreenshotName): Promise<void> {
  // Avatars loaded, so the picture shows what a user sees.
  await waitForPicturesLoaded(page);
  await mkdir(dirname(outPath(name)), { recursive: true });
  await page.screenshot({ path: outPath(name) });
  if (process.env.RAPPORT_UPDATE_SCREENSHOT === '1') {
    await mkdir(dirname(docsPath(name)), { recursive: true });
    await copyFile(outPath(name), docsPath(name));
  }
}

describe('Review mode with 100,000 sample followers', () => {
  it('syncs 100,000 followers', async () => {
    const added = await addSampleAccountThroughBridge(page, fixture.harness.appUrl, { followers: FOLLOWERS, following: 200, seed: 7 });
    expect(added.ok).toBe(true);
    account = added.value as Account;
    await fixture.waitForSyncDone(account.id, 170_000);
    const counts = stageCountsFromDb(fixture.dbPath, account.id);
    expect(STAGES.reduce((sum, s) => sum + counts[s], 0)).toBe(FOLLOWERS);
    expect(counts.new).toBeGreaterThan(DECISIONS);
  });

  it(`triages ${DECISIONS} followers by keyboard alone, one key per decision`, async () => {
    await page.reload();
    await cardsIn(page, 'new').first().waitFor({ state: 'visible', timeout: 30_000 });
    await openReview();
    await expectNewCountOnScreen();
    const before = stageCountsFromDb(fixture.dbPath, account.id);

    for (let i = 0; i < DECISIONS; i++) {
      const personId = await reviewedPersonId();
      expect(stageFromDb(fixture.dbPath, account.id, personId), 'Review shows someone in New').toBe('new');
      expect(decided.has(personId), 'nobody is reviewed twice').toBe(false);
      const { key, stage } = KEYS[i % KEYS.length] as (typeof KEYS)[number];
      await page.keyboard.press(key);
      decided.set(personId, stage);
      // The next person is on screen at once (preloaded), not after the move is stored.
      await expect.poll(reviewedPersonId, { timeout: 10_000 }).not.toBe(personId);
    }

    await expect
      .poll(() => [...decided].filter(([personId, stage]) => stageFromDb(fixture.dbPath, account.id, personId) !== stage).length, {
        timeout: 15_000,
      })
      .toBe(0);
    const after = stageCountsFromDb(fixture.dbPath, account.id);
    expect(after.new).toBe(before.new - DECISIONS);
    await expectNewCountOnScreen();
  });

  it('keeps every decision after a reload', async () => {
    await page.reload();
    await cardsIn(page, 'new').first().waitFor({ state: 'visible', timeout: 30_000 });
    for (const [personId, stage] of decided) expect(stageFromDb(fixture.dbPath, account.id, personId)).toBe(stage);
    await openReview();
    expect(decided.has(await reviewedPersonId())).toBe(false);
    await expectNewCountOnScreen();
  });

  it('u puts the last decision back: the person is in New again and on screen', async () => {
    const personId = await reviewedPersonId();
    await page.keyboard.press('d');
    await expect.poll(() => stageFromDb(fixture.dbPath, account.id, personId), { timeout: 10_000 }).toBe('declined');
    await expect.poll(reviewedPersonId, { timeout: 10_000 }).not.toBe(personId);

    await page.keyboard.press('u');
    await expect.poll(() => stageFromDb(fixture.dbPath, account.id, personId), { timeout: 10_000 }).toBe('new');
    await expect.poll(reviewedPersonId, { timeout: 10_000 }).toBe(personId);
    await expect.poll(() => page.getByTestId('announcer').innerText()).toContain('is back in New');
    await expectNewCountOnScreen();
    // The earlier decisions stay as they were.
    for (const [id, stage] of decided) expect(stageFromDb(fixture.dbPath, account.id, id)).toBe(stage);
  });

  it('takes screenshots of Review in light and dark, and of the board in dark', async () => {
    await page.emulateMedia({ colorScheme: 'light' });
    await reviewedPerson().getByText('Followers', { exact: true }).first().waitFor({ state: 'visible' });
    await screenshot('review-light.png');
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot('review-dark.png');
    await page.getByRole('button', { name: 'Board', exact: true }).click();
    await cardsIn(page, 'new').first().waitFor({ state: 'visible' });
    await screenshot('board-dark.png');
    await page.emulateMedia({ colorScheme: 'light' });
  });
});
