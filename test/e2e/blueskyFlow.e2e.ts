// Issue 3 end to end in Chromium: a Bluesky account added through the UI against the fake
// Bluesky on 127.0.0.1, its first sync with the progress bar, a follow-back by dragging a card to
// Connected (sent once, even though the fake drops the first answer after committing), a message
// from the drawer, and a sync that fails on five 500s in a row with a sentence on screen and
// nothing written.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account, StageCounts } from '../../shared/domain';
import { FakeBluesky } from '../fakes/bluesky/fakeBluesky';
import { peopleFromDb, stageCountsFromDb, stageFromDb } from './boardDb';
import { cardById, cardsIn, column, countsOnScreen, personIdOf } from './boardPage';
import { databaseBytesFromDisk, personIdByRemoteIdFromDb, remoteIdFromDb, syncFootprintFromDb } from './blueskyDb';
import { dragCard } from './dragCard';
import type { HarnessFixture } from './harnessFixture';
import { openHarnessPage, pressOnWelcome } from './harnessPage';
import type { HarnessPage } from './harnessPage';

const HANDLE = 'me.bsky.social';
const APP_PASSWORD = 'abcd-efgh-ijkl-mnop';
const FOLLOWERS = 250;
/** I follow 25 of my oldest followers back (they start in Connected) and 15 others. */
const MUTUALS = 25;
const FOLLOWS_ONLY = 15;

let fake: FakeBluesky;
let fixture: HarnessFixture;
let session: HarnessPage | undefined;
let page: Page;
let account: Account;
let followedId: number;
let followedDid: string;
let followedName: string;

/** What the board must show for the fake's graph: followers I follow back in Connected, the rest in New. */
function expectedCounts(): StageCounts {
  const followers = fake.state.followers.filter((edge) => fake.state.actors.get(edge.did)?.status === 'active');
  const mutuals = followers.filter((edge) => fake.state.followRecordsOf(edge.did).length > 0).length;
  return { new: followers.length - mutuals, evaluated: 0, connected: mutuals, declined: 0 };
}

beforeAll(async () => {
  fake = new FakeBluesky({ handle: HANDLE, password: APP_PASSWORD });
  fake.state.generate({ followers: FOLLOWERS, follows: 0, seed: 11 });
  // The oldest followers are the mutuals, so a card moved from the head of New to Connected lands
  // at the head of Connected (newest first), on screen without scrolling.
  for (const edge of fake.state.followers.slice(0, MUTUALS)) fake.state.addFollowEdge(edge.did);
  for (let i = 0; i < FOLLOWS_ONLY; i++) fake.state.addFollowEdge(fake.state.createActor().did);
  // Paced answers, so the progress bar stays on screen long enough to be seen.
  fake.knobs.latencyMs = 40;
  await fake.start();
  session = await openHarnessPage();
  ({ fixture, page } = session);
});

afterAll(async () => {
  await session?.close();
  await fake?.stop();
});

describe('Bluesky end to end against the fake', () => {
  it('adds the account through the dialog, shows sync progress, and fills the board with the fake\'s followers', async () => {
    await pressOnWelcome(page, fixture.harness.appUrl, 'Add Bluesky account');

    const dialog = page.getByRole('dialog', { name: 'Add account' });
    await dialog.waitFor({ state: 'visible' });
    await dialog.getByLabel('Handle or email').fill(HANDLE);
    await dialog.getByLabel('App password').fill(APP_PASSWORD);
    await dialog.getByLabel('Server (optional)').fill(fake.url);
    await dialog.getByRole('button', { name: 'Sign in' }).click();

    await page.getByRole('progressbar', { name: 'Sync progress' }).waitFor({ state: 'visible', timeout: 20_000 });
    await dialog.waitFor({ state: 'hidden' });

    account = await fixture.waitForAccount();
    expect(account).toMatchObject({ network: 'bluesky', handle: HANDLE });
    await fixture.waitForSyncDone(account.id);
    expect(fake.countOf('com.atproto.server.createSession')).toBe(1);

    const expected = expectedCounts();
    expect(expected.connected).toBe(MUTUALS);
    expect(stageCountsFromDb(fixture.dbPath, account.id)).toEqual(expected);
    await expect.poll(() => countsOnScreen(page), { timeout: 15_000 }).toEqual(expected);
    await cardsIn(page, 'new').first().waitFor({ state: 'visible', timeout: 20_000 });

    // The sign-in went through the page and the harness; none of its secrets reached the disk.
    const stored = databaseBytesFromDisk(fixture.dbPath);
    expect(fake.sessions.issuedTokens.length).toBeGreaterThan(0);
    for (const secret of [APP_PASSWORD, ...fake.sessions.issuedTokens]) expect(stored.includes(secret)).toBe(false);
  });

  it('follows back exactly once when a follower is dragged to Connected, though the first answer is lost', async () => {
    const card = cardsIn(page, 'new').first();
    followedId = await personIdOf(card);
    followedDid = remoteIdFromDb(fixture.dbPath, followedId);
    followedName = peopleFromDb(fixture.dbPath, [followedId]).get(followedId)?.displayName ?? '';
    expect(followedName).not.toBe('');
    expect(fake.state.followRecordsOf(followedDid)).toHaveLength(0);
    // The PDS commits the follow record, then the answer never arrives.
    fake.knobs.dropAfterCommit = { count: 1, methods: ['com.atproto.repo.createRecord'] };

    await dragCard(page, card, column(page, 'connected'));

    await expect.poll(() => stageFromDb(fixture.dbPath, account.id, followedId)).toBe('connected');
    const status = cardById(page, followedId).getByTestId('card-status');
    await expect.poll(() => status.getAttribute('data-status'), { timeout: 30_000 }).toBe('done');
    expect(fake.state.followRecordsOf(followedDid)).toHaveLength(1);
    expect(fake.knobs.dropAfterCommit.count).toBe(0);
    expect(fake.requests.filter((r) => r.endpoint === 'com.atproto.repo.createRecord' && r.status === 200)).toHaveLength(1);
  });

  it('sends a personal message from the drawer, which the fake then holds', async () => {
    const card = cardById(page, followedId);
    await card.scrollIntoViewIfNeeded();
    await card.focus();
    await page.keyboard.press('Enter');
    const drawer = page.getByRole('dialog', { name: `Profile of ${followedName}` });
    await drawer.waitFor({ state: 'visible' });

    const text = `Hello ${followedName}, thanks for the follow — what are you working on?`;
    await drawer.getByLabel(`Message to ${followedName}`).fill(text);
    await drawer.getByRole('button', { name: 'Send message' }).click();

    await expect.poll(() => fake.state.messages.map((m) => m.text), { timeout: 30_000 }).toEqual([text]);
    const convoWith = fake.state.convos.get(fake.state.messages[0]?.convoId ?? '');
    expect(convoWith).toBe(followedDid);
    await expect.poll(() => drawer.getByTestId('sent-messages').innerText(), { timeout: 15_000 }).toContain(text);

    await drawer.getByRole('button', { name: 'Close profile' }).click();
    await drawer.waitFor({ state: 'hidden' });
  });

  it('stops a sync after five 500s in a row with a sentence on screen, and writes nothing of it', async () => {
    const newcomers = fake.state.addFollowers(3);
    const before = syncFootprintFromDb(fixture.dbPath, account.id);
    const countsBefore = stageCountsFromDb(fixture.dbPath, account.id);
    fake.knobs.serverErrors = { count: 5, status: 500, methods: ['app.bsky.graph.getFollowers'] };
    const listCallsBefore = fake.countOf('app.bsky.graph.getFollowers');

    await page.getByRole('button', { name: 'Sync now' }).click();

    const error = page.getByTestId('sync-error');
    await error.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await error.getAttribute('role')).toBe('alert');
    const sentence = (await error.innerText()).trim();
    expect(sentence).toMatch(/server errors/i);
    expect(sentence).toMatch(/[.!]$/);
    const status = await fixture.waitForSyncEnd(account.id);
    expect(status.state).toBe('failed');

    expect(fake.knobs.serverErrors.count).toBe(0);
    expect(fake.countOf('app.bsky.graph.getFollowers') - listCallsBefore).toBe(5);
    expect(syncFootprintFromDb(fixture.dbPath, account.id)).toEqual(before);
    expect(stageCountsFromDb(fixture.dbPath, account.id)).toEqual(countsBefore);
    for (const actor of newcomers) expect(personIdByRemoteIdFromDb(fixture.dbPath, actor.did)).toBeNull();
    await expect.poll(() => countsOnScreen(page), { timeout: 15_000 }).toEqual(countsBefore);
  });
});
