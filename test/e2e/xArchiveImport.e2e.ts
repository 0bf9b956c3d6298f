// Issue 15's acceptance in Chromium: importing an X archive from the window. The welcome screen's
// "Import your X archive" opens the form; the archive's path goes in; the board then shows exactly
// the counts the archive implies, and exactly what SQLite holds.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeXArchiveZip, xIds } from '../fakes/x/xArchiveBuilder';
import { stageCountsFromDb } from './boardDb';
import { countsOnScreen } from './boardPage';
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
    await dialog.getByLabel('Your X archive').fill(archive);
    await dialog.getByRole('button', { name: 'Import archive' }).click();
    await dialog.waitFor({ state: 'hidden', timeout: 60_000 });

    const expected = { new: FOLLOWERS - 15, evaluated: 0, connected: 15, declined: 0 };
    const account = await fixture.waitForAccount();
    expect(account).toMatchObject({ network: 'x', handle: 'rapport_me' });
    expect(stageCountsFromDb(fixture.dbPath, account.id)).toEqual(expected);
    await expect.poll(() => countsOnScreen(page), { timeout: 60_000 }).toEqual(expected);
    // A name recovered from a mention shows on the newest card.
    await expect.poll(() => page.getByText('Ada Lovelace').count(), { timeout: 20_000 }).toBeGreaterThan(0);
  });
});
