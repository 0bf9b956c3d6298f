// Who engages with you, on sample data (issue 16): the chips on cards say what SQL counts, the
// "Most engaged first" sort orders the New column as SQL does, the sidebar view "Engages with you,
// not followed back" lists as many people as SQL finds, and Review starts with someone who spoke
// to me before following and shows the person's latest interactions — with no serious or critical
// axe finding in either theme.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../../shared/domain';
import { interactionChipText, isInteractionKind, type InteractionCount, type InteractionDirection } from '../../shared/interactions';
import { seriousAxeViolations } from './axeChecks';
import { cardsIn, personIdOf, renderedPersonIds } from './boardPage';
import type { HarnessFixture } from './harnessFixture';
import { addSampleAccountThroughBridge, openHarnessPage } from './harnessPage';
import type { HarnessPage } from './harnessPage';
import { withReadOnlyDb } from './readOnlyDb';

const VIEWPORT = { width: 1280, height: 800 };

let session: HarnessPage | undefined;
let fixture: HarnessFixture;
let page: Page;
let account: Account;

beforeAll(async () => {
  session = await openHarnessPage({ viewport: VIEWPORT });
  ({ fixture, page } = session);
  const added = await addSampleAccountThroughBridge(page, fixture.harness.appUrl, { followers: 300, following: 40, seed: 16 });
  if (!added.ok) throw new Error('could not add the sample account');
  account = added.value as Account;
  await fixture.waitForSyncDone(account.id, 120_000);
  await page.reload();
  await cardsIn(page, 'new').first().waitFor({ state: 'visible', timeout: 30_000 });
});

afterAll(async () => {
  await session?.close();
});

/** Per-kind counts of one person as SQL keeps them. */
function countsFromDb(personId: number): InteractionCount[] {
  return withReadOnlyDb(fixture.dbPath, (db) =>
    (
      db
        .prepare(
          `SELECT c.kind, c.direction, c.count, c.last_at AS lastAt FROM interaction_counts c
           JOIN people p ON p.remote_id = c.person_remote_id WHERE c.account_id = ? AND p.id = ?`,
        )
        .all(account.id, personId) as { kind: string; direction: InteractionDirection; count: number; lastAt: string }[]
    ).flatMap((row) => (isInteractionKind(row.kind) ? [{ ...row, kind: row.kind }] : [])),
  );
}

/** The New column in "Most engaged first": engagement as interactions add it up, then newest id. */
function engagedOrderFromDb(limit: number): number[] {
  return withReadOnlyDb(fixture.dbPath, (db) =>
    (
      db
        .prepare(
          `SELECT t.person_id AS id FROM triage t JOIN people p ON p.id = t.person_id
           LEFT JOIN interaction_people ip ON ip.account_id = t.account_id AND ip.person_remote_id = p.remote_id
           WHERE t.account_id = ? AND t.stage = 'new'
           ORDER BY coalesce(ip.engagement, 0) DESC, t.person_id DESC LIMIT ?`,
        )
        .all(account.id, limit) as { id: number }[]
    ).map((row) => row.id),
  );
}

/**
 * Followers I do not follow who did something toward me that weighs (anything but a follow), most
 * engaged first: the ids, read from the interaction tables rather than the cards' sort key.
 */
function engagesNotFollowedBackFromDb(): number[] {
  return withReadOnlyDb(fixture.dbPath, (db) =>
    (
      db
        .prepare(
          `SELECT r.person_id AS id FROM relationships r JOIN people p ON p.id = r.person_id
           JOIN interaction_people ip ON ip.account_id = r.account_id AND ip.person_remote_id = p.remote_id
           WHERE r.account_id = @account AND r.follows_me = 1 AND r.i_follow = 0
             AND EXISTS (SELECT 1 FROM interaction_counts c WHERE c.account_id = @account AND c.person_remote_id = p.remote_id
                         AND c.direction = 'theirs' AND c.kind <> 'follow' AND c.count > 0)
           ORDER BY ip.engagement DESC, r.person_id DESC`,
        )
        .all({ account: account.id }) as { id: number }[]
    ).map((row) => row.id),
  );
}

function latestFromDb(personId: number, limit: number): { kind: string; at: string }[] {
  return withReadOnlyDb(fixture.dbPath, (db) =>
    db
      .prepare(
        `SELECT i.kind, i.at FROM interactions i JOIN people p ON p.remote_id = i.person_remote_id
         WHERE i.account_id = ? AND p.id = ? ORDER BY i.at DESC, i.id DESC LIMIT ?`,
      )
      .all(account.id, personId, limit) as { kind: string; at: string }[],
  );
}

/** New followers who replied to, mentioned or quoted me before they followed: Review shows them first. */
function spokeFirstFromDb(): Set<number> {
  return withReadOnlyDb(fixture.dbPath, (db) =>
    new Set(
      (
        db
          .prepare(
            `SELECT t.person_id AS id FROM triage t JOIN people p ON p.id = t.person_id
             JOIN relationships r ON r.account_id = t.account_id AND r.person_id = t.person_id
             WHERE t.account_id = @account AND t.stage = 'new' AND r.followed_me_at IS NOT NULL
               AND EXISTS (SELECT 1 FROM interactions i WHERE i.account_id = @account AND i.person_remote_id = p.remote_id
                           AND i.direction = 'theirs' AND i.kind IN ('reply', 'mention', 'quote', 'message', 'issue', 'pull')
                           AND i.at < r.followed_me_at)`,
          )
          .all({ account: account.id }) as { id: number }[]
      ).map((row) => row.id),
    ),
  );
}

async function blur(): Promise<void> {
  await page.evaluate('document.activeElement && document.activeElement.blur()');
}

async function expectNoSeriousViolations(where: string): Promise<void> {
  const findings = await seriousAxeViolations(page);
  expect(findings, `${where}: ${JSON.stringify(findings, null, 1)}`).toEqual([]);
}

describe('who engages with you, on sample data', () => {
  it('orders New by "Most engaged first" as SQL does, and each card\'s chip says what SQL counts, inside the card', async () => {
    await page.getByRole('combobox', { name: 'Sort' }).selectOption({ label: 'Most engaged first' });
    const expected = engagedOrderFromDb(8);
    await expect.poll(async () => (await renderedPersonIds(page, 'new')).slice(0, 8), { timeout: 15_000 }).toEqual(expected);

    for (const card of (await cardsIn(page, 'new').all()).slice(0, 4)) {
      const id = await personIdOf(card);
      const text = interactionChipText(countsFromDb(id));
      expect(text.length).toBeGreaterThan(0);
      const chip = card.getByTestId('engagement-chip');
      // The card names the two strongest kinds; its title (below) names them all.
      expect(await chip.locator('.engagement-text').innerText()).toBe(interactionChipText(countsFromDb(id), 2));
      expect(await chip.getAttribute('title')).toMatch(new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\. Last on `));
      // The fixed-height card still shows its last line: the line took room from the bio, not the stats.
      const [cardBox, statsBox, chipBox] = await Promise.all([card.boundingBox(), card.locator('.card-stats').boundingBox(), chip.boundingBox()]);
      expect(cardBox && statsBox && chipBox).toBeTruthy();
      expect(statsBox!.y + statsBox!.height).toBeLessThanOrEqual(cardBox!.y + cardBox!.height);
      // At most two lines (16 px each): the words whole, the date after them.
      expect(chipBox!.height).toBeLessThanOrEqual(33);
    }
  });

  it('lists "Engages with you, not followed back" from the sidebar, as many as SQL finds, most engaged first', async () => {
    const expected = engagesNotFollowedBackFromDb();
    expect(expected.length).toBeGreaterThan(0);
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Engages with you, not followed back' }).click();
    await page.getByRole('heading', { name: 'Engages with you, not followed back' }).waitFor({ state: 'visible' });
    await expect.poll(() => page.getByTestId('people-total').getAttribute('data-total'), { timeout: 15_000 }).toBe(String(expected.length));
    const rows = page.getByTestId('person-row');
    await rows.first().waitFor({ state: 'visible' });
    const ids = await Promise.all((await rows.all()).slice(0, 5).map(async (row) => Number(await row.getAttribute('data-person-id'))));
    expect(ids).toEqual(expected.slice(0, 5));
    expect(await rows.first().getByTestId('row-engagement').innerText()).toBe(interactionChipText(countsFromDb(expected[0]!)));
  });

  it("shows the person's latest interactions in Review, as SQL has them", async () => {
    await blur();
    await page.keyboard.press('g');
    await page.keyboard.press('r');
    const reviewed = page.getByTestId('review').locator('[aria-label^="Reviewing "]');
    await reviewed.waitFor({ state: 'visible', timeout: 20_000 });
    const id = Number(await reviewed.getAttribute('data-person-id'));
    // Whatever the board's order, a follower who spoke to me before following comes first.
    const spokeFirst = spokeFirstFromDb();
    expect(spokeFirst.size).toBeGreaterThan(0);
    expect(spokeFirst.has(id)).toBe(true);
    const section = reviewed.getByRole('region', { name: 'Their latest interactions' });
    await section.waitFor({ state: 'visible' });
    const expected = latestFromDb(id, 5);
    const items = section.getByTestId('interaction');
    await expect.poll(() => items.count(), { timeout: 15_000 }).toBe(expected.length);
    const shown = await Promise.all((await items.all()).map(async (item) => ({ kind: await item.getAttribute('data-kind'), at: await item.locator('time').getAttribute('datetime') })));
    expect(shown).toEqual(expected);
    // Review's head carries the same line as the card, inside the head however long it is.
    const headChip = reviewed.getByTestId('review-sticky').getByTestId('engagement-chip');
    expect(await headChip.count()).toBe(1);
    const [chipBox, headBox] = await Promise.all([headChip.boundingBox(), reviewed.getByTestId('review-sticky').boundingBox()]);
    expect(chipBox!.x + chipBox!.width).toBeLessThanOrEqual(headBox!.x + headBox!.width);
  });

  it.each(['light', 'dark'] as const)('has no serious or critical axe finding in the %s theme (Review, the view, a board card)', async (theme) => {
    await page.emulateMedia({ colorScheme: theme });
    await page.getByTestId('review').locator('[aria-label^="Reviewing "]').getByRole('region', { name: 'Their latest interactions' }).waitFor({ state: 'visible' });
    await expectNoSeriousViolations(`Review (${theme})`);
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Engages with you, not followed back' }).click();
    await page.getByTestId('person-row').first().waitFor({ state: 'visible', timeout: 15_000 });
    await expectNoSeriousViolations(`Engages with you, not followed back (${theme})`);
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Board' }).click();
    await cardsIn(page, 'new').first().getByTestId('engagement-chip').waitFor({ state: 'visible', timeout: 15_000 });
    await expectNoSeriousViolations(`board (${theme})`);
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Review' }).click();
  });
});
