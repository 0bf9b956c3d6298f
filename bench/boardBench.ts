// Board responsiveness with 100,000 followers, in Chromium against the browser harness, measured
// once the sample sync is done (core idle, not ingesting):
//  - time from navigation start to the first frame in which cards are painted (p50 over a few
//    loads), and to the first frame with the board's columns (the skeleton),
//  - the longest main-thread task (PerformanceObserver 'longtask'), the number over 50 ms and the
//    longest gap between frames while cards are dragged from New to Evaluated (mouse-driven native
//    drag and drop, until the move is announced) and while the New column is wheel-scrolled.
// Budgets (docs/ARCHITECTURE.md, "Performance budgets"): first screen well under 200 ms; no task over 50 ms while dragging or scrolling.
// The same probes run, in the same browser and run, on a static page of plain cards (no script,
// no core): that baseline is the machine's floor, and the board is reported as a ratio to it.
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { cardsIn, column, waitForPageCondition } from '../test/e2e/boardPage';
import { launchChromium } from '../test/e2e/browser';
import { dragCard } from '../test/e2e/dragCard';
import { startHarnessFixture } from '../test/e2e/harnessFixture';
import type { BenchRow } from './benchTypes';

const FOLLOWERS = 100_000;
const LOADS = 3;
const SCROLL_MS = 3_000;
const DRAGS_PER_LOAD = 3;
/** Time left after an interaction for its answers to arrive and render inside the measurement. */
const SETTLE_MS = 300;

/**
 * Installed before any page script: notes when the first card is painted and collects long
 * tasks and frame gaps into window.__rapportBench. A string because it runs in the page.
 */
const PAGE_PROBES = `(() => {
  const bench = { shellPaintMs: null, firstCardPaintMs: null, longTasks: [], frameGaps: [], measuringFrames: false };
  window.__rapportBench = bench;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) bench.longTasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: true });
  // rAF runs just before the frame is painted; the task after it runs once it has been.
  const afterPaint = (key) => requestAnimationFrame(() => setTimeout(() => { bench[key] = performance.now(); }, 0));
  let shellSeen = false;
  const seen = new MutationObserver(() => {
    if (!shellSeen && document.querySelector('[data-testid^="column-"]')) {
      shellSeen = true;
      afterPaint('shellPaintMs');
    }
    if (!document.querySelector('[data-testid="card"]')) return;
    seen.disconnect();
    if (!shellSeen) {
      shellSeen = true;
      afterPaint('shellPaintMs');
    }
    afterPaint('firstCardPaintMs');
  });
  seen.observe(document, { childList: true, subtree: true });
  let last = 0;
  const frame = (now) => {
    if (bench.measuringFrames && last > 0) bench.frameGaps.push(now - last);
    last = now;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})()`;

/** A column of static cards shaped like the board's, to measure what any page costs here. */
function baselineHtml(): string {
  const cards = Array.from(
    { length: 2_000 },
    (_, i) =>
      `<div data-testid="card" style="height:120px;margin:8px;border:1px solid #ddd;border-radius:8px;padding:12px">` +
      `<strong>Person ${i}</strong><div>@person${i}</div><p>A short bio of person ${i}, plain text.</p></div>`,
  ).join('');
  return (
    '<!doctype html><html><head><meta charset="utf-8"><title>baseline</title></head>' +
    '<body style="margin:0;font-family:sans-serif">' +
    `<div data-testid="list-new" style="height:800px;width:340px;overflow:auto">${cards}</div></body></html>`
  );
}

async function startBaselineServer(): Promise<{ server: Server; url: string }> {
  const html = baselineHtml();
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
}

interface InteractionFigures {
  longestTaskMs: number;
  longTasksOver50: number;
  longestFrameGapMs: number;
}

const START_MEASURING =
  'window.__rapportBench.longTasks = []; window.__rapportBench.frameGaps = []; window.__rapportBench.measuringFrames = true;';

const STOP_MEASURING = `(() => {
  const b = window.__rapportBench;
  b.measuringFrames = false;
  return {
    longestTaskMs: b.longTasks.length ? Math.max(...b.longTasks) : 0,
    longTasksOver50: b.longTasks.filter((d) => d > 50).length,
    longestFrameGapMs: b.frameGaps.length ? Math.max(...b.frameGaps) : 0,
  };
})()`;

async function stopMeasuring(page: Page): Promise<InteractionFigures> {
  return (await page.evaluate(STOP_MEASURING)) as InteractionFigures;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

interface Paint {
  shellMs: number;
  cardsMs: number;
}

async function firstBoardPaint(page: Page, url: string): Promise<Paint> {
  await page.goto(url);
  await waitForPageCondition(page, 'window.__rapportBench && window.__rapportBench.firstCardPaintMs !== null');
  return (await page.evaluate(
    '({ shellMs: window.__rapportBench.shellPaintMs, cardsMs: window.__rapportBench.firstCardPaintMs })',
  )) as Paint;
}

async function scrollNewColumn(page: Page): Promise<InteractionFigures> {
  const list = page.getByTestId('list-new');
  const box = await list.boundingBox();
  if (!box) throw new Error('the New column is not on screen');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.evaluate(START_MEASURING);
  const until = Date.now() + SCROLL_MS;
  while (Date.now() < until) {
    await page.mouse.wheel(0, 900);
    await page.waitForTimeout(16);
  }
  await page.waitForTimeout(SETTLE_MS);
  const figures = await stopMeasuring(page);
  const scrolled = (await page.evaluate(`document.querySelector('[data-testid="list-new"]').scrollTop`)) as number;
  if (scrolled <= 0) throw new Error('the New column did not scroll under the wheel');
  return figures;
}

/**
 * Drags the top card of New onto Evaluated with the mouse, measuring from the press until the
 * move is announced (the card left New, the counts and the target column updated).
 */
async function dragToEvaluated(page: Page): Promise<InteractionFigures> {
  const card = cardsIn(page, 'new').first();
  await card.waitFor({ state: 'visible' });
  const personId = await card.getAttribute('data-person-id');
  const name = ((await card.getAttribute('aria-label')) ?? '').split(',')[0] ?? '';
  await page.evaluate(START_MEASURING);
  await dragCard(page, card, column(page, 'evaluated'));
  const announced = JSON.stringify(`Moved ${name} to Evaluated`);
  await waitForPageCondition(
    page,
    `(document.querySelector('[data-testid="announcer"]')?.textContent ?? '').includes(${announced}) && ` +
      `!document.querySelector('[data-testid="list-new"] [data-person-id="${personId}"]')`,
    15_000,
  );
  await page.waitForTimeout(SETTLE_MS);
  return stopMeasuring(page);
}

interface PageMeasurements {
  /** The uncounted first load. */
  warmUp: Paint | null;
  paints: Paint[];
  drags: InteractionFigures[];
  scrolls: InteractionFigures[];
}

async function measurePage(browser: Browser, url: string, drags: number): Promise<PageMeasurements> {
  const measured: PageMeasurements = { warmUp: null, paints: [], drags: [], scrolls: [] };
  // One load that is not counted, for each page: the first page a freshly launched browser opens
  // also pays for starting its renderer process and caches (and, for the board, core's first
  // reads), 1.7-2.1 s here against 0.7-1.1 s for the next loads, while the baseline, measured
  // second, would never pay it. Its figure is still reported.
  const warmUp = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await warmUp.addInitScript(PAGE_PROBES);
  measured.warmUp = await firstBoardPaint(await warmUp.newPage(), url);
  await warmUp.close();
  for (let run = 0; run < LOADS; run++) {
    // A fresh context each time: nothing cached from the previous load but the HTTP server.
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addInitScript(PAGE_PROBES);
    const page = await context.newPage();
    measured.paints.push(await firstBoardPaint(page, url));
    // Let the first screen's follow-ups (avatars, prefetch) land before interacting.
    await page.waitForTimeout(SETTLE_MS);
    for (let i = 0; i < drags; i++) measured.drags.push(await dragToEvaluated(page));
    measured.scrolls.push(await scrollNewColumn(page));
    await context.close();
  }
  return measured;
}

function worst(figures: InteractionFigures[]): InteractionFigures {
  return {
    longestTaskMs: Math.max(0, ...figures.map((f) => f.longestTaskMs)),
    longTasksOver50: figures.reduce((n, f) => n + f.longTasksOver50, 0),
    longestFrameGapMs: Math.max(0, ...figures.map((f) => f.longestFrameGapMs)),
  };
}

export async function runBoardBench(): Promise<BenchRow[]> {
  const fixture = await startHarnessFixture();
  const baseline = await startBaselineServer();
  let browser: Browser | null = null;
  try {
    const begun = await fixture.call('beginSignIn', { network: 'sample', followers: FOLLOWERS, following: 200, seed: 42 });
    if (begun.status !== 'signedIn') throw new Error('the sample sign-in did not complete at once');
    const account = begun.account;
    await fixture.waitForSyncDone(account.id, 600_000);
    browser = await launchChromium();

    const board = await measurePage(browser, fixture.harness.appUrl, DRAGS_PER_LOAD);
    const floor = await measurePage(browser, baseline.url, 0);

    const boardPaint = median(board.paints.map((p) => p.cardsMs));
    const boardShell = median(board.paints.map((p) => p.shellMs));
    const floorPaint = median(floor.paints.map((p) => p.cardsMs));
    const scroll = worst(board.scrolls);
    const drag = worst(board.drags);
    const floorScroll = worst(floor.scrolls);
    const list = (values: number[]) => values.map(round).join(', ');
    return [
      {
        name: 'board: first painted board, 100k followers (p50)',
        value: round(boardPaint),
        unit: 'ms',
        note: `navigation start → first frame with cards; loads: ${list(board.paints.map((p) => p.cardsMs))} ms, after an uncounted first load of ${round(board.warmUp?.cardsMs ?? 0)} ms; budget < 200 ms`,
      },
      {
        name: 'board: first painted columns, before cards (p50)',
        value: round(boardShell),
        unit: 'ms',
        note: `navigation start → first frame with the four columns; loads: ${list(board.paints.map((p) => p.shellMs))} ms`,
      },
      {
        name: 'board: first paint, static page of cards (p50, baseline)',
        value: round(floorPaint),
        unit: 'ms',
        note: `same probes, 2,000 static cards, no script; loads: ${list(floor.paints.map((p) => p.cardsMs))} ms, after an uncounted first load of ${round(floor.warmUp?.cardsMs ?? 0)} ms`,
      },
      {
        name: 'board: first paint / static baseline',
        value: round(boardPaint / Math.max(floorPaint, 1)),
        unit: 'x',
        note: 'includes loading the renderer bundle and the first contract calls over the harness; budget ≤ 1.3x',
      },
      {
        name: 'board: longest task while dragging cards New → Evaluated, 100k board',
        value: round(drag.longestTaskMs),
        unit: 'ms',
        note:
          `${DRAGS_PER_LOAD} drags per load, press → move announced + ${SETTLE_MS} ms, worst of ${LOADS} loads; ` +
          `per drag: ${list(board.drags.map((d) => d.longestTaskMs))} ms; tasks > 50 ms: ${drag.longTasksOver50}; ` +
          `longest frame gap: ${round(drag.longestFrameGapMs)} ms; budget: none over 50 ms`,
      },
      {
        name: 'board: longest task while wheel-scrolling 100k column',
        value: round(scroll.longestTaskMs),
        unit: 'ms',
        note:
          `${SCROLL_MS / 1000} s of wheel per load, worst of ${LOADS}; per load: ${list(board.scrolls.map((s) => s.longestTaskMs))} ms; ` +
          `tasks > 50 ms: ${scroll.longTasksOver50}; budget: none over 50 ms (0 = no long task)`,
      },
      {
        name: 'board: longest task while wheel-scrolling static page (baseline)',
        value: round(floorScroll.longestTaskMs),
        unit: 'ms',
        note: `tasks > 50 ms: ${floorScroll.longTasksOver50}; what this machine costs any page`,
      },
      {
        name: 'board: longest frame gap while wheel-scrolling 100k column',
        value: round(scroll.longestFrameGapMs),
        unit: 'ms',
        note:
          `static baseline: ${round(floorScroll.longestFrameGapMs)} ms (${round(scroll.longestFrameGapMs / Math.max(floorScroll.longestFrameGapMs, 1))}x); ` +
          'budget ≤ 2x the baseline; 16.7 ms = every frame on time (headless, no GPU)',
      },
    ];
  } finally {
    await browser?.close();
    await fixture.stop();
    await new Promise((resolve) => baseline.server.close(resolve));
  }
}
