// Reads the list of an answer (followers, follows, profiles) one item at a time, so one profile
// outside the lexicon's limits (a 300-character display name from a custom PDS) costs that
// profile, not the page. @atproto/api validates the whole answer against the lexicon and refuses
// it for one bad item; its refusal (XRPCInvalidResponseError) still carries the body, which is read
// here item by item: a valid item is kept, an item whose strings exceed the lexicon's limits is
// kept with them cut to those limits, an item with an unusable optional field is kept without
// it, and anything else (no DID, no handle) is left out. Each such item is reported, never its text.
import { lexicons } from '@atproto/api';
import { z } from 'zod';
import type { UnreadableItem } from '../provider';
import { parseAnswer } from './blueskyErrors';
import { issuePath } from './blueskySchemas';

/** The lexicon definition each list item must match. */
export type ItemLexicon = 'app.bsky.actor.defs#profileView' | 'app.bsky.actor.defs#profileViewDetailed';

/** Fields Rapport may cut or drop and still keep the person; identity fields are never touched. */
const OPTIONAL_FIELDS = new Set([
  'displayName',
  'description',
  'avatar',
  'banner',
  'createdAt',
  'indexedAt',
  'followersCount',
  'followsCount',
  'postsCount',
  'viewer',
  'labels',
  'associated',
  'pronouns',
  'website',
  'verification',
  'status',
  'pinnedPost',
  'joinedViaStarterPack',
]);

export interface ReadItems<T> {
  items: T[];
  unreadable: UnreadableItem[];
}

/**
 * The body of an answer @atproto/api refused because it broke the lexicon; undefined for any other
 * error. (XRPCInvalidResponseError is not re-exported by @atproto/api; recognised by shape.)
 */
export function refusedAnswerBody(error: unknown): unknown {
  if (typeof error !== 'object' || error === null || !('validationError' in error) || !('responseBody' in error)) return undefined;
  return error.responseBody;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const utf8 = new TextEncoder();

/** The longest prefix within both limits (graphemes, UTF-8 bytes), never splitting a grapheme. */
function cutString(value: string, maxGraphemes: number | undefined, maxBytes: number | undefined): string {
  let out = '';
  let count = 0;
  let bytes = 0;
  for (const { segment } of graphemes.segment(value)) {
    const size = utf8.encode(segment).length;
    if ((maxGraphemes !== undefined && count + 1 > maxGraphemes) || (maxBytes !== undefined && bytes + size > maxBytes)) break;
    out += segment;
    count++;
    bytes += size;
  }
  return out;
}

interface StringLimits {
  maxGraphemes?: number;
  maxLength?: number;
}

/** The lexicon's own limits for each string property of the definition. */
function stringLimits(lexicon: ItemLexicon): Map<string, StringLimits> {
  const def = lexicons.getDefOrThrow(lexicon) as { properties?: Record<string, { type?: string } & StringLimits> };
  const limits = new Map<string, StringLimits>();
  for (const [name, property] of Object.entries(def.properties ?? {})) {
    if (property.type === 'string' && (property.maxGraphemes !== undefined || property.maxLength !== undefined)) limits.set(name, property);
  }
  return limits;
}

function remoteIdOf(raw: unknown): string | null {
  const did = typeof raw === 'object' && raw !== null ? (raw as { did?: unknown }).did : undefined;
  // Only a well-formed DID: the id goes into the log, so it must not be able to carry anything else.
  return typeof did === 'string' && did.length <= 256 && /^did:[a-z]+:[a-zA-Z0-9._:%-]+$/.test(did) ? did : null;
}

/**
 * One item, repaired when it can be: strings cut to the lexicon's limits, then optional fields that
 * still break the lexicon or our schema removed. Returns the fields that were changed.
 */
function repair<T>(raw: Record<string, unknown>, lexicon: ItemLexicon, schema: z.ZodType<T>): { value: T; fields: string[] } | null {
  const item: Record<string, unknown> = { ...raw };
  const fields: string[] = [];
  for (const [name, limits] of stringLimits(lexicon)) {
    const value = item[name];
    if (typeof value !== 'string') continue;
    const cut = cutString(value, limits.maxGraphemes, limits.maxLength);
    if (cut !== value) {
      item[name] = cut;
      fields.push(name);
    }
  }
  // A few rounds: each drops the optional fields the validators still name.
  for (let round = 0; round < 4; round++) {
    const offending = new Set<string>();
    const lexicon_ = lexicons.validate(lexicon, item);
    if (!lexicon_.success) {
      const field = /^Object\/([^/ ]+)/.exec(lexicon_.error.message)?.[1];
      if (!field || !OPTIONAL_FIELDS.has(field)) return null;
      offending.add(field);
    } else {
      const parsed = schema.safeParse(item);
      if (parsed.success) return { value: parsed.data, fields };
      for (const issue of parsed.error.issues) {
        const field = issuePath(issue.path.slice(0, 1));
        if (!OPTIONAL_FIELDS.has(field)) return null;
        offending.add(field);
      }
    }
    for (const field of offending) {
      delete item[field];
      if (!fields.includes(field)) fields.push(field);
    }
  }
  return null;
}

/**
 * The items of one list of an answer (profiles when a lexicon is given, posts when null). `checkLexicon`: the answer as a whole was refused by the
 * lexicon, so each item is checked against it too (a valid answer was already checked).
 */
export function readItems<T>(raw: unknown, lexicon: ItemLexicon | null, schema: z.ZodType<T>, checkLexicon: boolean): ReadItems<T> {
  const items: T[] = [];
  const unreadable: UnreadableItem[] = [];
  if (!Array.isArray(raw)) return { items, unreadable };
  for (const entry of raw as unknown[]) {
    if (lexicon === null) {
      // Posts: only the fields Rapport reads are checked (the author's profile inside each feed
      // item may break the lexicon without touching the post); a post we cannot read is left out.
      const parsed = schema.safeParse(entry);
      if (parsed.success) items.push(parsed.data);
      else unreadable.push({ kind: 'post', remoteId: null, outcome: 'skipped', fields: [] });
      continue;
    }
    if (!checkLexicon || lexicons.validate(lexicon, entry).success) {
      const parsed = schema.safeParse(entry);
      if (parsed.success) {
        items.push(parsed.data);
        continue;
      }
    }
    const remoteId = remoteIdOf(entry);
    const repaired = remoteId !== null && typeof entry === 'object' && entry !== null ? repair(entry as Record<string, unknown>, lexicon, schema) : null;
    if (repaired) {
      items.push(repaired.value);
      unreadable.push({ kind: 'profile', remoteId, outcome: 'cut', fields: repaired.fields });
    } else {
      unreadable.push({ kind: 'profile', remoteId, outcome: 'skipped', fields: [] });
    }
  }
  return { items, unreadable };
}

const listAnswerSchema = z.object({ cursor: z.string().optional() });

/**
 * The answer around the list: its cursor must be sound (a bad one would lose our place), and the
 * list itself must be a list; its items are then read one by one.
 */
export function readListAnswer<T>(
  data: unknown,
  key: string,
  lexicon: ItemLexicon | null,
  schema: z.ZodType<T>,
  checkLexicon: boolean,
  method: string,
): ReadItems<T> & { cursor: string | null } {
  const { cursor } = parseAnswer(listAnswerSchema, data, method);
  const list = parseAnswer(z.object({ [key]: z.array(z.unknown()) }), data, method)[key] as unknown[];
  return { ...readItems(list, lexicon, schema, checkLexicon), cursor: cursor ?? null };
}
