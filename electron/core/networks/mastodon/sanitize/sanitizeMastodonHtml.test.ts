import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { hostilePayloads } from '../../../../../test/fakes/mastodon/hostileContent';
import { sanitizeMastodonHtml } from './sanitizeMastodonHtml';

const ALLOWED_TAGS = new Set(['P', 'BR', 'A', 'SPAN']);
const ALLOWED_ATTRS: Record<string, ReadonlySet<string>> = {
  A: new Set(['href', 'rel', 'target']),
  SPAN: new Set(['class']),
  P: new Set(),
  BR: new Set(),
};
const SPAN_CLASSES = new Set(['mention', 'hashtag', 'h-card', 'invisible', 'ellipsis']);

/** Loads sanitized markup into a page that runs scripts, with a tripwire any payload would call. */
function renderWithTripwire(html: string): { tripped: string[]; document: Document } {
  const dom = new JSDOM('<!DOCTYPE html><html><body><div id="root"></div></body></html>', { runScripts: 'dangerously' });
  const tripped: string[] = [];
  (dom.window as unknown as { __xss: (id: unknown) => void }).__xss = (id) => void tripped.push(String(id));
  const root = dom.window.document.getElementById('root')!;
  root.innerHTML = html;
  // Fire the events handlers would wait for; nothing must be listening.
  for (const element of Array.from(root.querySelectorAll('*'))) {
    for (const type of ['click', 'mouseover', 'focus', 'error']) element.dispatchEvent(new dom.window.Event(type));
  }
  return { tripped, document: dom.window.document };
}

function assertSafe(html: string): void {
  const { tripped, document } = renderWithTripwire(html);
  expect(tripped).toEqual([]);
  for (const element of Array.from(document.getElementById('root')!.querySelectorAll('*'))) {
    expect(ALLOWED_TAGS.has(element.tagName), `tag ${element.tagName}`).toBe(true);
    for (const attr of Array.from(element.attributes)) {
      expect(ALLOWED_ATTRS[element.tagName]?.has(attr.name), `${element.tagName}[${attr.name}]`).toBe(true);
    }
    if (element.tagName === 'A' && element.hasAttribute('href')) {
      expect(element.getAttribute('href')).toMatch(/^https?:\/\//);
      expect(element.getAttribute('rel')).toBe('noopener noreferrer');
      expect(element.getAttribute('target')).toBe('_blank');
    }
    if (element.tagName === 'SPAN' && element.hasAttribute('class')) {
      for (const c of element.getAttribute('class')!.split(' ')) expect(SPAN_CLASSES.has(c), `class ${c}`).toBe(true);
    }
  }
  expect(html).not.toMatch(/javascript:|vbscript:|data:text|\son[a-z]+\s*=|<script|<style|<svg|<math|<iframe|style=/i);
}

describe('sanitizeMastodonHtml', () => {
  const html = hostilePayloads().filter((p) => p.target !== 'name');

  it('the tripwire does fire for unsanitized markup (so the checks below can fail)', () => {
    expect(renderWithTripwire(`<p onclick="__xss('raw')">x</p>`).tripped).toEqual(['raw']);
  });

  it('has at least 50 hostile HTML payloads across bios, posts and fields', () => {
    expect(html.length).toBeGreaterThanOrEqual(50);
    expect(new Set(html.map((p) => p.target))).toEqual(new Set(['bio', 'post', 'field']));
  });

  for (const { id, target, payload } of html) {
    it(`neutralises ${target} payload "${id}"`, () => {
      const once = sanitizeMastodonHtml(payload);
      assertSafe(once.html);
      // Stable under a second pass: what we store is what the renderer's own sanitizer will see.
      expect(sanitizeMastodonHtml(once.html).html).toBe(once.html);
      expect(once.text).not.toMatch(/<script|<img|<svg/i);
    });
  }

  it('keeps what Mastodon legitimately sends: paragraphs, breaks, mentions, hashtags, shortened links', () => {
    const bio =
      '<p>Writes about <a href="https://mastodon.social/tags/maples" class="mention hashtag" rel="tag">#<span>maples</span></a>, ' +
      'friend of <span class="h-card" translate="no"><a href="https://fosstodon.org/@ada" class="u-url mention">@<span>ada</span></a></span></p>' +
      '<p>Site: <a href="https://example.com/a/very/long/path" target="_blank" rel="nofollow noopener noreferrer">' +
      '<span class="invisible">https://</span><span class="ellipsis">example.com/a/very</span><span class="invisible">/long/path</span></a><br />second line</p>';
    const { html: out, text } = sanitizeMastodonHtml(bio);
    assertSafe(out);
    expect(out).toBe(
      '<p>Writes about <a href="https://mastodon.social/tags/maples" rel="noopener noreferrer" target="_blank">#<span>maples</span></a>, ' +
        'friend of <span class="h-card"><a href="https://fosstodon.org/@ada" rel="noopener noreferrer" target="_blank">@<span>ada</span></a></span></p>' +
        '<p>Site: <a href="https://example.com/a/very/long/path" rel="noopener noreferrer" target="_blank">' +
        '<span class="invisible">https://</span><span class="ellipsis">example.com/a/very</span><span class="invisible">/long/path</span></a><br>second line</p>',
    );
    expect(text).toBe('Writes about #maples, friend of @ada\n\nSite: https://example.com/a/very/long/path\nsecond line');
  });

  it('keeps the text of removed formatting and drops the content of script and style', () => {
    const { html: out, text } = sanitizeMastodonHtml('<p><b>bold</b> <i>it</i><script>secret()</script><style>x{}</style></p>');
    expect(out).toBe('<p>bold it</p>');
    expect(text).toBe('bold it');
  });

  it('turns an unsafe link into plain text rather than dropping its words', () => {
    expect(sanitizeMastodonHtml('<p><a href="javascript:x()">read me</a></p>')).toEqual({ html: '<p><a>read me</a></p>', text: 'read me' });
  });

  it('handles empty, null and enormous input', () => {
    expect(sanitizeMastodonHtml('')).toEqual({ html: '', text: '' });
    expect(sanitizeMastodonHtml(null)).toEqual({ html: '', text: '' });
    const huge = sanitizeMastodonHtml(`<p>${'word '.repeat(50_000)}</p>`);
    expect(huge.text.length).toBeLessThanOrEqual(100_000);
  });
});
