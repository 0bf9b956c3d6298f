// One sample person as a pure function of (seed, key): the same person comes out on every page,
// in every process, on every run — what makes resume-after-kill comparable to a clean run.
import type { RemoteProfile, RemotePost } from '../provider';
import { SeededRandom, WeightedTable } from './seededRandom';
import {
  DISPLAY_NAME_EMOJI,
  FOLLOW_BAIT_BIOS,
  FOLLOW_BAIT_POSTS,
  LANGUAGE_WEIGHTS,
  SPAM_BIOS,
  SPAM_POSTS,
  VOCABULARY,
  type SampleLanguage,
} from './sampleVocabulary';

/**
 * Who a person is in the sample network: `f` people follow the account (index = chronological
 * order, 0 the oldest follower), `g` people are followed by the account without following back.
 */
export interface SamplePersonKey {
  kind: 'f' | 'g';
  index: number;
}

export type SampleArchetype = 'regular' | 'creator' | 'quiet' | 'empty' | 'followBait' | 'spam';

const ARCHETYPES = new WeightedTable<SampleArchetype>({
  regular: 56,
  creator: 8,
  quiet: 8,
  empty: 12,
  followBait: 10,
  spam: 6,
});
const LANGUAGES = new WeightedTable<SampleLanguage>(LANGUAGE_WEIGHTS);

const KIND_CODE = { f: 1, g: 2 } as const;
const DAY_MS = 86_400_000;
const SALT_PROFILE = 11;
const SALT_POSTS = 23;

export function sampleRemoteId(seed: number, key: SamplePersonKey): string {
  return `s${seed}-${key.kind}${key.index}`;
}

/** Inverse of sampleRemoteId; null for ids that are not this seed's sample people. */
export function parseSampleRemoteId(seed: number, remoteId: string): SamplePersonKey | null {
  const match = /^s(\d+)-([fg])(\d{1,9})$/.exec(remoteId);
  if (!match || Number(match[1]) !== seed) return null;
  return { kind: match[2] as 'f' | 'g', index: Number(match[3]) };
}

export function sampleAvatarUrl(remoteId: string): string {
  return `sample://avatar/${remoteId}`;
}

export interface SamplePerson {
  profile: RemoteProfile;
  language: SampleLanguage;
  archetype: SampleArchetype;
  /** Initials and hue for the generated avatar. */
  initials: string;
  hue: number;
  /** profile.joinedAt as epoch ms, so callers can compare dates without parsing. */
  joinedAtMs: number;
}

const stemCache = new Map<string, string>();

/** "Dávila" -> "davila"; cached because the same few thousand names recur a million times. */
function asciiStem(text: string): string {
  let stem = stemCache.get(text);
  if (stem === undefined) {
    stem = text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z]/g, '');
    stemCache.set(text, stem);
  }
  return stem;
}

function initialsOf(first: string, last: string, language: SampleLanguage): string {
  // Array.from splits by code point, so a CJK or Arabic initial stays one whole character.
  const f = Array.from(first)[0] ?? '';
  const l = Array.from(last)[0] ?? '';
  if (language === 'ja') return l || f;
  return (f + l).toUpperCase();
}

function buildHandle(rng: SeededRandom, language: SampleLanguage, first: string, last: string, key: SamplePersonKey): string {
  const vocab = VOCABULARY[language];
  let a = vocab.latinNames ? asciiStem(first) : rng.pick(vocab.handleStems);
  let b = vocab.latinNames ? asciiStem(last) : '';
  if (!a) a = 'user';
  if (!b && rng.chance(0.5)) b = rng.pick(['dev', 'art', 'photo', 'writes', 'jp', 'official']);
  // The index keeps handles unique per kind; `g` people get an extra letter so kinds never clash.
  const tag = key.kind === 'f' ? String(key.index) : `x${key.index}`;
  switch (rng.int(0, 3)) {
    case 0:
      return `${a}${b}${tag}`;
    case 1:
      return `${a}_${b || 'x'}${tag}`;
    case 2:
      return `${a}.${b || 'me'}.${tag}`;
    default:
      return `the${a}${tag}`;
  }
}

function buildBio(rng: SeededRandom, language: SampleLanguage, archetype: SampleArchetype): string {
  const vocab = VOCABULARY[language];
  switch (archetype) {
    case 'empty':
      return '';
    case 'followBait':
      return rng.chance(0.3) ? `${rng.pick(vocab.bioOpeners)} ${rng.pick(FOLLOW_BAIT_BIOS)}` : rng.pick(FOLLOW_BAIT_BIOS);
    case 'spam':
      return rng.pick(SPAM_BIOS);
    case 'quiet':
      return rng.chance(0.5) ? rng.pick(vocab.bioInterests) : '';
    case 'creator':
      return `${rng.pick(vocab.bioOpeners)} ${rng.pick(vocab.bioInterests)} ✉️ hello@example.com`;
    case 'regular':
      return rng.chance(0.6) ? `${rng.pick(vocab.bioOpeners)} ${rng.pick(vocab.bioInterests)}` : rng.pick(vocab.bioOpeners);
  }
}

interface Counts {
  followers: number;
  following: number;
  posts: number;
  joinedDaysAgo: number;
}

function buildCounts(rng: SeededRandom, archetype: SampleArchetype): Counts {
  const round = Math.round;
  switch (archetype) {
    case 'creator':
      return {
        followers: round(rng.logNormal(9, 1.4)),
        following: round(rng.logNormal(6, 1)),
        posts: round(rng.logNormal(8, 1)),
        joinedDaysAgo: rng.int(700, 6000),
      };
    case 'followBait': {
      const followers = round(rng.logNormal(7, 1));
      return {
        followers,
        following: round(followers * (0.9 + rng.next() * 0.25)),
        posts: round(rng.logNormal(6, 1)),
        joinedDaysAgo: rng.int(60, 2500),
      };
    }
    case 'spam':
      return {
        followers: round(rng.logNormal(2, 1)),
        following: round(rng.logNormal(7.5, 0.7)),
        posts: round(rng.logNormal(3, 1.5)),
        joinedDaysAgo: rng.int(1, 120),
      };
    case 'quiet':
    case 'empty':
      return {
        followers: round(rng.logNormal(2.5, 1.2)),
        following: round(rng.logNormal(4.5, 1)),
        posts: round(rng.logNormal(1.5, 1.5)),
        joinedDaysAgo: rng.int(10, 5000),
      };
    case 'regular':
      return {
        followers: round(rng.logNormal(5, 1.5)),
        following: round(rng.logNormal(5.5, 1)),
        posts: round(rng.logNormal(6, 1.6)),
        joinedDaysAgo: rng.int(30, 6200),
      };
  }
}

/**
 * Generates a person. `anchorMs` is the sample network's "now" (the account's creation time),
 * so dates look recent yet never change between runs.
 */
export function generateSamplePerson(seed: number, key: SamplePersonKey, anchorMs: number): SamplePerson {
  const rng = new SeededRandom(seed, KIND_CODE[key.kind], key.index, SALT_PROFILE);
  const language = rng.weighted(LANGUAGES);
  const archetype = rng.weighted(ARCHETYPES);
  const vocab = VOCABULARY[language];
  const first = rng.pick(vocab.firstNames);
  const last = rng.pick(vocab.lastNames);

  let displayName = language === 'ja' ? `${last}${first}` : `${first} ${last}`;
  if (archetype === 'spam' && rng.chance(0.5)) displayName = `${first} 💸 ${rng.pick(['Crypto', 'Wealth', 'Promo'])}`;
  else if (rng.chance(0.12)) displayName = `${displayName} ${rng.pick(DISPLAY_NAME_EMOJI)}`;

  const handle = buildHandle(rng, language, first, last, key);
  const bio = buildBio(rng, language, archetype);
  const counts = buildCounts(rng, archetype);
  const remoteId = sampleRemoteId(seed, key);
  const hasAvatar = archetype === 'spam' ? rng.chance(0.4) : rng.chance(0.9);
  const joinedAtMs = anchorMs - counts.joinedDaysAgo * DAY_MS - rng.int(0, DAY_MS);

  return {
    language,
    archetype,
    initials: initialsOf(first, last, language),
    hue: rng.int(0, 359),
    joinedAtMs,
    profile: {
      remoteId,
      handle,
      displayName,
      bio,
      bioHtml: null,
      avatarUrl: hasAvatar ? sampleAvatarUrl(remoteId) : null,
      followersCount: counts.followers,
      followingCount: counts.following,
      postsCount: counts.posts,
      joinedAt: new Date(joinedAtMs).toISOString(),
      profileUrl: null,
    },
  };
}

/** The person's most recent posts, newest first; some replies and reposts. */
export function generateSamplePosts(seed: number, person: SamplePerson, key: SamplePersonKey, anchorMs: number, limit: number): RemotePost[] {
  const rng = new SeededRandom(seed, KIND_CODE[key.kind], key.index, SALT_POSTS);
  const available = person.profile.postsCount ?? 0;
  const count = Math.min(limit, available, rng.int(3, 10));
  const vocab = VOCABULARY[person.language];
  const posts: RemotePost[] = [];
  let at = anchorMs - rng.int(10, 72 * 60) * 60_000;
  for (let j = 0; j < count; j++) {
    const roll = rng.next();
    const isReply = roll < 0.18;
    const isRepost = !isReply && roll < 0.28;
    let text: string;
    if (person.archetype === 'spam') text = rng.pick(SPAM_POSTS);
    else if (person.archetype === 'followBait' && rng.chance(0.6)) text = rng.pick(FOLLOW_BAIT_POSTS);
    else if (isReply) text = `@${rng.pick(['ada', 'grace', 'linus', 'yuki', 'omar', 'lucia'])}_${rng.int(1, 9999)} ${rng.pick(vocab.replyLines)}`;
    else text = rng.pick(vocab.postLines);
    posts.push({
      remoteId: `${person.profile.remoteId}/p${j}`,
      text,
      html: null,
      createdAt: new Date(at).toISOString(),
      isReply,
      isRepost,
    });
    at -= rng.int(30, 5 * 24 * 60) * 60_000;
  }
  return posts;
}
