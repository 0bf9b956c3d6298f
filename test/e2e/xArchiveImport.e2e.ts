// Issue 15's acceptance in Chromium: importing an X archive from the window. The welcome screen's
// "Import your X archive" opens the form; the archive is picked with the file dialog; the board then shows exactly
// the counts the archive implies, and exactly what SQLite holds. A card moved to Connected opens
// X's follow page for that person (captured here: the harness has no main process to hand it to
// the browser), and "mark done" on the card records the follow.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeXArchiveZip, xIds } from '../fakes/x/xArchiveBuilder';
import { stageCountsFromDb, stageFromDb } from './boardDb';
import { cardById, cardsIn, column, countsOnScreen, personIdOf } from './boardPage';
import { dragCard } from './dragCard';
import { withReadOnlyDb } from './readOnlyDb';
import type { HarnessFixture } from './harnessFixture';
import { openHarnessPage, pressOnWelcome, type HarnessPage } from './harnessPage';

const FOLLOWERS = 2_345;
const followers = xIds(FOLLOWERS);
// 40 people I follow, the first 15 of them following me back (mutuals start Connected).
const following = [...Array.from({ length: 15 }, (_, i) => followers.id(i * 7)), ...Array.from({ length: 25 }, (_, i) => String(9_000 + i))];

let dir: string;
let archive: string;
let session: HarnessPage | undefined;
let fixture: HarnessFixture;
let page: Page;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-e2e-x-'));
  archive = path.join(dir, 'twitter-2026-12-01.zip');
  await writeXArchiveZip(archive, {
    owner: { id: '4242', username: 'rapport_me', displayName: 'Me Myself' },
    generatedAt: '2026-12-01T08:00:00.000Z',
    followers,
    following,
    partItems: 1_000,
    tweets: [{ id: '950', mentions: [{ id: followers.id(0), screenName: 'ada', name: 'Ada Lovelace' }] }],
  });
  session = await openHarnessPage({ viewport: { width: 1440, height: 1000 } });
  ({ fixture, page } = session);
});

afterAll(async () => {
  await session?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('importing an X archive in the window', () => {
  it('fills the board with exactly the archive’s followers, as SQLite has them', async () => {
    await pressOnWelcome(page, fixture.harness.appUrl, 'Import your X archive');
    const dialog = page.getByRole('dialog', { name: 'Add account' });
    // Picked as a user would, with the file dialog; the harness learns where the bytes lie the
    // way the preload does (pathForFile), so core reads the archive in place.
    await dialog.getByLabel('Choose your X archive').setInputFiles(archive);
    await dialog.waitFor({ state: 'hidden', timeout: 60_000 });

    const expected = { new: FOLLOWERS - 15, evaluated: 0, connected: 15, declined: 0 };
    const account = await fixture.waitForAccount();
    expect(account).toMatchObject({ network: 'x', handle: 'rapport_me' });
    expect(stageCountsFromDb(fixture.dbPath, account.id)).toEqual(expected);
    await expect.poll(() => countsOnScreen(page), { timeout: 60_000 }).toEqual(expected);
    // A name recovered from a mention shows on the newest card.
    await expect.poll(() => page.getByText('Ada Lovelace').count(), { timeout: 20_000 }).toBeGreaterThan(0);
  });

  it('a move to Connected opens X’s follow page for that person; “mark done” records the follow', async () => {
    const account = await fixture.waitForAccount();
    await page.evaluate(() => {
      const opened: string[] = [];
      (window as unknown as { openedUrls: string[] }).openedUrls = opened;
      window.open = (url?: string | URL) => {
        opened.push(String(url));
        return null;
      };
    });
    const first = cardsIn(page, 'new').first();
    const adaId = await personIdOf(first);
    const remoteId = withReadOnlyDb(fixture.dbPath, (db) => (db.prepare('SELECT remote_id AS id FROM people WHERE id = ?').get(adaId) as { id: string }).id);
    await dragCard(page, first, column(page, 'connected'));
    await expect.poll(() => stageFromDb(fixture.dbPath, account.id, adaId)).toBe('connected');
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { openedUrls: string[] }).openedUrls))
      .toEqual([`https://x.com/intent/follow?user_id=${remoteId}`]);

    const status = cardById(page, adaId).getByTestId('card-status');
    await expect.poll(() => status.getAttribute('data-status'), { timeout: 30_000 }).toBe('opened');
    expect(await status.innerText()).toContain('Opened on X — mark done');
    const stored = () =>
      withReadOnlyDb(fixture.dbPath, (db) =>
        db
          .prepare(
            `SELECT o.status, r.i_follow AS iFollow FROM outbox o JOIN relationships r ON r.account_id = o.account_id AND r.person_id = o.person_id
             WHERE o.account_id = ? AND o.person_id = ? AND o.kind = 'follow'`,
          )
          .get(account.id, adaId),
      );
    expect(stored()).toEqual({ status: 'opened', iFollow: 0 });

    await status.getByRole('button', { name: /^Mark follow for .* done on X$/ }).click();
    await expect.poll(stored, { timeout: 30_000 }).toEqual({ status: 'done', iFollow: 1 });
    // Nothing else was opened: one person, one page.
    expect(await page.evaluate(() => (window as unknown as { openedUrls: string[] }).openedUrls)).toHaveLength(1);
  });
});
