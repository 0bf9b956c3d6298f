// What the XSS spec checks about the look of hostile text (issue 10, item 7): remote text must not
// widen the view it sits in, must not reverse what follows it, must not stack marks over the next
// line, and a link must not name another host than the one it opens. Page-side code goes as
// strings (this file is type-checked without DOM types).
import type { Page } from 'playwright-core';

/** The classes of the shared components every piece of remote text is rendered through. */
export const REMOTE_TEXT_SELECTOR = '.remote-html, .remote-name, .remote-plain';

export interface LayoutReport {
  /** document.scrollingElement's scrollWidth and clientWidth: the page must not scroll sideways. */
  pageScrollWidth: number;
  pageClientWidth: number;
  /** The scope's own box width (the drawer, Review, the people list). */
  scopeWidth: number;
  /** How far content overflows the scope sideways (scrollWidth - clientWidth), 0 when it fits. */
  scopeOverflow: number;
  problems: string[];
}

/**
 * Everything in `scope` that lets remote text lie or spill: bidi override, embedding and isolate
 * controls left in rendered text, a text node carrying remote words outside an isolating remote
 * element, a stack of more than three combining marks, and a link whose text names a host other
 * than the one it opens without saying the real one.
 */
function layoutScript(scope: string): string {
  return `(() => {
  const scope = document.querySelector(${JSON.stringify(scope)});
  const page = document.scrollingElement;
  const report = { pageScrollWidth: page.scrollWidth, pageClientWidth: page.clientWidth, scopeWidth: 0, scopeOverflow: 0, problems: [] };
  if (!scope) { report.problems.push('no ' + ${JSON.stringify(scope)}); return report; }
  report.scopeWidth = Math.round(scope.getBoundingClientRect().width);
  // The scope itself and every box inside it that scrolls sideways: remote text that is wider than
  // its column shows up as horizontal overflow of the nearest scroll container, which need not be
  // the scope (Review's layout scrolls inside a main that clips).
  for (const el of [scope, ...scope.querySelectorAll('*')]) {
    const x = getComputedStyle(el).overflowX;
    if (el !== scope && x !== 'auto' && x !== 'scroll') continue;
    report.scopeOverflow = Math.max(report.scopeOverflow, el.scrollWidth - el.clientWidth);
  }
  // Name the elements that stick out past the scope's right edge (or the page's), for the message.
  const edge = Math.min(scope.getBoundingClientRect().right, page.clientWidth) + 1;
  const overflowing = report.scopeOverflow > 0 || page.scrollWidth > page.clientWidth;
  const sticking = !overflowing ? [] : Array.from(scope.querySelectorAll('*')).filter((el) => el.getBoundingClientRect().right > edge && getComputedStyle(el).position !== 'fixed');
  for (const el of sticking.slice(0, 3)) report.problems.push('sticks out: ' + el.tagName.toLowerCase() + '.' + String(el.className).split(' ').join('.') + ' right=' + Math.round(el.getBoundingClientRect().right));
  const remoteSelector = ${JSON.stringify(REMOTE_TEXT_SELECTOR)};
  const isolating = (el) => el.tagName === 'BDI' || ['isolate', 'isolate-override', 'plaintext'].includes(getComputedStyle(el).unicodeBidi);
  const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.data;
    const where = (node.parentElement && node.parentElement.className) || (node.parentElement && node.parentElement.tagName) || '?';
    if (/[\\u202a-\\u202e\\u2066-\\u2069]/.test(text)) report.problems.push('direction control in ' + where + ': ' + JSON.stringify(text.slice(0, 40)));
    if (/\\p{M}{4,}/u.test(text)) report.problems.push('mark stack over 3 in ' + where);
    // An <option> holds text only (a native list draws it): checked above, not isolatable.
    if (text.includes('wideprobe') && node.parentElement && node.parentElement.tagName !== 'OPTION') {
      const remote = node.parentElement && node.parentElement.closest(remoteSelector);
      if (!remote) report.problems.push('remote text outside a remote-text element in ' + where);
      else if (!isolating(remote)) report.problems.push('remote text not isolated in ' + where);
    }
  }
  for (const el of scope.querySelectorAll(remoteSelector)) {
    if (!isolating(el)) report.problems.push('not isolating: ' + el.className);
  }
  const hostOf = (text) => {
    const t = text.replace(/[\\u200e\\u200f\\u061c\\u202a-\\u202e\\u2066-\\u2069]/g, '').trim();
    if (!/^(https?:\\/\\/)?[a-z0-9-]+(\\.[a-z0-9-]+)+(\\/\\S*)?$/i.test(t)) return null;
    try { return new URL(/^https?:/i.test(t) ? t : 'https://' + t).hostname.replace(/^www\\./, ''); } catch { return null; }
  };
  for (const a of scope.querySelectorAll('.remote-html a[href]')) {
    const real = new URL(a.href).hostname.replace(/^www\\./, '');
    const claimed = hostOf(a.textContent.replace(/\\s*\\([^()]*\\)$/, ''));
    if (claimed && claimed !== real && !a.textContent.includes('(' + new URL(a.href).hostname + ')')) {
      report.problems.push('link text names ' + claimed + ' but opens ' + real);
    }
  }
  return report;
})()`;
}

export async function layoutReport(page: Page, scope: string): Promise<LayoutReport> {
  return (await page.evaluate(layoutScript(scope))) as LayoutReport;
}

/** The problems a report shows, with the page's and the scope's horizontal overflow among them. */
export function layoutProblems(report: LayoutReport, label: string): string[] {
  const problems = report.problems.map((p) => `${label}: ${p}`);
  if (report.pageScrollWidth > report.pageClientWidth) problems.push(`${label}: the page scrolls sideways (${report.pageScrollWidth} > ${report.pageClientWidth})`);
  if (report.scopeOverflow > 0) problems.push(`${label}: content overflows sideways by ${report.scopeOverflow}px`);
  return problems;
}
