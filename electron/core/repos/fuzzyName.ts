// Typo-tolerant matching of typed words against names and handles. A word of n letters with one
// typo still contains, untouched, one of its halves (two typos: one of its thirds): those pieces
// are what the trigram index is asked for, and the candidates it returns are ranked by the edit
// distance between the word and the closest stretch of the name or handle.

/** Lower case without accents, the way the trigram index (remove_diacritics) compares. */
export function foldText(text: string): string {
  // Most names are plain ASCII: skip the (slow) normalization for them.
  // eslint-disable-next-line no-control-regex
  if (/^[\u0000-\u007f]*$/.test(text)) return text.toLowerCase();
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** The words of a query, folded; a leading @ (a handle typed as shown) is dropped. */
export function queryWords(query: string): string[] {
  return foldText(query)
    .split(/\s+/)
    .map((word) => word.replace(/^@+/, ''))
    .filter((word) => /[\p{L}\p{N}]/u.test(word));
}

/** How many typos a word of this length may carry and still match. */
export function typoAllowance(word: string): number {
  const length = [...word].length;
  if (length <= 3) return 0;
  if (length <= 7) return 1;
  return 2;
}

function splitPieces(chars: string[], allowance: number): string[] {
  // Short words split into pieces would leave pieces under 3 characters: use every trigram.
  if (chars.length < 3 * (allowance + 1)) {
    const trigrams: string[] = [];
    for (let i = 0; i + 3 <= chars.length; i += 1) trigrams.push(chars.slice(i, i + 3).join(''));
    return trigrams;
  }
  const parts = allowance + 1;
  const pieces: string[] = [];
  for (let i = 0; i < parts; i += 1) {
    pieces.push(chars.slice(Math.floor((i * chars.length) / parts), Math.floor(((i + 1) * chars.length) / parts)).join(''));
  }
  return pieces;
}

/**
 * Substrings of `word` at least one of which a name within the word's typo allowance contains
 * unchanged (every piece is 3+ characters, the trigram index's shortest query). Two swapped
 * letters can straddle two pieces, so the pieces of the word with each neighbour pair swapped
 * back are included too.
 */
export function untouchedPieces(word: string): string[] {
  const chars = [...word];
  const allowance = typoAllowance(word);
  if (chars.length < 3) return [];
  if (allowance === 0) return [word];
  const pieces = new Set(splitPieces(chars, allowance));
  const parts = allowance + 1;
  const byTrigrams = chars.length < 3 * parts;
  // Where a swap can touch two pieces: anywhere for trigrams, across a boundary otherwise.
  const boundaries = new Set(Array.from({ length: parts - 1 }, (_, k) => Math.floor(((k + 1) * chars.length) / parts) - 1));
  for (let i = 0; i + 1 < chars.length; i += 1) {
    if (chars[i] === chars[i + 1] || (!byTrigrams && !boundaries.has(i))) continue;
    const swapped = [...chars];
    [swapped[i], swapped[i + 1]] = [chars[i + 1] ?? '', chars[i] ?? ''];
    for (const piece of splitPieces(swapped, allowance)) pieces.add(piece);
  }
  return [...pieces];
}

// Three DP rows reused across calls: ranking hundreds of candidates per keystroke allocates nothing.
let rows: [Int32Array, Int32Array, Int32Array] = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/**
 * Edit distance (insertions, deletions, substitutions, swapped neighbours) between `word` and the
 * closest stretch of `text`: 0 when text contains the word. Both are expected folded; compared by
 * UTF-16 unit, which only matters for letters outside the BMP.
 */
export function distanceWithin(word: string, text: string): number {
  if (word.length === 0 || text.includes(word)) return 0;
  const n = text.length;
  if (rows[0].length <= n) rows = [new Int32Array(n + 1), new Int32Array(n + 1), new Int32Array(n + 1)];
  // Rows over the text; row 0 is all zeros, so a match may start anywhere in it.
  let [before, previous, current] = rows;
  previous.fill(0, 0, n + 1);
  before.fill(0, 0, n + 1);
  for (let i = 1; i <= word.length; i += 1) {
    const a = word.charCodeAt(i - 1);
    current[0] = i;
    for (let j = 1; j <= n; j += 1) {
      const b = text.charCodeAt(j - 1);
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a === b ? 0 : 1));
      if (i > 1 && j > 1 && a === text.charCodeAt(j - 2) && word.charCodeAt(i - 2) === b) best = Math.min(best, before[j - 2]! + 1);
      current[j] = best;
    }
    [before, previous, current] = [previous, current, before];
  }
  let min = previous[0]!;
  for (let j = 1; j <= n; j += 1) min = Math.min(min, previous[j]!);
  return min;
}
