// The text side of writing to someone: filling a template, the phrases of their profile one may
// quote, and inserting one where the cursor is. Pure functions; remote text stays plain text.
import type { PersonProfile } from '../../shared/domain';
import { formatHandle } from '../people/personIdentity';

/** The contract's bounds for a message (after trimming). */
export const MESSAGE_MAX = 1000;

export function fillTemplate(body: string, person: { displayName: string; handle: string }): string {
  return body.replaceAll('{name}', person.displayName || person.handle).replaceAll('{handle}', formatHandle(person.handle));
}

export interface Snippet {
  source: 'bio' | 'post';
  text: string;
}

const SNIPPET_MAX = 120;
const SNIPPET_MIN = 12;
const SNIPPETS_MAX = 12;

function phrasesOf(text: string): string[] {
  return text
    .replace(/https?:\/\/\S+/gu, ' ')
    .split(/(?<=[.!?…])\s+|\n+/u)
    .map((phrase) => phrase.replace(/\s+/gu, ' ').trim())
    .filter((phrase) => phrase.length >= SNIPPET_MIN)
    .map((phrase) => (Array.from(phrase).length > SNIPPET_MAX ? `${Array.from(phrase).slice(0, SNIPPET_MAX - 1).join('').trimEnd()}…` : phrase));
}

/** Phrases from the bio, then from their own recent posts (not reposts), without repeats. */
export function snippetsOf(profile: Pick<PersonProfile, 'bio' | 'recentPosts'>): Snippet[] {
  const seen = new Set<string>();
  const snippets: Snippet[] = [];
  const add = (source: Snippet['source'], text: string) => {
    for (const phrase of phrasesOf(text)) {
      const key = phrase.toLowerCase();
      if (seen.has(key) || snippets.length >= SNIPPETS_MAX) continue;
      seen.add(key);
      snippets.push({ source, text: phrase });
    }
  };
  add('bio', profile.bio);
  for (const post of profile.recentPosts) if (!post.isRepost) add('post', post.text);
  return snippets;
}

/** Inserts a quoted phrase at the selection, with a space on either side where needed. */
export function insertQuote(text: string, start: number, end: number, phrase: string): { text: string; cursor: number } {
  const before = text.slice(0, start);
  const after = text.slice(end);
  const quote = `“${phrase}”`;
  const lead = before === '' || /\s$/u.test(before) ? '' : ' ';
  const trail = after === '' || /^\s/u.test(after) ? '' : ' ';
  const inserted = `${lead}${quote}${trail}`;
  return { text: `${before}${inserted}${after}`, cursor: before.length + inserted.length };
}

/** The length the contract checks: trimmed, in UTF-16 units like zod's max. */
export function messageLength(text: string): number {
  return text.trim().length;
}
