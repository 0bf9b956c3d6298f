// The palette finds a person typed with a typo and opens them; a snoozed person is in the Snoozed
// list with the day they come back; a Declined person forgotten from the board stays Declined
// after a full sync (only the decision is kept), one forgotten completely starts over in New.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account, Stage } from '../../shared/domain';
import { cardsIn } from './boardPage';
import type { HarnessFixture } from './harnessFixture';
import { addSampleAccountThroughBridge, openHarnessPage } from './harnessPage';
import type { HarnessPage } from './harnessPage';
import { withReadOnlyDb } from './readOnlyDb';

let fixture: HarnessFixture;
let session: HarnessPage | undefined;
let page: Page;
let account: Account;

beforeAll(async () => {
  session = await openHarnessPage();
  ({ fixture, page } = session);
  const added = await addSampleAccountThroughBridge(page, fixture.harness.appUrl, { followers: 2_000, following: 50, seed: 3 });
  if (!added.ok) throw new Error('could not add the sample account');
  account = added.value as Account;
  await fixture.waitForSyncDone(account.id, 120_000);
  await page.reload();
  await cardsIn(page, 'new').first().waitFor({ state: 'visible', timeout: 30_000 });
});

afterAll(async () => {
  await session?.close();
});

interface Named {
  id: number;
  remoteId: string;
  displayName: string;
}

/** A New follower whose name has a plain word of 8+ letters, and that word with one letter dropped. */
function someoneWithALongName(): { person: Named; typo: string } {
  const rows = withReadOnlyDb(fixture.dbPath, (db) =>
    db
      .prepare(
        `SELECT p.id, p.remote_id AS remoteId, p.display_name AS displayName FROM triage t JOIN people p ON p.id = t.person_id
         WHERE t.account_id = ? AND t.stage = 'new' ORDER BY p.id`,
      )
      .all(account.id),
  ) as Named[];
  for (const person of rows) {
    const word = person.displayName.split(/\s+/).find((w) => /^[A-Za-z]{8,}$/.test(w));
    if (word) return { person, typo: word.slice(0, 4) + word.slice(5) };
  }
  throw new Error('no follower with a long plain name');
}

function stageByRemoteId(remoteId: string): Stage | null {
  return withReadOnlyDb(fixture.dbPath, (db) => {
    const row = db
      .prepare('SELECT t.stage FROM triage t JOIN people p ON p.id = t.person_id WHERE t.account_id = ? AND p.remote_id = ?')
      .get(account.id, remoteId) as { stage: Stage } | undefined;
    return row?.stage ?? null;
  });
}

async function findWithPalette(text: string): Promise<void> {
  await page.evaluate('document.activeElement && document.activeElement.blur()');
  await page.keyboard.press('Control+k');
  const field = page.getByRole('dialog', { name: 'Find a person or a view' }).getByRole('combobox');
  await field.waitFor({ state: 'visible' });
  await field.fill(text);
}

async function openWithPalette(person: Named, text: string): Promise<void> {
  await findWithPalette(text);
  const results = page.getByTestId('palette-person');
  await results.filter({ hasText: person.displayName }).first().waitFor({ state: 'visible', timeout: 10_000 });
  const names = await results.allInnerTexts();
  const index = names.findIndex((name) => name.includes(person.displayName));
  for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.getByRole('dialog', { name: `Profile of ${person.displayName}` }).waitFor({ state: 'visible' });
}

describe('palette, snoozed list and forget', () => {
  it('finds a person typed with a typo, says why, and opens them with the keyboard', async () => {
    const { person, typo } = someoneWithALongName();
    await findWithPalette(typo);
    const hit = page.getByTestId('palette-person').filter({ hasText: person.displayName }).first();
    await hit.waitFor({ state: 'visible', timeout: 10_000 });
    expect(await hit.getByTestId('palette-reason').innerText()).toBe('name');
    await page.keyboard.press('Escape');
    await openWithPalette(person, typo);
    await page.keyboard.press('Escape');
  });

  it('lists a snoozed person in Snoozed with the day they come back', async () => {
    const { person } = someoneWithALongName();
    await openWithPalette(person, person.displayName);
    const drawer = page.getByRole('dialog', { name: `Profile of ${person.displayName}` });
    await drawer.getByRole('button', { name: 'Snooze…' }).click();
    await drawer.getByRole('menuitem', { name: '7 days' }).click();
    await drawer.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Snoozed', exact: true }).click();
    const row = page.locator(`[data-testid="person-row"][data-person-id="${person.id}"]`);
    await row.waitFor({ state: 'visible', timeout: 10_000 });
    expect(await row.getByTestId('snoozed-badge').innerText()).toMatch(/^Snoozed until \w+ \d+, \d{4}$/);
  });

  it('keeps a forgotten Declined person Declined through a full sync; forgotten completely, back in New', async () => {
    await page.getByRole('button', { name: 'Board', exact: true }).click();
    // The two newest people in New as core has them (the one snoozed above is not among them).
    const people = withReadOnlyDb(fixture.dbPath, (db) =>
      db
        .prepare(
          `SELECT p.id, p.remote_id AS remoteId, p.display_name AS displayName FROM triage t JOIN people p ON p.id = t.person_id
           WHERE t.account_id = ? AND t.stage = 'new' AND t.snoozed_until IS NULL ORDER BY t.sort_rank DESC, t.person_id DESC LIMIT 2`,
        )
        .all(account.id),
    ) as Named[];
    for (const [i, person] of people.entries()) {
      await page.locator(`[data-testid="card"][data-person-id="${person.id}"]`).click();
      const drawer = page.getByRole('dialog', { name: `Profile of ${person.displayName}` });
      // The drawer's keys once it is up: pressed before, 'd' reaches the board (which declines the
      // selected card too) and the drawer opens after it, to stay.
      await drawer.getByRole('group', { name: 'Decision' }).waitFor({ state: 'visible' });
      await page.keyboard.press('d');
      await drawer.waitFor({ state: 'detached' });
      await expect.poll(() => stageByRemoteId(person.remoteId), { timeout: 10_000 }).toBe('declined');
      await page.locator(`[data-testid="card"][data-person-id="${person.id}"][data-stage="declined"]`).click();
      const again = page.getByRole('dialog', { name: `Profile of ${person.displayName}` });
      await again.getByRole('button', { name: 'Forget this person' }).click();
      const confirm = page.getByRole('dialog', { name: /^Forget / });
      expect(await confirm.innerText()).toContain('that you put them in Declined');
      if (i === 1) await confirm.getByRole('checkbox', { name: /Forget completely/ }).check();
      await confirm.getByRole('button', { name: i === 1 ? 'Forget completely' : 'Forget', exact: true }).click();
      await expect.poll(() => stageByRemoteId(person.remoteId), { timeout: 10_000 }).toBeNull();
    }

    await fixture.call('startSync', { accountId: account.id, full: true });
    await fixture.waitForSyncDone(account.id, 120_000);
    expect(stageByRemoteId(people[0]!.remoteId)).toBe('declined');
    expect(stageByRemoteId(people[1]!.remoteId)).toBe('new');
  });
});
