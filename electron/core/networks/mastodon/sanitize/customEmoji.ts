// Mastodon display names (and field names) are plain text in which `:shortcode:` stands for a
// custom emoji the account's server defines. They are never HTML: we split them into text and
// emoji tokens, and the renderer draws emoji as <img> from the local media cache, text as text.

export interface MastodonEmoji {
  shortcode: string;
  url: string;
  staticUrl?: string | null;
}

export type DisplayNameToken = { kind: 'text'; text: string } | { kind: 'emoji'; shortcode: string; url: string };

const SHORTCODE = /:([a-zA-Z0-9_]{2,64}):/g;
const HTTP_URL = /^https?:\/\//i;
/**
 * Bidirectional overrides and isolates let a name render as something else ("‮nimda" shows as
 * "admin"); zero-width and other invisible format characters hide impersonation. Dropped.
 */
const INVISIBLE_FORMAT = /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/** The plain text of a display name: control and bidi characters removed, whitespace collapsed. */
export function cleanDisplayText(raw: string | null | undefined): string {
  if (!raw) return '';
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  return raw.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').replace(INVISIBLE_FORMAT, '').replace(/\s+/g, ' ').trim();
}

/**
 * Splits a display name into text and emoji tokens. Only shortcodes listed in the account's own
 * `emojis` with an http(s) image URL (the static one preferred: no animation surprises) become
 * emoji; any other `:word:` stays text.
 */
export function displayNameTokens(raw: string | null | undefined, emojis: readonly MastodonEmoji[]): DisplayNameToken[] {
  const text = cleanDisplayText(raw);
  const known = new Map<string, string>();
  for (const emoji of emojis) {
    const url = emoji.staticUrl && HTTP_URL.test(emoji.staticUrl) ? emoji.staticUrl : emoji.url;
    if (/^[a-zA-Z0-9_]{2,64}$/.test(emoji.shortcode) && HTTP_URL.test(url)) known.set(emoji.shortcode, url);
  }
  const tokens: DisplayNameToken[] = [];
  let last = 0;
  for (const match of text.matchAll(SHORTCODE)) {
    const shortcode = match[1] ?? '';
    const url = known.get(shortcode);
    if (url === undefined) continue;
    const at = match.index ?? 0;
    if (at > last) tokens.push({ kind: 'text', text: text.slice(last, at) });
    tokens.push({ kind: 'emoji', shortcode, url });
    last = at + match[0].length;
  }
  if (last < text.length) tokens.push({ kind: 'text', text: text.slice(last) });
  return tokens;
}

/** The name as plain text for search and cards: emoji tokens keep their `:shortcode:` form. */
export function displayNameText(tokens: readonly DisplayNameToken[]): string {
  return tokens.map((t) => (t.kind === 'text' ? t.text : `:${t.shortcode}:`)).join('').trim();
}
