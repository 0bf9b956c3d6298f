// A spec's harness and its Chromium page, opened and closed together, so every spec starts from
// the same window (fixed viewport, device scale 1 for stable screenshots, page errors logged).
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Account } from '../../shared/domain';
import { waitForPageCondition } from './boardPage';
import { launchChromium } from './browser';
import { startHarnessFixture } from './harnessFixture';
import type { HarnessFixture, HarnessFixtureOptions } from './harnessFixture';

export interface HarnessPageOptions {
  harness?: HarnessFixtureOptions;
  viewport?: { width: number; height: number };
  /** Runs before the page opens, e.g. to route requests the page must not make for real. */
  prepareContext?: (context: BrowserContext) => Promise<void>;
}

export interface HarnessPage {
  fixture: HarnessFixture;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Closes the page's context, Chromium and the harness (with its temp data dir). */
  close(): Promise<void>;
}

export async function openHarnessPage(options: HarnessPageOptions = {}): Promise<HarnessPage> {
  const fixture = await startHarnessFixture(options.harness);
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  const close = async (): Promise<void> => {
    await context?.close();
    await browser?.close();
    await fixture.stop();
  };
  try {
    browser = await launchChromium();
    context = await browser.newContext({ viewport: options.viewport ?? { width: 1440, height: 900 }, deviceScaleFactor: 1 });
    await options.prepareContext?.(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error('[page error]', error.message));
    return { fixture, browser, context, page, close };
  } catch (error) {
    // A half-opened session would leak Chromium and the temp dir: the spec's afterAll never sees it.
    await close();
    throw error;
  }
}

/** Loads the app and presses one of the welcome screen's buttons (e.g. "Add Bluesky account"). */
export async function pressOnWelcome(page: Page, appUrl: string, buttonName: string): Promise<void> {
  await page.goto(appUrl);
  const button = page.getByRole('button', { name: buttonName });
  await button.waitFor({ state: 'visible', timeout: 20_000 });
  await button.click();
}

export interface SampleAccountRequest {
  followers: number;
  following: number;
  seed: number;
}

/**
 * Loads the app and adds a sample account through the page's bridge (window.rapport), as the
 * renderer would: the large specs skip the welcome screen but still go through the window.
 * Returns the bridge's envelope so the spec asserts on it.
 */
export async function addSampleAccountThroughBridge(
  page: Page,
  appUrl: string,
  request: SampleAccountRequest,
): Promise<{ ok: boolean; value?: Account }> {
  await page.goto(appUrl);
  await waitForPageCondition(page, 'typeof window.rapport === "object"');
  const envelope = (await page.evaluate(`window.rapport.beginSignIn(${JSON.stringify({ network: 'sample', ...request })})`)) as {
    ok: boolean;
    value?: { status: string; account?: Account };
  };
  return { ok: envelope.ok && envelope.value?.status === 'signedIn', value: envelope.value?.account };
}
