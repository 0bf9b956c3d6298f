// Reads and drives the board through the hooks the renderer promises (common brief, "Renderer
// UI hooks for e2e"): column/count/list test ids, cards with data-person-id and data-stage.
import type { Locator, Page } from 'playwright-core';
import type { Stage, StageCounts } from '../../shared/domain';
import { STAGES } from '../../shared/domain';

export function column(page: Page, stage: Stage): Locator {
  return page.getByTestId(`column-${stage}`);
}

export function cardsIn(page: Page, stage: Stage): Locator {
  return page.getByTestId(`list-${stage}`).getByTestId('card');
}

export function cardById(page: Page, personId: number): Locator {
  return page.locator(`[data-testid="card"][data-person-id="${personId}"]`);
}

/** The counts as the user reads them ("12,345" → 12345); null while a count is not shown. */
export async function countsOnScreen(page: Page): Promise<StageCounts | null> {
  const counts = {} as StageCounts;
  for (const stage of STAGES) {
    const el = page.getByTestId(`count-${stage}`);
    if ((await el.count()) !== 1) return null;
    const digits = (await el.innerText()).replace(/[\s,.\u00a0\u202f']/g, '');
    if (!/^\d+$/.test(digits)) return null;
    counts[stage] = Number(digits);
  }
  return counts;
}

export async function personIdOf(card: Locator): Promise<number> {
  const id = Number(await card.getAttribute('data-person-id'));
  if (!Number.isInteger(id) || id <= 0) throw new Error('card without a numeric data-person-id');
  return id;
}

/** Person ids of the cards currently in the DOM of a column, in DOM order. */
export async function renderedPersonIds(page: Page, stage: Stage): Promise<number[]> {
  const selector = JSON.stringify(`[data-testid="list-${stage}"] [data-testid="card"]`);
  const ids = (await page.evaluate(
    `Array.from(document.querySelectorAll(${selector}), (card) => card.getAttribute('data-person-id'))`,
  )) as string[];
  return ids.map(Number);
}

/**
 * Page-side code is passed as strings: this file is type-checked without DOM types, and
 * playwright only calls a pageFunction when it is a real function (a string is an expression).
 */

/** Role and accessible text of the focused element, to steer keyboard-only flows. */
export async function focusedElement(page: Page): Promise<{ role: string | null; text: string }> {
  return (await page.evaluate(
    `(() => { const el = document.activeElement; return { role: el && el.getAttribute('role'), text: ((el && (el.getAttribute('aria-label') || el.textContent)) || '').trim() }; })()`,
  )) as { role: string | null; text: string };
}

/**
 * Polls a page expression until it is truthy. page.waitForFunction would compile the string
 * inside the page, which the app's CSP (no 'unsafe-eval') rightly refuses.
 */
export async function waitForPageCondition(page: Page, expression: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await page.evaluate(expression))) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for: ${expression}`);
    await page.waitForTimeout(20);
  }
}

/**
 * Waits until every picture on the page has been asked for and has loaded (or failed): list rows
 * ask for theirs a moment after they appear (Avatar.tsx), and an <img> with no src counts as
 * complete, so `complete` alone can pass before a row's picture was even requested.
 */
export async function waitForPicturesLoaded(page: Page, timeoutMs = 10_000): Promise<void> {
  await waitForPageCondition(page, `Array.from(document.images).every((img) => img.hasAttribute('src') && img.complete)`, timeoutMs);
}
