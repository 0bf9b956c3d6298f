// Turns free text (bios, display names) into comparable words, so phrase matching can ignore
// case, accents, full-width forms, punctuation and emoji without ever matching inside a word
// ("follow back" must not match "follow backend").

export interface BioToken {
  /** as written (after width folding), without a leading '#' */
  raw: string;
  /** lower case, accents removed: what patterns compare against */
  norm: string;
  hashtag: boolean;
  /** words of one phrase: only spaces, apostrophes, hyphens, commas or emoji between them ("follow ✨ back") */
  phrase: number;
  /** like phrase, but commas and emoji also separate, so "No DMs, follow back" is not read as a negation */
  clause: number;
  /** joined to the previous word by a bare hyphen, as in "back-end": part of one compound word */
  hyphenated: boolean;
  /** position in the prepared text, to order matches as they appear */
  start: number;
  end: number;
}

const ASCII = /^[\x20-\x7e]*$/;

/** Lower case without accents: "Sígueme" → "sigueme", "ZURÜCK" → "zuruck". */
export function foldWord(word: string): string {
  // Most words are plain ASCII, which has no accents to remove: skip the costly normalization.
  if (ASCII.test(word)) return word.toLowerCase();
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * Width and compatibility folding (full-width "ＦＯＬＬＯＷ", half-width kana, "＃"), plus the
 * "🔙" emoji read as the word it stands for.
 */
export function prepareText(text: string): string {
  return text.normalize('NFKC').replace(/🔙/gu, ' back ');
}

const WORD = /(#?)([\p{L}\p{N}\p{M}]+)/gu;
const SAME_CLAUSE_GAP = /^[\s'’\-‐]*$/u;
// Joiners and variation selectors are listed apart: inside a class they would combine with their neighbour.
const SAME_PHRASE_GAP = /^(?:[\s'’\-‐,，、\p{Extended_Pictographic}\p{Emoji_Modifier}]|\u200d|\ufe0f|\u20e3)*$/u;
const HYPHEN_GLUE = /^[-‐]$/u;

export function tokenize(prepared: string): BioToken[] {
  const tokens: BioToken[] = [];
  let phrase = 0;
  let clause = 0;
  let lastEnd = 0;
  for (const match of prepared.matchAll(WORD)) {
    const start = match.index;
    const raw = match[2] ?? '';
    let hyphenated = false;
    // A single space, by far the most common gap, changes nothing.
    if (tokens.length > 0 && !(start === lastEnd + 1 && prepared[lastEnd] === ' ')) {
      const gap = prepared.slice(lastEnd, start);
      hyphenated = HYPHEN_GLUE.test(gap) && match[1] !== '#';
      if (!SAME_PHRASE_GAP.test(gap)) phrase += 1;
      if (!SAME_CLAUSE_GAP.test(gap)) clause += 1;
    }
    const end = start + match[0].length;
    tokens.push({ raw, norm: foldWord(raw), hashtag: match[1] === '#', phrase, clause, hyphenated, start, end });
    lastEnd = end;
  }
  return tokens;
}
