// Follow-for-follow phrases and hashtags in the bio or display name ("follow back", #F4F,
// "sígueme y te sigo", "フォロバ"…): people who say this usually follow to be followed back.
import { foldWord, prepareText, tokenize, type BioToken } from './bioTokens';
import {
  FOLLOW_BAIT_PHRASES,
  NEGATION_WORDS,
  SCRIPT_NEGATION_PREFIX,
  SCRIPT_NEGATION_SUFFIX,
  type FollowBaitPhrase,
} from './followBaitPhrases';
import type { Signal, SignalInput } from './types';

/** Shortest glued form looked for inside a longer hashtag, so "#TeamFollowBack" counts but "#f4fitness" does not. */
const MIN_GLUED_LENGTH_INSIDE_HASHTAG = 8;
/** How many words back a negation may stand: "I do not follow back". */
const NEGATION_REACH = 3;

interface CompiledPhrase {
  phrase: FollowBaitPhrase;
  /** folded words, for kind 'words' */
  words: string[];
  /** folded words glued together: "followback" */
  glued: string;
  /** width-folded, lower-case text, for kind 'script' */
  scriptText: string;
}

const COMPILED: readonly CompiledPhrase[] = FOLLOW_BAIT_PHRASES.map((phrase) => {
  const words = tokenize(prepareText(phrase.display)).map((t) => t.norm);
  return {
    phrase,
    words,
    glued: words.join(''),
    scriptText: prepareText(phrase.display).toLowerCase(),
  };
});

function groupBy(phrases: readonly CompiledPhrase[], key: (c: CompiledPhrase) => string): Map<string, CompiledPhrase[]> {
  const groups = new Map<string, CompiledPhrase[]>();
  for (const c of phrases) groups.set(key(c), [...(groups.get(key(c)) ?? []), c]);
  return groups;
}

// Indexes so each word of a bio is looked up once instead of compared with every phrase: signals
// run over whole follower lists when filtering.
const WORD_PHRASES = COMPILED.filter((c) => c.phrase.kind === 'words');
const BY_FIRST_WORD = groupBy(WORD_PHRASES, (c) => c.words[0] ?? '');
const BY_GLUED = groupBy(WORD_PHRASES.filter((c) => c.words.length > 1), (c) => c.glued);
const HASHTAG_ONLY = groupBy(COMPILED.filter((c) => c.phrase.kind === 'hashtag'), (c) => c.glued);
const INSIDE_HASHTAGS = WORD_PHRASES.filter((c) => c.glued.length >= MIN_GLUED_LENGTH_INSIDE_HASHTAG);
const SCRIPT_PHRASES = COMPILED.filter((c) => c.phrase.kind === 'script');

export interface FollowBaitMatch {
  /** how a chip quotes it: the phrase, or the hashtag as written */
  quote: string;
  lang: string;
  start: number;
  end: number;
}

function isNegated(tokens: readonly BioToken[], at: number): boolean {
  const clause = tokens[at]?.clause;
  for (let i = Math.max(0, at - NEGATION_REACH); i < at; i += 1) {
    const token = tokens[i];
    if (token && token.clause === clause && NEGATION_WORDS.has(token.norm)) return true;
  }
  return false;
}

function asWritten(t: BioToken): string {
  return t.hashtag ? `#${t.raw}` : t.raw;
}

/** The phrase spelled out as words starting at `at`, or null. */
function wordSequenceAt(tokens: readonly BioToken[], at: number, c: CompiledPhrase): FollowBaitMatch | null {
  const token = tokens[at];
  if (!token) return null;
  for (let k = 1; k < c.words.length; k += 1) {
    const t = tokens[at + k];
    if (!t || t.norm !== c.words[k] || t.phrase !== token.phrase) return null;
  }
  // "follow back-end" is about back-ends: a phrase written with spaces may not end or begin inside
  // a hyphenated compound, while one written with hyphens may be part of one ("follow-back-friendly").
  const writtenAsCompound = tokens.slice(at + 1, at + c.words.length).every((t) => t.hyphenated);
  if (!writtenAsCompound && (token.hyphenated || tokens[at + c.words.length]?.hyphenated)) return null;
  const last = tokens[at + c.words.length - 1] ?? token;
  const quote = c.words.length === 1 && token.hashtag ? asWritten(token) : c.phrase.display;
  return { quote, lang: c.phrase.lang, start: token.start, end: last.end };
}

function wholeWord(token: BioToken, c: CompiledPhrase): FollowBaitMatch {
  return { quote: asWritten(token), lang: c.phrase.lang, start: token.start, end: token.end };
}

/** Every phrase that starts at word `at`: spelled out, glued into one word, or inside a hashtag. */
function wordMatchesAt(tokens: readonly BioToken[], at: number): FollowBaitMatch[] {
  const token = tokens[at];
  if (!token) return [];
  const matches: FollowBaitMatch[] = [];
  for (const c of BY_FIRST_WORD.get(token.norm) ?? []) {
    const match = wordSequenceAt(tokens, at, c);
    if (match) matches.push(match);
  }
  for (const c of BY_GLUED.get(token.norm) ?? []) matches.push(wholeWord(token, c));
  if (token.hashtag) {
    for (const c of HASHTAG_ONLY.get(token.norm) ?? []) matches.push(wholeWord(token, c));
    for (const c of INSIDE_HASHTAGS) if (token.norm !== c.glued && token.norm.includes(c.glued)) matches.push(wholeWord(token, c));
  }
  return matches;
}

function scriptMatches(lowered: string, c: CompiledPhrase): FollowBaitMatch[] {
  const matches: FollowBaitMatch[] = [];
  for (let at = lowered.indexOf(c.scriptText); at >= 0; at = lowered.indexOf(c.scriptText, at + 1)) {
    const end = at + c.scriptText.length;
    if (SCRIPT_NEGATION_PREFIX.test(lowered.slice(0, at)) || SCRIPT_NEGATION_SUFFIX.test(lowered.slice(end))) continue;
    matches.push({ quote: c.phrase.display, lang: c.phrase.lang, start: at, end });
  }
  return matches;
}

/** Every follow-for-follow phrase in `text`, in reading order, overlapping ones reduced to the first and longest. */
export function findFollowBait(text: string): FollowBaitMatch[] {
  const prepared = prepareText(text);
  const tokens = tokenize(prepared);
  const lowered = prepared.toLowerCase();
  const all: FollowBaitMatch[] = [];
  for (let at = 0; at < tokens.length; at += 1) {
    const matches = wordMatchesAt(tokens, at);
    if (matches.length > 0 && !isNegated(tokens, at)) all.push(...matches);
  }
  for (const c of SCRIPT_PHRASES) all.push(...scriptMatches(lowered, c));
  all.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: FollowBaitMatch[] = [];
  let coveredUntil = -1;
  for (const match of all) {
    if (match.start < coveredUntil) continue;
    kept.push(match);
    coveredUntil = match.end;
  }
  return kept;
}

const quoted = (s: string) => `“${s}”`;

export function followBaitSignals(input: Pick<SignalInput, 'bio' | 'displayName'>): Signal[] {
  const inName = findFollowBait(input.displayName);
  const inBio = findFollowBait(input.bio);
  const all = [...inName, ...inBio];
  const first = all[0];
  if (!first) return [];

  const quotes: string[] = [];
  const seen = new Set<string>();
  for (const match of all) {
    // "#F4F" and "F4F" say the same thing.
    const key = foldWord(match.quote.replace(/^#/, ''));
    if (!seen.has(key)) {
      seen.add(key);
      quotes.push(quoted(match.quote));
    }
  }
  const where = inName.length > 0 && inBio.length > 0 ? 'name and bio' : inName.length > 0 ? 'name' : 'bio';
  return [
    {
      id: 'follow-bait',
      tone: 'caution',
      label: `Says ${quoted(first.quote)}`,
      detail: `Follow-for-follow wording in the ${where}: ${quotes.join(', ')}.`,
    },
  ];
}
