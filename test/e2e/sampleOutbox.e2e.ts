// Sample data shows what makes Rapport different: a move to Connected goes through the outbox
// (simulated, and labelled so), the budget meter counts it, and the composer fills a template and
// "sends" a message that goes nowhere, saying so.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../../shared/domain';
import { cardById, cardsIn, personIdOf } from './boardPage';
import { addSampleAccountThroughBridge, openHarnessPage } from './harnessPage';
import type { HarnessPage } from './harnessPage';
import type { HarnessFixture } from './harnessFixture';

let session: HarnessPage | undefined;
let fixture: HarnessFixture;
let page: Page;
let account: Account;
let followed: number;

beforeAll(async () => {
  session = await openHarnessPage();
  ({ fixture, page } = session);
  const added = await addSampleAccountThroughBridge(page, fixture.harness.appUrl, { followers: 60, following: 20, seed: 21 });
  expect(added.ok).toBe(true);
  account = added.value as Account;
  await fixture.waitForSyncDone(account.id);
  await fixture.call('saveTemplate', { name: 'Thanks', body: 'Hi {name}, thanks for the follow!' });
  await page.reload();
  await cardsIn(page, 'new').first().waitFor({ state: 'visible', timeout: 20_000 });
});

afterAll(async () => {
  await session?.close();
});

describe('sample data and the outbox', () => {
  it('follows through the outbox on a move to Connected, and the budget meter counts it', async () => {
    const meter = page.getByTestId('budget-meter');
    await meter.waitFor({ state: 'visible' });
    expect(await meter.getAttribute('aria-valuenow')).toBe('0');
    expect(await page.getByText('Sample actions').count()).toBe(1);

    const card = cardsIn(page, 'new').first();
    followed = await personIdOf(card);
    await card.focus();
    await page.keyboard.press('c');

    const moved = page.locator(`[data-testid="list-connected"] [data-person-id="${followed}"]`);
    await moved.waitFor({ state: 'visible', timeout: 15_000 });
    await expect
      .poll(async () => (await fixture.call('listActions', { accountId: account.id })).map((a) => [a.kind, a.status]), { timeout: 15_000 })
      .toEqual([['follow', 'done']]);
    await expect.poll(() => meter.getAttribute('aria-valuenow'), { timeout: 15_000 }).toBe('1');
  });

  it('writes with a template in the composer, and says the message goes nowhere', async () => {
    const card = cardById(page, followed);
    await card.focus();
    await page.keyboard.press('Enter');
    const drawer = page.getByRole('dialog');
    await drawer.waitFor({ state: 'visible' });
    expect(await drawer.getByTestId('simulated-note').innerText()).toMatch(/^Sample: nothing is sent\./);

    await drawer.getByRole('combobox', { name: 'Template' }).selectOption({ label: 'Thanks' });
    const text = await drawer.getByRole('textbox', { name: /^Message to / }).inputValue();
    expect(text).toMatch(/^Hi .+, thanks for the follow!$/);
    await drawer.getByRole('button', { name: 'Send message' }).click();

    await drawer.getByTestId('sent-messages').getByText(text).waitFor({ state: 'visible', timeout: 15_000 });
    await expect
      .poll(async () => (await fixture.call('listActions', { accountId: account.id })).filter((a) => a.kind === 'dm').map((a) => a.status), { timeout: 15_000 })
      .toEqual(['done']);
    await expect.poll(() => page.getByTestId('budget-meter').getAttribute('aria-valuenow'), { timeout: 15_000 }).toBe('2');
    await page.keyboard.press('Escape');
  });
});
