// Remote text as the window shows it. Core stores what the network sent (search finds that);
// only the display is changed, in two ways a stranger's text could otherwise lie or spill:
//  - Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) are removed.
//    An unclosed U+202E turns "‮gnp.exe‬ safe.txt" into what reads as "exe.png safe.txt", and it
//    keeps reversing whatever the app prints after it. The elements remote text is rendered in
//    isolate it (dir="auto", unicode-bidi: isolate), so the writer's direction is still honoured.
//    The marks (LRM, RLM, ALM) stay: they only steer neighbouring punctuation inside that isolate,
//    which right-to-left writers need.
//  - Stacks of combining marks (zalgo) are cut to MAX_MARKS per base character, so a name cannot
//    paint over the lines above and below it. Real scripts stay within that: Vietnamese needs two,
//    pointed Hebrew and Indic clusters three.

const DIRECTION_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/gu;
/** Every invisible character that changes direction, marks included: for comparing, not display. */
const DIRECTION_FORMATTING = /[\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/gu;
export const MAX_MARKS = 3;
const MARK_STACK = new RegExp(`(\\p{M}{${MAX_MARKS}})\\p{M}+`, 'gu');

/** One remote string (name, handle, bio, post, quote) ready to render as text. */
export function displayText(text: string): string {
  return text.replace(DIRECTION_CONTROLS, '').replace(MARK_STACK, '$1');
}

/** The host a link's text claims, when the text reads as a URL or a bare host name; else null. */
export function hostNamedBy(text: string): string | null {
  const words = text.replace(DIRECTION_FORMATTING, '').trim();
  const withoutScheme = words.replace(/^[a-z][a-z0-9+.-]*:\/\//iu, '');
  // A dotted name ending in a letter label (example.com, bank.example/login), without spaces.
  if (!/^[^\s/?#@:]+\.\p{L}[\p{L}\p{N}-]*\.?(?::\d+)?(?:[/?#]\S*)?$/u.test(withoutScheme)) return null;
  try {
    return comparableHost(new URL(`https://${withoutScheme}`).hostname);
  } catch {
    return null;
  }
}

function comparableHost(hostname: string): string {
  return hostname.toLowerCase().replace(/\.$/u, '').replace(/^www\./u, '');
}

/**
 * The host to show beside a link whose text names another host than the one it opens
 * ("paypal.com" linking to evil.example), or null when the text does not name a host or names
 * the right one. The host comes from the parsed href, so a look-alike name shows as punycode.
 */
export function hiddenLinkHost(linkText: string, href: string): string | null {
  const claimed = hostNamedBy(linkText);
  if (claimed === null) return null;
  let real: string;
  try {
    real = new URL(href).hostname;
  } catch {
    return null;
  }
  return comparableHost(real) === claimed ? null : real;
}
