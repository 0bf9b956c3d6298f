// Core already sanitizes remote HTML before storing it; the renderer does it again right before
// injecting, so a bug or a stale row on the core side still cannot reach the DOM as markup.
//
// Two DOMPurify passes. The first takes the remote HTML down to paragraphs, line breaks, http(s)
// links and the mention/hashtag/invisible/ellipsis spans fediverse servers write (no images at
// all). Custom emoji are then put in as <img> of the local media cache. The second pass re-parses that result and
// lets through exactly the first pass's allow-list plus those emoji images, so whatever reaches
// `dangerouslySetInnerHTML` is DOMPurify's own output.
import DOMPurify, { type Config, type DOMPurify as Purifier } from 'dompurify';
import type { CustomEmoji } from '../../shared/domain';
import { cachedEmojiMap, isCachedMediaPath, splitShortcodes } from './emojiShortcodes';
import { prepareHtmlForDisplay } from './remoteHtmlDisplay';

const SPAN_CLASSES: ReadonlySet<string> = new Set(['mention', 'hashtag', 'invisible', 'ellipsis']);
export const EMOJI_CLASS = 'custom-emoji';
/** Bios are 500 characters and posts a few thousand; far larger is not worth parsing whole. */
const MAX_INPUT_CHARS = 100_000;

const COMMON: Config = {
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  ALLOW_SELF_CLOSE_IN_ATTR: false,
};

const REMOTE_PASS: Config & { RETURN_DOM_FRAGMENT: true } = {
  ...COMMON,
  ALLOWED_TAGS: ['p', 'br', 'a', 'span'],
  ALLOWED_ATTR: ['href', 'class'],
  ALLOWED_URI_REGEXP: /^https?:\/\//i,
  RETURN_DOM_FRAGMENT: true,
};

const FINAL_PASS: Config & { RETURN_TRUSTED_TYPE: false } = {
  ...COMMON,
  ALLOWED_TAGS: ['p', 'br', 'a', 'span', 'img'],
  ALLOWED_ATTR: ['href', 'class', 'rel', 'target', 'src', 'alt', 'title', 'draggable'],
  ALLOWED_URI_REGEXP: /^(?:https?:\/\/|media\/)/i,
  RETURN_TRUSTED_TYPE: false,
};

/** An absolute http(s) URL, normalised, or null for anything else (javascript:, data:, relative…). */
export function httpUrlOrNull(raw: string | null): string | null {
  if (raw === null) return null;
  try {
    const url = new URL(raw.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** The rules both passes share, per element, after DOMPurify has filtered the attributes. */
function enforceAttributes(element: Element, allowEmoji: boolean): void {
  const tag = element.tagName.toLowerCase();
  if (tag === 'a') {
    const href = httpUrlOrNull(element.getAttribute('href'));
    element.removeAttribute('class');
    element.removeAttribute('title');
    if (href === null) {
      element.removeAttribute('href');
      element.removeAttribute('rel');
      element.removeAttribute('target');
    } else {
      element.setAttribute('href', href);
      element.setAttribute('rel', 'noopener noreferrer');
      element.setAttribute('target', '_blank');
    }
    return;
  }
  for (const name of ['href', 'rel', 'target']) element.removeAttribute(name);
  if (tag === 'img') {
    // Only the emoji images this module adds: a cached media path, our class, nothing else.
    const src = element.getAttribute('src');
    if (!allowEmoji || !isCachedMediaPath(src) || element.getAttribute('class') !== EMOJI_CLASS) {
      for (const name of ['src', 'class', 'title']) element.removeAttribute(name);
      element.setAttribute('alt', '');
    }
    return;
  }
  for (const name of ['src', 'alt', 'title', 'draggable']) element.removeAttribute(name);
  if (tag === 'span') {
    const kept = (element.getAttribute('class') ?? '').split(/\s+/).filter((c) => SPAN_CLASSES.has(c));
    if (kept.length > 0) element.setAttribute('class', kept.join(' '));
    else element.removeAttribute('class');
  } else {
    element.removeAttribute('class');
  }
}

function makePurifier(allowEmoji: boolean): Purifier {
  const purifier = DOMPurify(window);
  purifier.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeType === 1) enforceAttributes(node as Element, allowEmoji);
  });
  return purifier;
}

let purifiers: { remote: Purifier; final: Purifier } | null = null;

function getPurifiers(): { remote: Purifier; final: Purifier } {
  purifiers ??= { remote: makePurifier(false), final: makePurifier(true) };
  return purifiers;
}

/** Replaces known `:shortcode:` in the fragment's text with <img> of the cached emoji. */
function insertEmoji(fragment: DocumentFragment, emojis: readonly CustomEmoji[] | undefined): void {
  const emoji = cachedEmojiMap(emojis);
  if (emoji.size === 0) return;
  const doc = fragment.ownerDocument;
  const walker = doc.createTreeWalker(fragment, 4 /* NodeFilter.SHOW_TEXT */);
  const textNodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) textNodes.push(node as Text);
  for (const textNode of textNodes) {
    const tokens = splitShortcodes(textNode.data, emoji);
    if (tokens.every((t) => t.kind === 'text')) continue;
    const replacement = doc.createDocumentFragment();
    for (const token of tokens) {
      if (token.kind === 'text') {
        replacement.appendChild(doc.createTextNode(token.text));
      } else {
        const img = doc.createElement('img');
        img.setAttribute('class', EMOJI_CLASS);
        img.setAttribute('src', token.src);
        img.setAttribute('alt', `:${token.shortcode}:`);
        img.setAttribute('title', `:${token.shortcode}:`);
        img.setAttribute('draggable', 'false');
        replacement.appendChild(img);
      }
    }
    textNode.replaceWith(replacement);
  }
}

/**
 * Remote HTML as markup safe to inject: only the allow-list above, links forced to open outside
 * (`rel="noopener noreferrer"`, `target="_blank"`), custom emoji from the media cache, and text
 * that can neither reverse its neighbours, stack marks over them nor hide where a link goes.
 */
export function sanitizeRemoteHtml(html: string, emojis?: readonly CustomEmoji[]): string {
  if (!html) return '';
  const source = html.length > MAX_INPUT_CHARS ? html.slice(0, MAX_INPUT_CHARS) : html;
  const { remote, final } = getPurifiers();
  const fragment = remote.sanitize(source, REMOTE_PASS);
  insertEmoji(fragment, emojis);
  prepareHtmlForDisplay(fragment);
  // Serialized inside DOMPurify's inert document: nothing loads, nothing runs.
  const holder = fragment.ownerDocument.createElement('div');
  holder.appendChild(fragment);
  return final.sanitize(holder.innerHTML, FINAL_PASS);
}
