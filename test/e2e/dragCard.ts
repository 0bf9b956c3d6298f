// Drags a card onto a column with the mouse. pragmatic-drag-and-drop uses native HTML5 drag and
// drop, which Playwright drives in Chromium by intercepting the browser's own drag session;
// the mouse is moved in steps so the library sees dragenter/dragover on the target.
import type { Locator, Page } from 'playwright-core';

export async function dragCard(page: Page, card: Locator, target: Locator): Promise<void> {
  await card.scrollIntoViewIfNeeded();
  const from = await card.boundingBox();
  const to = await target.boundingBox();
  if (!from || !to) throw new Error('card or drop target is not on screen');
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 12, from.y + from.height / 2 + 12, { steps: 4 });
  await page.mouse.move(to.x + to.width / 2, to.y + Math.min(to.height / 2, 240), { steps: 12 });
  await page.mouse.up();
}
