// Issue 5's XSS acceptance in Chromium: every hostile payload of the corpus (script tags, event
// handlers, javascript:/data: links, SVG and MathML, CSS injection, broken markup; in bios, names,
// profile fields and posts) synced from the fake Mastodon into the harness and rendered, on the
// cards and in every profile drawer. A tripwire (`window.__xss`) must never fire, no dialog or
// popup may open, the CSP must never have to block anything, and the DOM must hold no event
// handler attribute, no script-capable URL and nothing beyond the sanitizer's allow-list.
// Issue 10's layout payloads (words wider than any column, bidi overrides, zalgo, links naming
// another host) must keep the drawer, Review and the people list at their width and show no
// overridden direction.
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../../shared/domain';
import { FakeMastodon } from '../fakes/mastodon/fakeMastodon';
import { hostilePayloads, isLayoutPayload, type HostilePayload } from '../fakes/mastodon/hostileContent';
import { stageCountsFromDb } from './boardDb';
import { cardById, countsOnScreen, renderedPersonIds } from './boardPage';
import { launchChromium } from './browser';
import { startHarnessFixture } from './harnessFixture';
import type { HarnessFixture } from './harnessFixture';
import { layoutProblems, layoutReport } from './layoutProbe';
import { peopleWithPostsFromDb, personIdsByFakeAccountFromDb, writeRawDisplayNameToDb, writeUnsanitizedHtmlToDb } from './mastodonDb';
import { signInThroughCore } from './mastodonSignInSteps';
import { cspViolations, cspViolationsInPage, hoverRemoteLinks, plantTripwire, remoteMarkupIn, tripwireHits, unsafeDom, type XssWatch } from './mastodonXssProbe';

const PAYLOADS = hostilePayloads();
/** One follower per payload (the fake spreads them over the newest followers), and a few clean ones. */
const FOLLOWERS = PAYLOADS.length + 4;
const DRAWER = '[role="dialog"][aria-label^="Profile of"]';
/** Left in out/ (git-ignored) for a person to look at: the drawer of the longest hostile name. */
const LONG_NAME_SHOT = fileURLToPath(new URL('../../out/e2e/xss-drawer-long-name.png', import.meta.url));

let fake: FakeMastodon;
let fixture: HarnessFixture;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let watch: XssWatch;
let account: Account;
/** people.id → the payloads that person carries. */
const payloadsByPerson = new Map<number, HostilePayload[]>();
const visited = new Set<number>();
const problems: string[] = [];
let drawersWithMarkup = 0;
let drawersWithPosts = 0;
let remoteLinks = 0;
/** What remote text did to the layout, per view, and the drawer's width each time it opened. */
const layoutIssues: string[] = [];
const drawerWidths = new Set<number>();

beforeAll(async () => {
  expect(PAYLOADS.length).toBeGreaterThanOrEqual(50);
  fake = new FakeMastodon({ username: 'me', domain: 'fake.mastodon.test' });
  fake.state.generate({ followers: FOLLOWERS, following: 0, lockedShare: 0, hostile: true, seed: 9 });
  await fake.start();
  fixture = await startHarnessFixture({ coreOptions: { allowLoopbackHttp: true } });
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, deviceScaleFactor: 1 });
  page = await context.newPage();
  watch = await plantTripwire(context, page);
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await fixture?.stop();
  await fake?.stop();
});

/** The person carrying a payload. */
function byPayload(id: string): number {
  const entry = [...payloadsByPerson].find(([, payloads]) => payloads.some((p) => p.id === id));
  if (!entry) throw new Error(`no person carries ${id}`);
  return entry[0];
}

/** Which fake account got which payload: the fake hands them out over followers, newest first. */
function mapPayloadsToPeople(): void {
  const targets = [...fake.state.followers].reverse().map((edge) => edge.accountId);
  const personIds = personIdsByFakeAccountFromDb(fixture.dbPath, new URL(fake.url).host);
  PAYLOADS.forEach((payload, i) => {
    const fakeId = targets[i % targets.length] ?? '';
    const personId = personIds.get(fakeId);
    if (personId === undefined) throw new Error(`the follower carrying ${payload.id} was not synced`);
    payloadsByPerson.set(personId, [...(payloadsByPerson.get(personId) ?? []), payload]);
  });
}

/** Opens one card's drawer from the keyboard, pokes at what it shows, checks the DOM, closes it. */
async function inspectDrawer(personId: number): Promise<void> {
  await focusCard(personId);
  await page.keyboard.press('Enter');
  const drawer = page.locator(DRAWER);
  await drawer.waitFor({ state: 'visible', timeout: 10_000 });
  // Attached, not visible: a bio of which nothing survives sanitizing is an empty box.
  await drawer.getByTestId('drawer-bio').waitFor({ state: 'attached', timeout: 10_000 });
  await hoverRemoteLinks(page);
  const markup = await remoteMarkupIn(page);
  if (markup.blocks > 0) drawersWithMarkup++;
  remoteLinks += markup.links;
  if ((await drawer.getByTestId('drawer-post').count()) > 0) drawersWithPosts++;
  const layout = await layoutReport(page, DRAWER);
  drawerWidths.add(layout.scopeWidth);
  layoutIssues.push(...layoutProblems(layout, `drawer of ${personId}`));
  if ((payloadsByPerson.get(personId) ?? []).some((p) => p.id === 'layout-long-name')) {
    await mkdir(fileURLToPath(new URL('../../out/e2e/', import.meta.url)), { recursive: true });
    await page.screenshot({ path: LONG_NAME_SHOT });
  }
  for (const problem of await unsafeDom(page)) problems.push(`person ${personId} (${(payloadsByPerson.get(personId) ?? []).map((p) => p.id).join(', ') || 'clean'}): ${problem}`);
  await page.keyboard.press('Escape');
  await drawer.waitFor({ state: 'hidden', timeout: 10_000 });
}

/**
 * Focuses a card, bringing it back into the virtualized column if a refresh (avatars arriving,
 * say) re-rendered the column under the spec.
 */
async function focusCard(personId: number): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    if (!(await renderedPersonIds(page, 'new')).includes(personId)) await scrollUntilRendered(personId);
    try {
      await cardById(page, personId).focus({ timeout: 3_000 });
      return;
    } catch (error) {
      if (attempt >= 4) throw error;
    }
  }
}

/** Scrolls the New column from the top until the person's card is rendered. */
async function scrollUntilRendered(personId: number): Promise<void> {
  await page.evaluate(`document.querySelector('[data-testid="list-new"]').scrollTop = 0`);
  for (let step = 0; step < 100; step++) {
    await page.waitForTimeout(100);
    if ((await renderedPersonIds(page, 'new')).includes(personId)) return;
    await scrollNewColumn(0.5);
  }
  throw new Error(`card ${personId} never rendered in New`);
}

function scrollNewColumn(fraction: number): Promise<unknown> {
  return page.evaluate(`(() => { const list = document.querySelector('[data-testid="list-new"]'); list.scrollTop += list.clientHeight * ${fraction}; return list.scrollTop; })()`);
}

describe('hostile Mastodon content rendered in Chromium', () => {
  it('syncs every hostile follower from the fake onto the board', async () => {
    account = await signInThroughCore(fixture, fake);
    await fixture.waitForSyncDone(account.id);
    const counts = stageCountsFromDb(fixture.dbPath, account.id);
    expect(counts).toEqual({ new: FOLLOWERS, evaluated: 0, connected: 0, declined: 0 });
    mapPayloadsToPeople();
    expect(payloadsByPerson.size).toBe(PAYLOADS.length);
    // Core cleans Mastodon names; the window must cope with a raw one too (Bluesky, a stale row).
    for (const payload of PAYLOADS.filter((p) => isLayoutPayload(p) && p.target === 'name')) {
      writeRawDisplayNameToDb(fixture.dbPath, byPayload(payload.id), payload.payload);
    }

    // The drawer shows cached posts; fetch them all now (each getProfile asks core for them).
    for (const personId of payloadsByPerson.keys()) await fixture.call('getProfile', { accountId: account.id, personId });
    let last = -1;
    await expect
      .poll(
        () => {
          const now = peopleWithPostsFromDb(fixture.dbPath);
          const settled = now === last;
          last = now;
          return settled && now > 0;
        },
        { timeout: 60_000, interval: 1_000 },
      )
      .toBe(true);

    await page.goto(fixture.harness.appUrl);
    await expect.poll(() => countsOnScreen(page), { timeout: 60_000 }).toEqual(counts);
  });

  it('opens every card\'s profile without anything running, and with nothing unsafe in the DOM', async () => {
    await page.evaluate(`document.querySelector('[data-testid="list-new"]').scrollTop = 0`);
    let idle = 0;
    while (visited.size < FOLLOWERS && idle < 4) {
      const fresh = (await renderedPersonIds(page, 'new')).filter((id) => !visited.has(id));
      for (const personId of fresh) {
        visited.add(personId);
        await inspectDrawer(personId);
      }
      idle = fresh.length === 0 ? idle + 1 : 0;
      await scrollNewColumn(0.7);
      await page.waitForTimeout(150);
    }

    const missed = [...payloadsByPerson.keys()].filter((id) => !visited.has(id));
    expect(missed).toEqual([]);
    expect(problems).toEqual([]);
    expect(await tripwireHits(page)).toEqual([]);
    expect(watch.dialogs).toEqual([]);
    expect(watch.popups).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
    // The hostile HTML was really rendered as markup (not only as the plain-text fallback).
    expect(drawersWithMarkup).toBeGreaterThan(FOLLOWERS / 2);
    expect(drawersWithPosts).toBeGreaterThan(FOLLOWERS / 2);
    expect(remoteLinks).toBeGreaterThan(0);
    // Every drawer kept the one width the stylesheet gives it, whatever it showed.
    expect(layoutIssues).toEqual([]);
    expect([...drawerWidths]).toHaveLength(1);
    expect([...drawerWidths][0]).toBeLessThan(1440);
  });

  it('sanitizes again in the window what reached it unsanitized from core\'s database', async () => {
    // Each HTML payload, raw, as one person's bio and post HTML: only the renderer's own
    // sanitizer stands between it and the DOM now.
    const people = [...payloadsByPerson.keys()];
    const htmlPayloads = PAYLOADS.filter((p) => p.target !== 'name');
    htmlPayloads.forEach((payload, i) => writeUnsanitizedHtmlToDb(fixture.dbPath, people[i % people.length] ?? 0, payload.payload));
    problems.length = 0;
    drawersWithMarkup = 0;
    await page.reload();
    await expect.poll(() => countsOnScreen(page), { timeout: 60_000 }).not.toBeNull();
    for (const personId of people.slice(0, htmlPayloads.length)) await inspectDrawer(personId);
    expect(problems).toEqual([]);
    expect(await tripwireHits(page)).toEqual([]);
    expect(watch.dialogs).toEqual([]);
    expect(watch.popups).toEqual([]);
    // Parsing raw handlers (in DOMPurify's inert document) is reported too; none may be in the page.
    expect(await cspViolationsInPage(page)).toEqual([]);
    expect(drawersWithMarkup).toBeGreaterThan(htmlPayloads.length / 2);
  });

  it('shows markup in a hostile name as text, and keeps the safe text of a hostile bio', async () => {
    const named = byPayload('name-script');
    await scrollUntilRendered(named);
    expect(await cardById(page, named).innerText()).toContain("<script>__xss('name-script')</script>");

    const bio = byPayload('script-plain');
    expect(PAYLOADS.find((p) => p.id === 'script-plain')?.target).toBe('bio');
    await focusCard(bio);
    await page.keyboard.press('Enter');
    const drawer = page.locator(DRAWER);
    await drawer.getByTestId('drawer-bio').waitFor({ state: 'visible', timeout: 10_000 });
    expect((await drawer.getByTestId('drawer-bio').innerText()).trim()).toBe('hi');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    expect(await tripwireHits(page)).toEqual([]);
  });
});

describe('hostile text keeps every view at its width, and its direction its own', () => {
  const layoutPeople = (): Set<number> => new Set(PAYLOADS.filter(isLayoutPayload).map((p) => byPayload(p.id)));

  it('Review keeps its width and Up next its column while every hostile follower comes by', async () => {
    layoutIssues.length = 0;
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Review' }).click();
    const review = page.getByTestId('review');
    await review.waitFor({ state: 'visible' });
    const reviewed = async (): Promise<number> => Number(await review.locator('[aria-label^="Reviewing "]').getAttribute('data-person-id', { timeout: 10_000 }));
    const waiting = layoutPeople();
    const widths = new Set<number>();
    const nextWidths = new Set<number>();
    for (let step = 0; step < FOLLOWERS && waiting.size > 0; step++) {
      const personId = await reviewed();
      // The full profile (not the placeholder) is what holds the long words.
      await review.locator('[data-testid="drawer-bio"]').waitFor({ state: 'attached', timeout: 10_000 });
      const layout = await layoutReport(page, '[data-testid="review"]');
      widths.add(layout.scopeWidth);
      layoutIssues.push(...layoutProblems(layout, `Review of ${personId}`));
      const next = await layoutReport(page, '.review-next');
      if (next.problems[0]?.startsWith('no ') !== true) {
        nextWidths.add(next.scopeWidth);
        layoutIssues.push(...layoutProblems(next, `Up next beside ${personId}`));
      }
      waiting.delete(personId);
      await page.keyboard.press('s');
      await expect.poll(reviewed, { timeout: 10_000 }).not.toBe(personId);
    }
    expect([...waiting]).toEqual([]);
    expect(layoutIssues).toEqual([]);
    expect([...widths]).toHaveLength(1);
    expect([...nextWidths]).toHaveLength(1);
  });

  it('the people list lists every hostile follower without scrolling the page sideways', async () => {
    layoutIssues.length = 0;
    await page.getByRole('button', { name: 'Board', exact: true }).click();
    await page.locator('body').press('/');
    await page.keyboard.type('wideprobe');
    await page.keyboard.press('Enter');
    const list = page.getByTestId('people-list');
    // Search covers names and bios (not posts or profile fields).
    const searchable = new Set(PAYLOADS.filter((p) => isLayoutPayload(p) && (p.target === 'name' || p.target === 'bio')).map((p) => byPayload(p.id)));
    await expect.poll(() => list.getByTestId('person-row').count(), { timeout: 15_000 }).toBe(searchable.size);
    const layout = await layoutReport(page, '[data-testid="people-list"]');
    layoutIssues.push(...layoutProblems(layout, 'people list'));
    const rowWidths = async (): Promise<Set<number>> =>
      new Set((await page.evaluate(`Array.from(document.querySelectorAll('[data-testid="person-row"]'), (row) => Math.round(row.getBoundingClientRect().width))`)) as number[]);
    expect((await rowWidths()).size).toBe(1);
    // A narrow window leaves the long words even less room; the page still must not scroll sideways.
    await page.setViewportSize({ width: 760, height: 1000 });
    try {
      await expect.poll(async () => (await layoutReport(page, '[data-testid="people-list"]')).pageClientWidth).toBe(760);
      layoutIssues.push(...layoutProblems(await layoutReport(page, '[data-testid="people-list"]'), 'people list at 760px'));
      expect((await rowWidths()).size).toBe(1);
    } finally {
      await page.setViewportSize({ width: 1440, height: 1000 });
    }
    expect(layoutIssues).toEqual([]);
  });
});
