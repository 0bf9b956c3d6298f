// The short excerpt an interaction keeps of remote text (a reply, a mention): plain text, control
// and direction-override characters removed, whitespace collapsed, cut to a length that fits a
// line in Review without splitting a grapheme. Remote text is hostile; the window shows it as text.
export const INTERACTION_EXCERPT_MAX = 280;

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
// C0/C1 controls and the bidi embedding/override/isolate marks that could reorder the line around it.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function interactionExcerpt(text: string | null | undefined): string | null {
  if (typeof text !== 'string') return null;
  const clean = text.replace(UNSAFE, '').replace(/\s+/g, ' ').trim();
  if (clean.length === 0) return null;
  if (clean.length <= INTERACTION_EXCERPT_MAX) return clean;
  let out = '';
  for (const { segment } of graphemes.segment(clean)) {
    if (out.length + segment.length > INTERACTION_EXCERPT_MAX - 1) break;
    out += segment;
  }
  return `${out.trimEnd()}…`;
}
