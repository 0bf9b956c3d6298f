// What the XSS spec plants in the page and reads back. Page-side code goes as strings (this file
// is type-checked without DOM types), added through CDP, which the app's CSP does not govern.
import type { BrowserContext, Page } from 'playwright-core';

/**
 * Every hostile payload calls `__xss(<id>)` if it ever runs. The tripwire records the call, and
 * a listener records Content-Security-Policy violations: CSP is the second line of defence, so a
 * payload it had to stop means the sanitizer let something through.
 */
const TRIPWIRE = `(() => {
  const hits = [];
  const violations = [];
  Object.defineProperty(window, '__xss', { value: (id) => { hits.push(String(id)); }, configurable: false, writable: false });
  Object.defineProperty(window, '__xssHits', { value: hits, configurable: false, writable: false });
  Object.defineProperty(window, '__cspViolations', { value: violations, configurable: false, writable: false });
  document.addEventListener('securitypolicyviolation', (e) => {
    // Chromium reports an inline handler even in an inert document it only parsed (DOMPurify's),
    // against the page's document; one on an element of the page itself names that element.
    const target = e.target && e.target.nodeType === 1 ? e.target : null;
    const where = target ? ' on ' + target.outerHTML.slice(0, 120) : ' (parsed, not in the page)';
    violations.push(e.effectiveDirective + ' ' + (e.blockedURI || '') + where);
  }, true);
})();`;

export interface XssWatch {
  /** Names of dialogs (alert, confirm, prompt, beforeunload) that opened. */
  dialogs: string[];
  /** Pages (popups) that opened besides the app, by URL. */
  popups: string[];
}

/** Plants the tripwire in every page of the context and starts recording dialogs and popups. */
export async function plantTripwire(context: BrowserContext, page: Page): Promise<XssWatch> {
  const watch: XssWatch = { dialogs: [], popups: [] };
  await context.addInitScript({ content: TRIPWIRE });
  page.on('dialog', (dialog) => {
    watch.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => undefined);
  });
  context.on('page', (opened) => {
    if (opened !== page) watch.popups.push(opened.url());
  });
  return watch;
}

export async function tripwireHits(page: Page): Promise<string[]> {
  return (await page.evaluate('Array.from(window.__xssHits || ["tripwire missing"])')) as string[];
}

export async function cspViolations(page: Page): Promise<string[]> {
  return (await page.evaluate('Array.from(window.__cspViolations || ["listener missing"])')) as string[];
}

/** The violations on elements of the page itself (not merely parsed in an inert document). */
export async function cspViolationsInPage(page: Page): Promise<string[]> {
  return (await cspViolations(page)).filter((v) => !v.endsWith('(parsed, not in the page)'));
}

/**
 * Everything in the document that remote content must never produce, as readable strings:
 * event-handler attributes anywhere, script-capable URLs anywhere, elements beyond the sanitizer's
 * allow-list inside remote HTML and names, and active elements inside cards and the drawer.
 */
const UNSAFE_DOM = `(() => {
  const problems = [];
  const urlAttributes = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'srcdoc', 'background', 'poster', 'srcset'];
  for (const el of document.querySelectorAll('*')) {
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) problems.push('handler ' + el.tagName.toLowerCase() + '[' + name + ']');
      if (urlAttributes.includes(name)) {
        const value = attr.value.replace(/[\\u0000-\\u0020]/g, '').toLowerCase();
        if (/^(javascript|vbscript|livescript):/.test(value)) problems.push('script url ' + el.tagName.toLowerCase() + '[' + name + ']=' + attr.value.slice(0, 60));
        // (The head's own favicon is a data: URL; remote content only ever lands in the body.)
        if (value.startsWith('data:') && name !== 'src' && document.body.contains(el)) problems.push('data url ' + el.tagName.toLowerCase() + '[' + name + ']');
      }
    }
  }
  const allowed = ['p', 'br', 'a', 'span', 'img'];
  for (const el of document.querySelectorAll('.remote-html *, .remote-name *')) {
    const tag = el.tagName.toLowerCase();
    if (!allowed.includes(tag)) problems.push('remote element ' + tag);
    if (el.hasAttribute('style')) problems.push('remote style on ' + tag);
    if (tag === 'img' && !/^media\\//.test(el.getAttribute('src') || '')) problems.push('remote image ' + (el.getAttribute('src') || '').slice(0, 60));
    if (tag === 'a' && el.hasAttribute('href') && !/^https?:\\/\\//.test(el.getAttribute('href') || '')) problems.push('remote link ' + el.getAttribute('href'));
    if (tag === 'a' && el.hasAttribute('href') && el.getAttribute('rel') !== 'noopener noreferrer') problems.push('remote link without rel');
  }
  // Not form or textarea: the drawer's own composer and note editor use them.
  const active = 'script, iframe, frame, object, embed, base, meta, link, style, math, template, noscript, marquee, video, audio, input[autofocus]';
  for (const scope of document.querySelectorAll('[data-testid="card"], [role="dialog"]')) {
    for (const el of scope.querySelectorAll(active)) problems.push('active element ' + el.tagName.toLowerCase() + ' in ' + (scope.getAttribute('data-testid') || scope.getAttribute('role')));
  }
  for (const el of document.querySelectorAll('body base, body meta[http-equiv]')) problems.push('document-level ' + el.tagName.toLowerCase());
  return problems;
})()`;

export async function unsafeDom(page: Page): Promise<string[]> {
  return (await page.evaluate(UNSAFE_DOM)) as string[];
}

/** How much remote HTML the open drawer shows as markup (not the plain-text fallback). */
export async function remoteMarkupIn(page: Page): Promise<{ blocks: number; links: number }> {
  return (await page.evaluate(`(() => {
    const blocks = document.querySelectorAll('[role="dialog"] .remote-html:not(.remote-text)');
    const links = document.querySelectorAll('[role="dialog"] .remote-html a[href]');
    return { blocks: blocks.length, links: links.length };
  })()`)) as { blocks: number; links: number };
}

/** Hovers every link remote HTML produced in the open drawer (mouseover payloads), without following it. */
export async function hoverRemoteLinks(page: Page): Promise<void> {
  const links = page.locator('[role="dialog"] .remote-html a');
  const n = await links.count();
  for (let i = 0; i < n; i++) await links.nth(i).hover({ timeout: 2_000 }).catch(() => undefined);
}
