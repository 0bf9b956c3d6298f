// The window at 1024×700 (sidebar collapsed, four columns without horizontal scrolling, the top
// bar and Review's buttons on one row) and axe-core over every view and dialog in the light and
// dark themes: 0 serious or critical violations. Also takes the docs/ screenshots: board, Review,
// people and stats in light and dark, and the board at 1024×700.
import { copyFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../../shared/domain';
import { seriousAxeViolations } from './axeChecks';
import { cardsIn, column, waitForPicturesLoaded } from './boardPage';
import { addSampleAccountThroughBridge, openHarnessPage } from './harnessPage';
import type { HarnessPage } from './harnessPage';
import type { HarnessFixture } from './harnessFixture';

type Theme = 'light' | 'dark';

let session: HarnessPage | undefined;
let fixture: HarnessFixture;
let page: Page;
let account: Account;

beforeAll(async () => {
  session = await openHarnessPage({ viewport: { width: 1024, height: 700 } });
  ({ fixture, page } = session);
  const added = await addSampleAccountThroughBridge(page, fixture.harness.appUrl, { followers: 400, following: 120, seed: 11 });
  expect(added.ok).toBe(true);
  account = added.value as Account;
  await fixture.waitForSyncDone(account.id);
  await page.reload();
  await cardsIn(page, 'new').first().waitFor({ state: 'visible', timeout: 20_000 });
});

afterAll(async () => {
  await session?.close();
});

// Every run leaves its screenshots in out/e2e (git-ignored); RAPPORT_UPDATE_SCREENSHOT=1 also
// copies them to docs/.
async function screenshot(name: string): Promise<void> {
  await waitForPicturesLoaded(page);
  const out = fileURLToPath(new URL(`../../out/e2e/${name}`, import.meta.url));
  await mkdir(dirname(out), { recursive: true });
  await page.screenshot({ path: out });
  if (process.env.RAPPORT_UPDATE_SCREENSHOT === '1') {
    await copyFile(out, fileURLToPath(new URL(`../../docs/${name}`, import.meta.url)));
  }
}

async function goTo(view: 'Board' | 'Review' | 'People' | 'Stats'): Promise<void> {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: view, exact: true }).click();
}

async function horizontalOverflow(): Promise<number> {
  return (await page.evaluate(
    `(() => { const els = [document.documentElement, ...document.querySelectorAll('.board, .workspace, main')];
      return Math.max(0, ...els.map((el) => el.scrollWidth - el.clientWidth)); })()`,
  )) as number;
}

/**
 * Card texts cut short on screen (an ellipsis or a clip), as "selector: text". Cards have a fixed
 * height and one line per part, so a part too long for the width is cut rather than wrapped.
 */
async function clippedCardTexts(selectors: string[]): Promise<string[]> {
  return (await page.evaluate(
    `Array.from(document.querySelectorAll('[data-testid="card"]')).flatMap((card) =>
      ${JSON.stringify(selectors)}.flatMap((selector) => Array.from(card.querySelectorAll(selector))
        .filter((el) => el.getClientRects().length > 0 && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1))
        .map((el) => selector + ': ' + el.textContent)))`,
  )) as string[];
}

/** Distinct top offsets of a set of elements: 1 means they sit on one row. */
async function rowsOf(selector: string): Promise<number> {
  return (await page.evaluate(
    `new Set(Array.from(document.querySelectorAll(${JSON.stringify(selector)}))
      .filter((el) => el.getBoundingClientRect().width > 0)
      .map((el) => Math.round(el.getBoundingClientRect().top + el.getBoundingClientRect().height / 2))).size`,
  )) as number;
}

async function expectNoSeriousViolations(where: string): Promise<void> {
  const findings = await seriousAxeViolations(page);
  expect(findings, `${where}: ${JSON.stringify(findings, null, 1)}`).toEqual([]);
}

describe('the window at 1024×700', () => {
  it('collapses the sidebar and fits all four columns without horizontal scrolling', async () => {
    expect(await page.getByTestId('sidebar').getAttribute('class')).toContain('is-collapsed');
    for (const stage of ['new', 'evaluated', 'connected', 'declined'] as const) {
      const box = await column(page, stage).boundingBox();
      expect(box, stage).not.toBeNull();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(1024);
    }
    expect(await horizontalOverflow()).toBe(0);
    expect(await rowsOf('.topbar > *')).toBe(1);
    // Handles are never cut; signal chips are shown at full length (the rest as "+N").
    await cardsIn(page, 'new').first().waitFor({ state: 'visible', timeout: 20_000 });
    expect(await clippedCardTexts(['.card-handle', '.signal-chip'])).toEqual([]);
    await screenshot('board-1024.png');
    // The first-run tip has been seen; the other pictures show the board as used every day.
    await page.getByRole('button', { name: 'Dismiss tip' }).click();
  });

  it("keeps Review's decision buttons on one row", async () => {
    await goTo('Review');
    await page.getByTestId('review').waitFor({ state: 'visible' });
    const buttons = page.getByTestId('review').getByRole('button', { name: /Evaluated|Connected|Declined/ });
    await buttons.first().waitFor({ state: 'visible', timeout: 15_000 });
    const tops = new Set<number>();
    for (const box of await Promise.all((await buttons.all()).map((b) => b.boundingBox()))) {
      if (box) tops.add(Math.round(box.y));
    }
    expect(tops.size).toBe(1);
    expect(await horizontalOverflow()).toBe(0);
    await goTo('Board');
  });
});

describe.each(['light', 'dark'] as Theme[])('axe-core in the %s theme', (theme) => {
  beforeAll(async () => {
    await page.emulateMedia({ colorScheme: theme });
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('finds no serious or critical violation on the board', async () => {
    await goTo('Board');
    await cardsIn(page, 'new').first().waitFor({ state: 'visible', timeout: 20_000 });
    await expectNoSeriousViolations('board');
    // At 1440 px the top bar's words are whole (the search box gives the room)...
    expect(
      await page.evaluate(
        `Array.from(document.querySelectorAll('.topbar .account-name, .topbar .account-network, .topbar .sync-last'))
          .filter((el) => el.scrollWidth > el.clientWidth).map((el) => el.textContent)`,
      ),
    ).toEqual([]);
    // ...and nothing on a card is cut: names (the mutual pill sits on the avatar, not beside
    // the name), handles, signal chips and the engagement line's words.
    expect(await clippedCardTexts(['.card-name', '.card-handle', '.signal-chip', '.card-engagement'])).toEqual([]);
    // Where the engagement line wraps, it breaks between kinds: never "mentioned you" / "9×".
    expect(
      await page.evaluate(
        `Array.from(document.querySelectorAll('[data-testid="card"] .engagement-phrase'))
          .filter((el) => el.getClientRects().length > 1).map((el) => el.textContent)`,
      ),
    ).toEqual([]);
    // The README's board picture is the light one, named board.png.
    await screenshot(theme === 'light' ? 'board.png' : 'board-dark.png');
  });

  it('finds none in Review', async () => {
    await goTo('Review');
    await page.getByTestId('review').waitFor({ state: 'visible' });
    await expectNoSeriousViolations('review');
    await screenshot(`review-${theme}.png`);
  });

  it('finds none in the people list', async () => {
    await goTo('People');
    await page.getByTestId('people-total').waitFor({ state: 'visible', timeout: 15_000 });
    await expectNoSeriousViolations('people list');
    await screenshot(`people-${theme}.png`);
  });

  it('finds none in stats', async () => {
    await goTo('Stats');
    await page.getByTestId('stats-totals').waitFor({ state: 'visible', timeout: 15_000 });
    await expectNoSeriousViolations('stats');
    await screenshot(`stats-${theme}.png`);
  });

  it('finds none in the profile drawer', async () => {
    await goTo('Board');
    const card = cardsIn(page, 'new').first();
    await card.waitFor({ state: 'visible', timeout: 20_000 });
    await card.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').waitFor({ state: 'visible' });
    await expectNoSeriousViolations('drawer');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
  });

  it('finds none in the keyboard shortcuts dialog, the move menu and the remove-account dialog', async () => {
    await page.evaluate('document.activeElement && document.activeElement.blur()');
    await page.keyboard.press('?');
    await page.getByRole('dialog').waitFor({ state: 'visible' });
    await expectNoSeriousViolations('shortcuts dialog');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'hidden' });

    const card = cardsIn(page, 'new').first();
    await card.focus();
    await page.keyboard.press('m');
    await page.getByRole('menu').waitFor({ state: 'visible' });
    await expectNoSeriousViolations('move menu');
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Remove sample account' }).click();
    await page.getByRole('dialog').waitFor({ state: 'visible' });
    await expectNoSeriousViolations('remove dialog');
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
  });
});
