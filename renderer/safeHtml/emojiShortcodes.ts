// Custom emoji: `:shortcode:` in names, bios, fields and posts stands for an image the
// person's server defines. Core caches those images; the renderer only ever points an <img> at
// that local copy, so a remote server never learns when (or that) a profile was looked at.
import type { CustomEmoji } from '../../shared/domain';

export type ShortcodeToken = { kind: 'text'; text: string } | { kind: 'emoji'; shortcode: string; src: string };

const SHORTCODE = /:([a-zA-Z0-9_]{2,64}):/g;

/**
 * A path inside the local media cache, nothing else: no scheme (so no `javascript:`, `data:` or
 * remote URL), no `..`, no query or fragment.
 */
const CACHED_MEDIA_PATH = /^media\/[A-Za-z0-9_-][A-Za-z0-9._/-]*$/;

export function isCachedMediaPath(url: string | null | undefined): url is string {
  return typeof url === 'string' && CACHED_MEDIA_PATH.test(url) && !url.split('/').includes('..');
}

/** Shortcode → cached image, for the emoji whose image is in the media cache. */
export function cachedEmojiMap(emojis: readonly CustomEmoji[] | undefined): ReadonlyMap<string, string> {
  const map = new Map<string, string>();
  for (const emoji of emojis ?? []) {
    if (isCachedMediaPath(emoji.url)) map.set(emoji.shortcode, emoji.url);
  }
  return map;
}

/**
 * Splits text into text and emoji tokens. Unknown shortcodes, and emoji whose image is not
 * cached yet, stay text as written.
 */
export function splitShortcodes(text: string, emoji: ReadonlyMap<string, string>): ShortcodeToken[] {
  if (emoji.size === 0 || !text.includes(':')) return text ? [{ kind: 'text', text }] : [];
  const tokens: ShortcodeToken[] = [];
  let last = 0;
  for (const match of text.matchAll(SHORTCODE)) {
    const shortcode = match[1] ?? '';
    const src = emoji.get(shortcode);
    if (src === undefined) continue;
    const at = match.index ?? 0;
    if (at > last) tokens.push({ kind: 'text', text: text.slice(last, at) });
    tokens.push({ kind: 'emoji', shortcode, src });
    last = at + match[0].length;
  }
  if (last < text.length) tokens.push({ kind: 'text', text: text.slice(last) });
  return tokens;
}
