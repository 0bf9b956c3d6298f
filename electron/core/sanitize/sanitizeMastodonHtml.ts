// Mastodon sends bios, profile field values and posts as HTML written by strangers. Everything
// goes through DOMPurify with a deliberately tiny allow-list before it is stored, so the renderer
// only ever receives markup it could not be hurt by (and it sanitizes again before injecting).
//
// Allowed: <p>, <br>, <a href="http(s)://…" rel="noopener noreferrer" target="_blank">, and
// <span> carrying only the classes Mastodon uses for mentions and link shortening. Everything
// else (script, style, iframe, svg, math, forms, images, event handlers, inline CSS, javascript:
// / data: / vbscript: and relative links) is removed; the text of removed formatting tags stays.
import createDOMPurify, { type DOMPurify } from 'dompurify';
import { JSDOM } from 'jsdom';
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

let purifier: DOMPurify | null = null;

function getPurifier(): DOMPurify {
  if (purifier) return purifier;
  // A window without scripts or resource loading: DOMPurify only needs its parser and DOM.
  const { window } = new JSDOM('<!DOCTYPE html><html><body></body></html>');
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
  purifier = instance;
  return instance;
}

/** Sanitizes one piece of Mastodon HTML; never throws on broken markup. */
export function sanitizeMastodonHtml(input: string | null | undefined): SanitizedHtml {
  if (!input) return { html: '', text: '' };
  const source = input.length > MAX_INPUT_CHARS ? input.slice(0, MAX_INPUT_CHARS) : input;
  return fastSanitizeMastodonHtml(source) ?? sanitizeWithDomPurify(source);
}

/** The general path (exported for the differential test that holds the fast path to it). */
export function sanitizeWithDomPurify(source: string): SanitizedHtml {
  const body = getPurifier().sanitize(source, {
    ALLOWED_TAGS,
    ALLOWED_ATTR,
    ALLOWED_URI_REGEXP: HTTP_URL,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    ALLOW_UNKNOWN_PROTOCOLS: false,
    RETURN_DOM: true,
  }) as HTMLElement; // RETURN_DOM gives the <body> holding the result
  return { html: body.innerHTML, text: plainText(body) };
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
