// 100,000 sample followers: the board opens, the New column scrolls thousands of cards deep and
// back, the DOM never holds more than 200 cards per column, and every card on screen shows the
// real person from the database (no blank window while windows are fetched).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAGES } from '../../shared/domain';
import type { Account, Stage } from '../../shared/domain';
import { newestSortDepthFromDb, peopleFromDb, stageCountsFromDb } from './boardDb';
import { cardsIn, countsOnScreen } from './boardPage';
import type { HarnessFixture } from './harnessFixture';
import { addSampleAccountThroughBridge, openHarnessPage } from './harnessPage';
import type { HarnessPage } from './harnessPage';

const FOLLOWERS = 100_000;
const MAX_CARDS_PER_COLUMN = 200;
/** "Several thousand cards" deep into the New column. */
const TARGET_DEPTH = 5_000;

let fixture: HarnessFixture;
let session: HarnessPage | undefined;
let page: Page;
let account: Account;
let maxSeen = 0;

beforeAll(async () => {
  session = await openHarnessPage();
  ({ fixture, page } = session);
});

afterAll(async () => {
  await session?.close();
});

/** The most cards any one column holds in the DOM right now. */
async function cardsPerColumnNow(): Promise<number> {
  let most = 0;
  for (const stage of STAGES) most = Math.max(most, await cardsIn(page, stage).count());
  maxSeen = Math.max(maxSeen, most);
  return most;
}

/** Cards inside the visible part of the list, with their text. */
async function visibleCards(stage: Stage): Promise<{ id: number; text: string }[]> {
  const listSelector = JSON.stringify(`[data-testid="list-${stage}"]`);
  return (await page.evaluate(`(() => {
    const list = document.querySelector(${listSelector});
    if (!list) return [];
    const box = list.getBoundingClientRect();
    return Array.from(list.querySelectorAll('[data-testid="card"]'))
      .filter((card) => {
        const r = card.getBoundingClientRect();
        return r.bottom > box.top && r.top < box.bottom;
      })
      .map((card) => ({ id: Number(card.getAttribute('data-person-id')), text: card.textContent || '' }));
  })()`)) as { id: number; text: string }[];
}

/** Every card on screen names the person the database has under its id. */
async function expectRealCardsOnScreen(stage: Stage): Promise<number[]> {
  let shown: { id: number; text: string }[] = [];
  await expect
    .poll(
      async () => {
        shown = await visibleCards(stage);
        if (shown.length === 0) return 'no cards on screen';
        const people = peopleFromDb(fixture.dbPath, shown.map((c) => c.id));
        const wrong = shown.filter((c) => !people.has(c.id) || !c.text.includes(people.get(c.id)?.displayName ?? '\u0000'));
        return wrong.length === 0 ? 'ok' : `${wrong.length} of ${shown.length} cards blank or wrong`;
      },
      { timeout: 10_000, interval: 50 },
    )
    .toBe('ok');
  return shown.map((c) => c.id);
}

/**
 * Watches every DOM change in the page and keeps the largest card count any column reached, so
 * a transient overshoot between two samples cannot slip through.
 */
async function watchCardCounts(): Promise<void> {
  await page.evaluate(`(() => {
    const peak = { cards: 0 };
    window.__rapportCardPeak = peak;
    const measure = () => {
      for (const list of document.querySelectorAll('[data-testid^="list-"]')) {
        peak.cards = Math.max(peak.cards, list.querySelectorAll('[data-testid="card"]').length);
      }
    };
    measure();
    new MutationObserver(measure).observe(document.body, { childList: true, subtree: true });
  })()`);
}

async function peakCardsPerColumn(): Promise<number> {
  return (await page.evaluate('window.__rapportCardPeak.cards')) as number;
}

async function setScrollTop(top: number): Promise<void> {
  await page.evaluate(`void (document.querySelector('[data-testid="list-new"]').scrollTop = ${Math.round(top)})`);
}

describe('board with 100,000 sample followers', () => {
  it('syncs 100,000 followers added through the bridge', async () => {
    const added = await addSampleAccountThroughBridge(page, fixture.harness.appUrl, { followers: FOLLOWERS, following: 200, seed: 42 });
    expect(added.ok).toBe(true);
    account = added.value as Account;
    await fixture.waitForSyncDone(account.id, 170_000);
    const counts = stageCountsFromDb(fixture.dbPath, account.id);
    expect(STAGES.reduce((sum, s) => sum + counts[s], 0)).toBe(FOLLOWERS);
  });

  it('opens the board with counts from SQL and at most 200 cards per column', async () => {
    await page.reload();
    await cardsIn(page, 'new').first().waitFor({ state: 'visible', timeout: 30_000 });
    await expect.poll(() => countsOnScreen(page), { timeout: 15_000 }).toEqual(stageCountsFromDb(fixture.dbPath, account.id));
    expect(await cardsPerColumnNow()).toBeLessThanOrEqual(MAX_CARDS_PER_COLUMN);
    await expectRealCardsOnScreen('new');
  });

  it('scrolls the New column thousands of cards deep and back without holding them in the DOM', async () => {
    const topIds = await expectRealCardsOnScreen('new');
    const depthOf = (personId: number) => newestSortDepthFromDb(fixture.dbPath, account.id, 'new', personId);
    const list = page.getByTestId('list-new');
    const box = await list.boundingBox();
    if (!box) throw new Error('New list not on screen');
    await watchCardCounts();

    // A user's wheel first, sampling the DOM as it goes.
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    for (let i = 0; i < 60; i++) {
      await page.mouse.wheel(0, 1200);
      if (i % 5 === 0) expect(await cardsPerColumnNow()).toBeLessThanOrEqual(MAX_CARDS_PER_COLUMN);
    }
    const afterWheel = await expectRealCardsOnScreen('new');
    let depth = depthOf(afterWheel[0] as number);
    expect(depth, 'cards deep after the wheel').toBeGreaterThan(100);

    // Then long strides (a scrollbar drag, page after page) until thousands of cards deep;
    // the depth is what SQL says of the card on screen, whatever the renderer's geometry.
    for (let stride = 0; depth < TARGET_DEPTH; stride++) {
      expect(stride, `still only ${depth} cards deep`).toBeLessThan(400);
      await page.evaluate(
        `(() => { const l = document.querySelector('[data-testid="list-new"]'); l.scrollTop += 40 * l.clientHeight; })()`,
      );
      expect(await cardsPerColumnNow()).toBeLessThanOrEqual(MAX_CARDS_PER_COLUMN);
      const shown = await expectRealCardsOnScreen('new');
      const next = depthOf(shown[0] as number);
      expect(next, 'scrolling down goes deeper').toBeGreaterThan(depth);
      depth = next;
    }
    expect(await peakCardsPerColumn()).toBeLessThanOrEqual(MAX_CARDS_PER_COLUMN);

    // And back to the top in one jump: the first cards are the ones the board opened with.
    await setScrollTop(0);
    await expect
      .poll(async () => (await expectRealCardsOnScreen('new'))[0], { timeout: 20_000 })
      .toBe(topIds[0]);
    expect(await cardsPerColumnNow()).toBeLessThanOrEqual(MAX_CARDS_PER_COLUMN);
    expect(maxSeen).toBeGreaterThan(0);
    expect(await peakCardsPerColumn()).toBeLessThanOrEqual(MAX_CARDS_PER_COLUMN);
    expect(await peakCardsPerColumn()).toBeGreaterThan(0);
  });
});
