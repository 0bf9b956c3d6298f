// Mastodon sends bios, profile field values and posts as HTML written by strangers. Everything
// goes through DOMPurify with a deliberately tiny allow-list before it is stored, so the renderer
// only ever receives markup it could not be hurt by (and it sanitizes again before injecting).
//
// Allowed: <p>, <br>, <a href="http(s)://…" rel="noopener noreferrer" target="_blank">, and
// <span> carrying only the classes Mastodon uses for mentions and link shortening. Everything
// else (script, style, iframe, svg, math, forms, images, event handlers, inline CSS, javascript:
// / data: / vbscript: and relative links) is removed; the text of removed formatting tags stays.
import { createRequire } from 'node:module';
import createDOMPurify, { type DOMPurify } from 'dompurify';
import type * as JsdomModule from 'jsdom';
import { fastSanitizeMastodonHtml } from './mastodonHtmlFastPath';
import { PlainTextCollector } from './plainTextCollector';

export interface SanitizedHtml {
  /** Markup made only of the allow-list above. */
  html: string;
  /** Plain text with line breaks kept (paragraphs separated by a blank line), for search and signals. */
  text: string;
}

const ALLOWED_TAGS = ['p', 'br', 'a', 'span'];
const ALLOWED_ATTR = ['href', 'class', 'rel', 'target'];
const SPAN_CLASSES: ReadonlySet<string> = new Set(['mention', 'hashtag', 'h-card', 'invisible', 'ellipsis']);
const HTTP_URL = /^https?:\/\//i;
/** Bios are 500 characters and posts a few thousand; anything far larger is not worth parsing whole. */
const MAX_INPUT_CHARS = 100_000;

interface Purifier {
  purify: DOMPurify;
  document: Document;
}

let purifier: Purifier | null = null;

/**
 * jsdom takes a few hundred milliseconds to import and most Mastodon markup never needs it (the
 * fast path handles it), so it is loaded on the first input the fast path hands over.
 */
function loadJsdom(): typeof JsdomModule {
  return createRequire(import.meta.url)('jsdom') as typeof JsdomModule;
}

function getPurifier(): Purifier {
  if (purifier) return purifier;
  // A window without scripts or resource loading: DOMPurify only needs its parser and DOM.
  const { window } = new (loadJsdom().JSDOM)('<!DOCTYPE html><html><body></body></html>');
  const instance = createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0]);
  instance.addHook('afterSanitizeAttributes', (node) => {
    const element = node as Element;
    const tag = element.tagName?.toLowerCase();
    if (!tag) return;
    if (tag === 'a') {
      const href = element.getAttribute('href');
      if (href === null || !HTTP_URL.test(href.trim())) element.removeAttribute('href');
      element.removeAttribute('class');
      if (element.hasAttribute('href')) {
        element.setAttribute('rel', 'noopener noreferrer');
        element.setAttribute('target', '_blank');
      } else {
        element.removeAttribute('rel');
        element.removeAttribute('target');
      }
      return;
    }
    element.removeAttribute('rel');
    element.removeAttribute('target');
    element.removeAttribute('href');
    if (tag === 'span') {
      const kept = (element.getAttribute('class') ?? '').split(/\s+/).filter((c) => SPAN_CLASSES.has(c));
      if (kept.length > 0) element.setAttribute('class', kept.join(' '));
      else element.removeAttribute('class');
    } else {
      element.removeAttribute('class');
    }
  });
  purifier = { purify: instance, document: window.document as unknown as Document };
  return purifier;
}

/** Sanitizes one piece of Mastodon HTML; never throws, whatever the input. */
export function sanitizeMastodonHtml(input: string | null | undefined): SanitizedHtml {
  if (!input) return { html: '', text: '' };
  const source = input.length > MAX_INPUT_CHARS ? input.slice(0, MAX_INPUT_CHARS) : input;
  const fast = fastSanitizeMastodonHtml(source);
  if (fast) return fast;
  try {
    return sanitizeWithDomPurify(source);
  } catch {
    // Not expected (the fragment parse has no failure mode we know of), but one stranger's bio
    // must never fail a sync: keep its words as escaped text, which cannot carry markup.
    return textOnly(source);
  }
}

const PURIFY_CONFIG = {
  ALLOWED_TAGS,
  ALLOWED_ATTR,
  ALLOWED_URI_REGEXP: HTTP_URL,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  RETURN_DOM: true,
} as const;

/** The general path (exported for the differential test that holds the fast path to it). */
export function sanitizeWithDomPurify(source: string): SanitizedHtml {
  const { purify, document } = getPurifier();
  // RETURN_DOM gives the <body> holding the result, or null when the markup parsed into a
  // document without a body (one that opens with <frameset>).
  const body = (purify.sanitize(source, PURIFY_CONFIG) ?? purify.sanitize(bodyFragment(document, source), PURIFY_CONFIG)) as HTMLElement;
  return { html: body.innerHTML, text: plainText(body) };
}

/**
 * The markup parsed as a fragment inside <body>, the way the renderer shows it, where
 * document-level tags (<frameset>, <html>, <body>) are ignored and the words around them stay.
 * Slower than DOMPurify's own parse (an import of the nodes), so only for what that parse loses.
 */
function bodyFragment(document: Document, source: string): DocumentFragment {
  const context = document.createElement('body');
  context.innerHTML = source;
  const fragment = document.createDocumentFragment();
  while (context.firstChild) fragment.appendChild(context.firstChild);
  return fragment;
}

function textOnly(source: string): SanitizedHtml {
  const text = source.replace(/<[^>]*>?/g, ' ').replace(/\s+/g, ' ').trim();
  return { html: text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'), text };
}

/** Text of a sanitized tree: <br> is a line break, paragraphs are separated by a blank line. */
function plainText(root: Node): string {
  const collector = new PlainTextCollector();
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        collector.text(child.nodeValue ?? '');
      } else if (child.nodeType === 1) {
        const tag = (child as Element).tagName.toLowerCase();
        if (tag === 'br') collector.lineBreak();
        else if (tag === 'p') {
          collector.blockBoundary();
          walk(child);
          collector.blockBoundary();
        } else walk(child);
      }
    }
  };
  walk(root);
  return collector.finish();
}
