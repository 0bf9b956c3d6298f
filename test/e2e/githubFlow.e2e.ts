// Issue 13 end to end in Chromium: a GitHub account added with a token against the fake GitHub on
// 127.0.0.1 (typed as the Enterprise address), its first sync, board counts equal to the fake and
// to SQLite, a profile with recent public activity, copy-and-open in place of a message, a
// follow-back by dragging to Connected and an unfollow when the card leaves it.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account, StageCounts } from '../../shared/domain';
import { FakeGithub } from '../fakes/github/fakeGithub';
import type { FakeGithubUser } from '../fakes/github/fakeGithubState';
import { stageCountsFromDb, stageFromDb } from './boardDb';
import { cardById, cardsIn, column, countsOnScreen, personIdOf } from './boardPage';
import { dragCard } from './dragCard';
import type { HarnessFixture } from './harnessFixture';
import { openHarnessPage, pressOnWelcome } from './harnessPage';
import type { HarnessPage } from './harnessPage';

const FOLLOWERS = 180;
const MUTUALS = 20;

let fake: FakeGithub;
let fixture: HarnessFixture;
let session: HarnessPage | undefined;
let page: Page;
let account: Account;
let busy: FakeGithubUser;
let busyId: number;

const following = (userId: number) => fake.state.following.some((edge) => edge.userId === userId);

function expectedCounts(): StageCounts {
  const followers = fake.state.visible('followers').length;
  return { new: followers - MUTUALS, evaluated: 0, connected: MUTUALS, declined: 0 };
}

beforeAll(async () => {
  fake = new FakeGithub();
  fake.state.generate({ followers: FOLLOWERS });
  for (const edge of fake.state.followers.slice(0, MUTUALS)) fake.state.addFollowing(edge.userId);
  // The newest follower heads New and has recent public activity.
  busy = fake.state.addUser({
    login: 'busy-dev',
    name: 'Busy Dev',
    company: '@acme',
    publicRepos: 9,
    events: [
      { id: 'e1', type: 'PullRequestEvent', repo: 'acme/tool', createdAt: '2026-11-30T10:00:00Z', number: 12, title: 'Fix the parser' },
      { id: 'e2', type: 'ReleaseEvent', repo: 'acme/tool', createdAt: '2026-11-28T10:00:00Z', tag: 'v2.0.0' },
    ],
  });
  fake.state.addFollower(busy.id);
  fake.knobs.latencyMs = 20;
  await fake.start();
  session = await openHarnessPage();
  ({ fixture, page } = session);
});

afterAll(async () => {
  await session?.close();
  await fake?.stop();
});

describe('GitHub end to end against the fake', () => {
  it('adds the account with a token and fills the board with exactly the fake\'s followers', async () => {
    const token = fake.issueToken();
    await pressOnWelcome(page, fixture.harness.appUrl, 'Add GitHub account');
    const dialog = page.getByRole('dialog', { name: 'Add account' });
    await dialog.waitFor({ state: 'visible' });
    await dialog.getByLabel('Personal access token').fill(token);
    await dialog.getByLabel('GitHub Enterprise Server (optional)').fill(fake.url);
    await dialog.getByRole('button', { name: 'Sign in' }).click();
    await dialog.waitFor({ state: 'hidden', timeout: 20_000 });

    account = await fixture.waitForAccount();
    expect(account).toMatchObject({ network: 'github', handle: 'octo-self' });
    await fixture.waitForSyncDone(account.id);
    const expected = expectedCounts();
    expect(stageCountsFromDb(fixture.dbPath, account.id)).toEqual(expected);
    await expect.poll(() => countsOnScreen(page), { timeout: 15_000 }).toEqual(expected);
  });

  it('opens a profile with recent public activity and GitHub\'s details', async () => {
    const card = cardsIn(page, 'new').first();
    await card.waitFor({ state: 'visible', timeout: 20_000 });
    busyId = await personIdOf(card);
    await card.focus();
    await page.keyboard.press('Enter');
    const drawer = page.getByRole('dialog', { name: 'Profile of Busy Dev' });
    await drawer.waitFor({ state: 'visible' });
    await expect.poll(() => drawer.innerText(), { timeout: 15_000 }).toContain('Opened pull request #12 in acme/tool: Fix the parser');
    expect(await drawer.innerText()).toContain('Released v2.0.0 of acme/tool');
    expect(await drawer.getByTestId('github-details').innerText()).toContain('@acme');
  });

  it('says GitHub has no messages and copies the text and opens the profile instead', async () => {
    const drawer = page.getByRole('dialog', { name: 'Profile of Busy Dev' });
    expect(await drawer.getByTestId('composer-unavailable').innerText()).toContain('GitHub has no messages');
    // The harness page has no main process to hand links to: record what would be opened.
    await page.evaluate(() => {
      const opened: string[] = [];
      (window as unknown as { openedUrls: string[] }).openedUrls = opened;
      window.open = (url?: string | URL) => {
        opened.push(String(url));
        return null;
      };
    });
    await drawer.getByLabel('Your text').fill('Loved the parser fix');
    await drawer.getByRole('button', { name: 'Copy and open profile' }).click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { openedUrls: string[] }).openedUrls)).toEqual([`${fake.url}/busy-dev`]);
    await expect.poll(() => drawer.getByTestId('github-write-elsewhere').innerText()).toMatch(/opened their GitHub profile/);
    await drawer.getByRole('button', { name: 'Close profile' }).click();
    await drawer.waitFor({ state: 'hidden' });
  });

  it('follows back when the card is dragged to Connected, and unfollows when it leaves', async () => {
    expect(following(busy.id)).toBe(false);
    await dragCard(page, cardById(page, busyId), column(page, 'connected'));
    await expect.poll(() => stageFromDb(fixture.dbPath, account.id, busyId)).toBe('connected');
    await expect.poll(() => following(busy.id), { timeout: 30_000 }).toBe(true);
    const status = cardById(page, busyId).getByTestId('card-status');
    await expect.poll(() => status.getAttribute('data-status'), { timeout: 30_000 }).toBe('done');

    await dragCard(page, cardById(page, busyId), column(page, 'evaluated'));
    const question = page.getByRole('alertdialog');
    await question.waitFor({ state: 'visible' });
    await question.getByRole('button', { name: 'Unfollow' }).click();
    await expect.poll(() => stageFromDb(fixture.dbPath, account.id, busyId)).toBe('evaluated');
    await expect.poll(() => following(busy.id), { timeout: 30_000 }).toBe(false);
    expect(fake.countOf('PUT /user/following/:login')).toBe(1);
    expect(fake.countOf('DELETE /user/following/:login')).toBe(1);
  });
});
