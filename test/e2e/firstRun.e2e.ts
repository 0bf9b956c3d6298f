// The first-run journey of issue 2 in Chromium against the browser harness: sample data with
// visible progress, counts that match SQL, a mouse drag, a keyboard-only move with its
// announcement, persistence across a reload, and the profile drawer.
import { copyFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAGE_LABELS } from '../../shared/domain';
import type { Account } from '../../shared/domain';
import {
  accountRowsFromDb,
  firstSortKeyFromDb,
  peopleFromDb,
  sortKeysFromDb,
  stageChangeEventsFromDb,
  stageCountsFromDb,
  stageFromDb,
} from './boardDb';
import { cardById, cardsIn, column, countsOnScreen, focusedElement, personIdOf, renderedPersonIds, waitForPicturesLoaded } from './boardPage';
import { dragCard } from './dragCard';
import type { HarnessFixture } from './harnessFixture';
import { openHarnessPage, pressOnWelcome } from './harnessPage';
import type { HarnessPage } from './harnessPage';

// Every run leaves its screenshot in out/ (git-ignored); RAPPORT_UPDATE_SCREENSHOT=1 also
// refreshes the README's docs/board.png, so a test run never dirties the checkout by itself.
const SCREENSHOT = fileURLToPath(new URL('../../out/e2e/board.png', import.meta.url));
const README_SCREENSHOT = fileURLToPath(new URL('../../docs/board.png', import.meta.url));

let fixture: HarnessFixture;
let session: HarnessPage | undefined;
let page: Page;
let account: Account;
let dragged: number;
let keyed: number;

beforeAll(async () => {
  // Paced pages so the progress bar is on screen long enough to be seen.
  session = await openHarnessPage({ harness: { samplePageDelayMs: 30 } });
  ({ fixture, page } = session);
});

afterAll(async () => {
  await session?.close();
});

async function expectCountsToMatchSql(): Promise<void> {
  const sql = () => stageCountsFromDb(fixture.dbPath, account.id);
  await expect.poll(() => countsOnScreen(page), { timeout: 15_000 }).toEqual(sql());
  expect(await fixture.call('getBoardCounts', { accountId: account.id })).toEqual(sql());
}

describe('first run with sample data', () => {
  it('offers sample data and shows sync progress until the board fills', async () => {
    await pressOnWelcome(page, fixture.harness.appUrl, 'Explore with sample data');
    // The harness token came in the URL and was taken out of the address bar at once.
    expect(page.url()).toBe(fixture.harness.url);

    await page.getByRole('progressbar', { name: 'Sync progress' }).waitFor({ state: 'visible', timeout: 20_000 });

    account = await fixture.waitForAccount();
    expect(account.network).toBe('sample');
    await fixture.waitForSyncDone(account.id);
    for (const stage of ['new', 'evaluated', 'connected', 'declined'] as const) {
      await column(page, stage).waitFor({ state: 'visible', timeout: 20_000 });
    }
    await cardsIn(page, 'new').first().waitFor({ state: 'visible', timeout: 20_000 });
    await expectCountsToMatchSql();
    expect(stageCountsFromDb(fixture.dbPath, account.id).new).toBeGreaterThan(2);
  });

  it('moves a card from New to Evaluated by dragging it with the mouse', async () => {
    const card = cardsIn(page, 'new').first();
    dragged = await personIdOf(card);
    await dragCard(page, card, column(page, 'evaluated'));

    await expect.poll(() => stageFromDb(fixture.dbPath, account.id, dragged)).toBe('evaluated');
    await column(page, 'evaluated').locator(`[data-testid="card"][data-person-id="${dragged}"]`).waitFor();
    expect(stageChangeEventsFromDb(fixture.dbPath, account.id, dragged)).toBe(1);
    await expectCountsToMatchSql();
  });

  it('moves another card to Declined with the keyboard alone and announces it', async () => {
    const card = cardsIn(page, 'new').first();
    keyed = await personIdOf(card);
    expect(keyed).not.toBe(dragged);
    const name = peopleFromDb(fixture.dbPath, [keyed]).get(keyed)?.displayName ?? '';
    expect(name).not.toBe('');

    await card.focus();
    await page.keyboard.press('m');
    await page.getByRole('menu').waitFor({ state: 'visible' });
    for (let presses = 0; presses < 8; presses++) {
      const focused = await focusedElement(page);
      if (focused.role === 'menuitem' && focused.text === STAGE_LABELS.declined) break;
      await page.keyboard.press('ArrowDown');
    }
    expect(await focusedElement(page)).toEqual({ role: 'menuitem', text: STAGE_LABELS.declined });
    await page.keyboard.press('Enter');

    await expect.poll(() => page.getByTestId('announcer').innerText()).toContain(`Moved ${name} to Declined`);
    await expect.poll(() => stageFromDb(fixture.dbPath, account.id, keyed)).toBe('declined');
    await expect.poll(() => page.getByRole('menu').count()).toBe(0);
    await expectCountsToMatchSql();
  });

  it('keeps both moves after a reload', async () => {
    await page.reload();
    await cardsIn(page, 'new').first().waitFor({ state: 'visible', timeout: 20_000 });
    expect(stageFromDb(fixture.dbPath, account.id, dragged)).toBe('evaluated');
    expect(stageFromDb(fixture.dbPath, account.id, keyed)).toBe('declined');
    await cardById(page, dragged).waitFor({ state: 'visible' });
    expect(await cardById(page, dragged).getAttribute('data-stage')).toBe('evaluated');
    expect(await column(page, 'evaluated').locator(`[data-person-id="${dragged}"]`).count()).toBe(1);
    await cardById(page, keyed).waitFor({ state: 'visible' });
    expect(await cardById(page, keyed).getAttribute('data-stage')).toBe('declined');
    expect(await column(page, 'declined').locator(`[data-person-id="${keyed}"]`).count()).toBe(1);
    expect(await renderedPersonIds(page, 'new')).not.toContain(dragged);
    await expectCountsToMatchSql();

    // The README screenshot: the board as a user first sees it, avatars loaded.
    await waitForPicturesLoaded(page);
    // Avatars come from core's media cache through the harness (cookie-authenticated media/ route).
    const avatarsShown = (await page.evaluate(
      `Array.from(document.images).filter((img) => (img.getAttribute('src') || '').startsWith('media/') && img.naturalWidth > 0).length`,
    )) as number;
    expect(avatarsShown).toBeGreaterThan(0);
    await mkdir(dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
    if (process.env.RAPPORT_UPDATE_SCREENSHOT === '1') {
      await mkdir(dirname(README_SCREENSHOT), { recursive: true });
      await copyFile(SCREENSHOT, README_SCREENSHOT);
    }
  });

  it('opens a profile drawer with bio and recent posts from the cache', async () => {
    const candidates = peopleFromDb(fixture.dbPath, await renderedPersonIds(page, 'new'));
    const person = [...candidates.values()].find((p) => p.bio.trim() !== '' && p.posts > 0);
    if (!person) throw new Error('no rendered New card has both a bio and cached posts');
    const card = cardById(page, person.id);
    await card.scrollIntoViewIfNeeded();
    await card.focus();
    await page.keyboard.press('Enter');

    const drawer = page.getByRole('dialog', { name: `Profile of ${person.displayName}` });
    await drawer.waitFor({ state: 'visible' });
    const bio = (await drawer.getByTestId('drawer-bio').innerText()).replace(/\s+/g, ' ').trim();
    expect(bio).toBe(person.bio.replace(/\s+/g, ' ').trim());
    await drawer.getByTestId('drawer-posts').waitFor({ state: 'visible' });
    const posts = drawer.getByTestId('drawer-post');
    expect(await posts.count()).toBeGreaterThan(0);
    expect(await posts.count()).toBeLessThanOrEqual(person.posts);
    expect((await posts.first().innerText()).trim()).not.toBe('');

    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
  });

  it('re-orders the columns by most followers, by name, and back to newest', async () => {
    const sortSelect = page.getByRole('combobox', { name: 'Sort' });
    const keysOnScreen = async () =>
      sortKeysFromDb(fixture.dbPath, account.id, (await renderedPersonIds(page, 'new')).slice(0, 20));

    await sortSelect.selectOption('followers');
    const mostFollowers = firstSortKeyFromDb(fixture.dbPath, account.id, 'new', 'followers');
    await expect.poll(async () => (await keysOnScreen())[0]?.followers, { timeout: 10_000 }).toBe(mostFollowers);
    const byFollowers = (await keysOnScreen()).map((k) => k.followers);
    expect(byFollowers).toEqual([...byFollowers].sort((a, b) => b - a));

    await sortSelect.selectOption('name');
    const firstName = firstSortKeyFromDb(fixture.dbPath, account.id, 'new', 'name');
    await expect.poll(async () => (await keysOnScreen())[0]?.name, { timeout: 10_000 }).toBe(firstName);
    const byName = (await keysOnScreen()).map((k) => k.name);
    expect(byName).toEqual([...byName].sort());

    await sortSelect.selectOption('newest');
    await expect.poll(async () => (await keysOnScreen())[0]?.name, { timeout: 10_000 }).not.toBe(firstName);
  });

  it('removes the sample account in one click (plus the confirmation) and offers sample data again', async () => {
    await page.getByRole('button', { name: 'Remove sample account' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Remove', exact: true }).click();
    await page.getByRole('button', { name: 'Explore with sample data' }).waitFor({ state: 'visible', timeout: 20_000 });
    expect(await page.getByTestId('card').count()).toBe(0);
    expect(accountRowsFromDb(fixture.dbPath)).toEqual({ accounts: 0, triage: 0, relationships: 0 });
    expect(await fixture.call('listAccounts', {})).toEqual([]);
  });
});
