// The sanitizer stands between strangers' markup and the database: whatever arrives, it must
// return (never throw, or one bio fails a whole sync) and return only the allow-list. Checked
// over the project's XSS corpus and thousands of generated, garbled HTML strings.
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { hostilePayloads } from '../../../../../test/fakes/mastodon/hostileContent';
import { sanitizeMastodonHtml } from './sanitizeMastodonHtml';

const ALLOWED_ATTRS: Record<string, ReadonlySet<string>> = {
  P: new Set(),
  BR: new Set(),
  A: new Set(['href', 'rel', 'target']),
  SPAN: new Set(['class']),
};

// One parser for reading outputs back, the way the renderer will (as a fragment in a page).
const reader = new JSDOM('<!DOCTYPE html><html><body></body></html>').window.document;

/** Every element or attribute in the output that is outside the allow-list. */
function outsideAllowList(html: string): string[] {
  const root = reader.createElement('div');
  root.innerHTML = html;
  const problems: string[] = [];
  for (const element of Array.from(root.querySelectorAll('*'))) {
    const allowed = ALLOWED_ATTRS[element.tagName];
    if (!allowed) {
      problems.push(`<${element.tagName.toLowerCase()}>`);
      continue;
    }
    for (const attr of Array.from(element.attributes)) {
      if (!allowed.has(attr.name)) problems.push(`${element.tagName.toLowerCase()}[${attr.name}]`);
    }
    const href = element.getAttribute('href');
    if (href !== null && !/^https?:\/\//i.test(href)) problems.push(`a[href=${href.slice(0, 40)}]`);
  }
  return problems;
}

// Tag names that change how HTML is parsed (document-level, foreign content, raw text, tables,
// forms) next to the allow-list, so the generator reaches the parser's odd corners.
const TAGS = [
  'p', 'br', 'a', 'span', 'b', 'div', 'frameset', 'frame', 'html', 'head', 'body', 'template', 'svg', 'math', 'mi',
  'foreignObject', 'desc', 'title', 'style', 'script', 'noscript', 'noembed', 'plaintext', 'xmp', 'iframe', 'textarea',
  'table', 'tr', 'td', 'caption', 'select', 'option', 'form', 'input', 'img', 'object', 'base', 'meta', 'image', 'annotation-xml',
];
const ATTRS = ['href', 'src', 'class', 'style', 'onclick', 'onerror', 'rel', 'target', 'xlink:href', 'id', 'name', 'is', 'encoding', 'srcdoc'];
const VALUES = ['https://example.com/', 'javascript:alert(1)', 'JaVaScRiPt&colon;x()', 'data:text/html,x', '//evil', 'mention hashtag', 'x" onclick="y', "'", '', 'text/html'];

const tag = fc.constantFrom(...TAGS);
const attribute = fc
  .tuple(fc.constantFrom(...ATTRS), fc.constantFrom(...VALUES), fc.constantFrom('"', "'", ''))
  .map(([name, value, quote]) => ` ${name}=${quote}${value}${quote}`);
const openTag = fc
  .tuple(tag, fc.array(attribute, { maxLength: 3 }), fc.constantFrom('>', '/>', '', ' >'))
  .map(([name, attrs, end]) => `<${name}${attrs.join('')}${end}`);
const closeTag = tag.map((name) => `</${name}>`);
const oddity = fc.constantFrom('<!--', '-->', '<![CDATA[', ']]>', '<!DOCTYPE html>', '<?xml ?>', '&amp;', '&lt;', '&#0;', '&#x110000;', '&nbsp', '<', '>', '&', '"', '\u0000', '\u202e', '</');
const words = fc.string({ maxLength: 8 });
const garbledHtml = fc.array(fc.oneof(openTag, closeTag, oddity, words), { maxLength: 24 }).map((parts) => parts.join(''));

function check(input: string): void {
  let out: { html: string; text: string } | undefined;
  expect(() => (out = sanitizeMastodonHtml(input)), `threw on ${JSON.stringify(input)}`).not.toThrow();
  expect(outsideAllowList(out!.html), JSON.stringify(input)).toEqual([]);
}

describe('sanitizeMastodonHtml never throws and returns only the allow-list', () => {
  it('on a bio that opens with <frameset>, keeping the words around it', () => {
    expect(sanitizeMastodonHtml('<frameset>')).toEqual({ html: '', text: '' });
    expect(sanitizeMastodonHtml('<frameset><frame src="https://x.test/">Hello, I am Ada')).toEqual({ html: 'Hello, I am Ada', text: 'Hello, I am Ada' });
  });

  it('on every payload of the XSS corpus, and each wrapped in <frameset> and <svg>', () => {
    const corpus = hostilePayloads().map((p) => p.payload);
    expect(corpus.length).toBeGreaterThanOrEqual(50);
    for (const payload of corpus) {
      for (const input of [payload, `<frameset>${payload}`, `<svg>${payload}`, `${payload}</p></frameset><frameset>`]) check(input);
    }
  });

  it('on a thousand generated, garbled HTML strings', () => {
    fc.assert(fc.property(garbledHtml, (input) => check(input)), { numRuns: 1000, seed: 20261203 });
  });

  it('on arbitrary unicode', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (input) => check(input)), { numRuns: 300, seed: 20261203 });
  });
});
