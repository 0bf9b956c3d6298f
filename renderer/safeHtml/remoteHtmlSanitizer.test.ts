// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hostilePayloads } from '../../test/fakes/mastodon/hostileContent';
import { EMOJI_CLASS, httpUrlOrNull, sanitizeRemoteHtml } from './remoteHtmlSanitizer';

const ALLOWED_ATTRIBUTES: Record<string, ReadonlySet<string>> = {
  p: new Set(),
  br: new Set(),
  span: new Set(['class']),
  a: new Set(['href', 'rel', 'target']),
  img: new Set(['class', 'src', 'alt', 'title', 'draggable']),
};
const SPAN_CLASSES = new Set(['mention', 'hashtag', 'invisible', 'ellipsis']);

/** Parses sanitized output without running anything, for structural checks. */
function parse(html: string): HTMLElement {
  const template = document.createElement('template');
  template.innerHTML = html;
  const holder = document.createElement('div');
  holder.appendChild(template.content);
  return holder;
}

/** Every way the output could still be dangerous, as readable strings (empty when safe). */
function violations(html: string): string[] {
  const found: string[] = [];
  for (const element of Array.from(parse(html).querySelectorAll('*'))) {
    const tag = element.tagName.toLowerCase();
    const allowed = ALLOWED_ATTRIBUTES[tag];
    if (!allowed) {
      found.push(`<${tag}>`);
      continue;
    }
    for (const attr of Array.from(element.attributes)) {
      if (!allowed.has(attr.name)) found.push(`<${tag} ${attr.name}>`);
    }
    if (tag === 'a' && element.hasAttribute('href')) {
      if (!/^https?:\/\//.test(element.getAttribute('href') ?? '')) found.push(`href ${element.getAttribute('href')}`);
      if (element.getAttribute('rel') !== 'noopener noreferrer') found.push('a without rel');
      if (element.getAttribute('target') !== '_blank') found.push('a without target');
    }
    if (tag === 'span') {
      for (const c of element.classList) if (!SPAN_CLASSES.has(c)) found.push(`span class ${c}`);
    }
    if (tag === 'img' && !/^media\//.test(element.getAttribute('src') ?? '')) found.push(`img src ${element.getAttribute('src')}`);
  }
  return found;
}

describe('sanitizeRemoteHtml against the hostile corpus', () => {
  beforeEach(() => {
    // Planted from inside the page: jsdom runs inline scripts and handlers in its own global,
    // not the one this test module sees, so the tripwire writes where both can read.
    const plant = document.createElement('script');
    plant.textContent = "window.__xss = function (id) { document.documentElement.setAttribute('data-xss', String(id)); };";
    document.head.appendChild(plant);
  });

  afterEach(() => {
    document.body.innerHTML = '';
    document.head.innerHTML = '';
    document.documentElement.removeAttribute('data-xss');
  });

  const corpus = hostilePayloads();

  it('holds more than fifty payloads', () => {
    expect(corpus.length).toBeGreaterThan(50);
  });

  it('has a tripwire that fires when a handler does run', () => {
    const box = document.createElement('div');
    box.innerHTML = `<p onclick="__xss('control')">x</p>`;
    document.body.appendChild(box);
    box.querySelector('p')?.dispatchEvent(new Event('click'));
    expect(document.documentElement.getAttribute('data-xss')).toBe('control');
  });

  it.each(corpus.map((p) => [p.id, p.payload] as const))('%s leaves only the allow-list', (_id, payload) => {
    const html = sanitizeRemoteHtml(payload, [{ shortcode: 'verified', url: 'media/emoji/ve/verified.png' }]);
    expect(violations(html)).toEqual([]);
    expect(html).not.toMatch(/javascript:|vbscript:|data:|\bon[a-z]+\s*=|<script|<svg|<math|<style|<iframe/i);
  });

  it('runs nothing when every payload is injected and poked at', () => {
    for (const p of corpus) {
      const box = document.createElement('div');
      box.innerHTML = sanitizeRemoteHtml(p.payload);
      document.body.appendChild(box);
    }
    // Only an element with attributes can carry a handler; the rest need no poking.
    for (const element of Array.from(document.body.querySelectorAll('*')).filter((el) => el.attributes.length > 0)) {
      for (const type of ['click', 'mouseover', 'focus', 'load', 'error', 'toggle']) element.dispatchEvent(new Event(type));
    }
    expect(document.documentElement.getAttribute('data-xss')).toBeNull();
    expect(document.body.querySelectorAll('[href^="javascript" i], script, iframe, object, embed, form, svg, math, style, img').length).toBe(0);
  });
});

describe('sanitizeRemoteHtml keeps what Mastodon legitimately sends', () => {
  it('keeps paragraphs, line breaks and mention spans, and opens links outside with rel', () => {
    const html = sanitizeRemoteHtml(
      '<p>Hi <span class="h-card"><a href="https://mastodon.social/@bob" class="u-url mention">@<span>bob</span></a></span><br>' +
        '<a href="https://example.org/a/long/path" rel="nofollow" target="_self"><span class="invisible">https://</span><span class="ellipsis">example.org/a/lo</span><span class="invisible">ng/path</span></a></p>',
    );
    const root = parse(html);
    expect(root.querySelector('p')?.textContent).toBe('Hi @bobhttps://example.org/a/long/path');
    expect(root.querySelectorAll('br')).toHaveLength(1);
    const links = Array.from(root.querySelectorAll('a'));
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://mastodon.social/@bob', 'https://example.org/a/long/path']);
    for (const a of links) {
      expect(a.getAttribute('rel')).toBe('noopener noreferrer');
      expect(a.getAttribute('target')).toBe('_blank');
      expect(a.hasAttribute('class')).toBe(false);
    }
    expect(Array.from(root.querySelectorAll('span[class]'), (s) => s.className)).toEqual(['invisible', 'ellipsis', 'invisible']);
  });

  it('drops non-http links but keeps their text', () => {
    for (const href of ['javascript:alert(1)', 'data:text/html,x', '/settings', '//evil.example/x', 'mailto:a@b.c', 'ftp://x.example/']) {
      const root = parse(sanitizeRemoteHtml(`<p><a href="${href}">label</a></p>`));
      expect(root.textContent).toBe('label');
      expect(root.querySelector('a')?.hasAttribute('href') ?? false).toBe(false);
    }
  });

  it('keeps the text of formatting it removes', () => {
    expect(parse(sanitizeRemoteHtml('<p><b>bold</b> and <em>em</em></p>')).textContent).toBe('bold and em');
  });

  it('answers an empty string for empty input', () => {
    expect(sanitizeRemoteHtml('')).toBe('');
  });
});

describe('custom emoji in remote HTML', () => {
  const emojis = [
    { shortcode: 'verified', url: 'media/emoji/ab/ab12.png' },
    { shortcode: 'remote', url: 'https://emoji.example/remote.png' },
    { shortcode: 'evil', url: 'javascript:__xss("emoji")' },
    { shortcode: 'escape', url: 'media/../../etc/passwd' },
    { shortcode: 'pending', url: null },
  ];

  it('draws cached emoji as images and leaves unknown or uncached shortcodes as text', () => {
    const root = parse(sanitizeRemoteHtml('<p>I am :verified: not :remote: :evil: :escape: :pending: :unknown:</p>', emojis));
    const images = Array.from(root.querySelectorAll('img'));
    expect(images).toHaveLength(1);
    expect(images[0]?.getAttribute('src')).toBe('media/emoji/ab/ab12.png');
    expect(images[0]?.getAttribute('alt')).toBe(':verified:');
    expect(images[0]?.className).toBe(EMOJI_CLASS);
    expect(root.textContent).toBe('I am  not :remote: :evil: :escape: :pending: :unknown:');
  });

  it('replaces shortcodes in text only, never inside a link address', () => {
    const root = parse(sanitizeRemoteHtml('<p><a href="https://x.example/:verified:">:verified:</a></p>', emojis));
    expect(root.querySelector('a')?.getAttribute('href')).toBe('https://x.example/:verified:');
    expect(root.querySelector('a img')?.getAttribute('src')).toBe('media/emoji/ab/ab12.png');
  });

  it('removes images the remote HTML brings, even ones dressed as our emoji', () => {
    const root = parse(sanitizeRemoteHtml(`<p><img class="${EMOJI_CLASS}" src="media/emoji/ab/ab12.png" alt="x">text</p>`, emojis));
    expect(root.querySelectorAll('img')).toHaveLength(0);
    expect(root.textContent).toBe('text');
  });
});

describe('httpUrlOrNull', () => {
  it('accepts absolute http(s) only, after the URL parser has removed tabs and newlines', () => {
    expect(httpUrlOrNull(' https://a.example/x ')).toBe('https://a.example/x');
    expect(httpUrlOrNull('java\tscript:alert(1)')).toBeNull();
    expect(httpUrlOrNull('/relative')).toBeNull();
    expect(httpUrlOrNull(null)).toBeNull();
  });
});
