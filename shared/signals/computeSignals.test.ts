// The acceptance table: each profile with the complete list of chips it must show, in order,
// and the score those chips add up to (weights in score.ts).
import { describe, expect, it } from 'vitest';
import { computeSignals } from './computeSignals';
import { scoreSignals } from './score';
import { DEFAULT_SIGNAL_THRESHOLDS } from './thresholds';
import { SIGNAL_TONES, type FollowEvent, type SignalInput } from './types';

const NOW = new Date('2026-11-25T12:00:00Z');

/** A person we know nothing about; each row states only what matters to it. */
function profile(overrides: Partial<SignalInput>): SignalInput {
  return {
    network: 'sample',
    handle: 'someone.example',
    displayName: 'Someone',
    bio: '',
    followersCount: null,
    followingCount: null,
    postsCount: null,
    avatar: 'unknown',
    joinedAt: null,
    lastPostAt: null,
    recentActivity: null,
    events: [],
    ...overrides,
  };
}

const followed = (at: string): FollowEvent => ({ kind: 'followed_me', at });
const unfollowed = (at: string): FollowEvent => ({ kind: 'unfollowed_me', at });

interface Row {
  name: string;
  input: SignalInput;
  chips: string[];
  score: number;
}

const rows: Row[] = [
  { name: 'nothing known', input: profile({}), chips: [], score: 0 },
  {
    name: 'follow-for-follow newcomer following thousands',
    input: profile({
      bio: '#TeamFollowBack 💯 F4F',
      followersCount: 210,
      followingCount: 7_400,
      postsCount: 35,
      avatar: 'default',
      joinedAt: '2026-11-20T12:00:00Z',
      lastPostAt: '2026-11-24T09:00:00Z',
      recentActivity: { weeks: 4, posts: 2 },
    }),
    chips: ['Says “#TeamFollowBack”', 'Mass-following', 'Follows 35× their followers', 'New account · 5 days', 'Default avatar'],
    score: -95,
  },
  {
    name: 'established, balanced and active',
    input: profile({
      followersCount: 290,
      followingCount: 310,
      postsCount: 4_200,
      avatar: 'custom',
      joinedAt: '2016-05-01T00:00:00Z',
      lastPostAt: '2026-11-24T18:00:00Z',
      recentActivity: { weeks: 4, posts: 14 },
    }),
    chips: ['Active · 4 posts a week', 'Balanced follow ratio', 'Established · 10 years'],
    score: 45,
  },
  {
    name: 'followed and unfollowed three times',
    input: profile({
      events: [
        followed('2026-01-01T10:00:00Z'),
        unfollowed('2026-02-01T10:00:00Z'),
        followed('2026-03-01T10:00:00Z'),
        unfollowed('2026-04-01T10:00:00Z'),
        followed('2026-05-01T10:00:00Z'),
        unfollowed('2026-06-01T10:00:00Z'),
      ],
    }),
    chips: ['Followed and unfollowed you 3 times'],
    score: -30,
  },
  {
    name: 'one unfollow and a return is not churn',
    input: profile({ events: [followed('2026-01-01T00:00:00Z'), unfollowed('2026-02-01T00:00:00Z'), followed('2026-03-01T00:00:00Z')] }),
    chips: [],
    score: 0,
  },
  {
    name: 'churn from shuffled, repeated events with the first follow before our history',
    input: profile({
      events: [
        followed('2026-06-01T00:00:00Z'),
        unfollowed('2026-05-02T00:00:00Z'),
        unfollowed('2026-03-01T00:00:00Z'),
        unfollowed('2026-05-01T00:00:00Z'),
        followed('2026-04-01T00:00:00Z'),
      ],
    }),
    chips: ['Followed and unfollowed you 2 times'],
    score: -30,
  },
  {
    name: 'events after now are ignored',
    input: profile({
      events: [
        followed('2026-01-01T00:00:00Z'),
        unfollowed('2026-02-01T00:00:00Z'),
        followed('2027-01-01T00:00:00Z'),
        unfollowed('2027-02-01T00:00:00Z'),
      ],
    }),
    chips: [],
    score: 0,
  },
  {
    name: 'never posted',
    input: profile({ postsCount: 0, joinedAt: '2026-06-01T12:00:00Z', lastPostAt: null, recentActivity: { weeks: 4, posts: 0 } }),
    chips: ['No posts'],
    score: -20,
  },
  {
    name: 'silent for eight months, account of seven years',
    input: profile({ postsCount: 800, joinedAt: '2019-01-01T00:00:00Z', lastPostAt: '2026-03-20T12:00:00Z', recentActivity: { weeks: 4, posts: 0 } }),
    chips: ['No posts in 8 months', 'Established · 7 years'],
    score: 0,
  },
  {
    name: 'silent for exactly ninety days',
    input: profile({ postsCount: 20, lastPostAt: '2026-08-27T12:00:00Z' }),
    chips: ['No posts in 3 months'],
    score: -15,
  },
  {
    name: 'silent for eighty-nine days is not yet inactive',
    input: profile({ postsCount: 20, lastPostAt: '2026-08-28T12:00:00Z', recentActivity: { weeks: 4, posts: 0 } }),
    chips: [],
    score: 0,
  },
  {
    name: 'silent for years',
    input: profile({ postsCount: 3, lastPostAt: '2023-01-10T00:00:00Z' }),
    chips: ['No posts in 3 years'],
    score: -15,
  },
  {
    name: 'Spanish follow-for-follow with accents and emoji',
    input: profile({ displayName: 'Lucía 🌸', bio: 'Sígueme y te sigo 🙌 | amo el café' }),
    chips: ['Says “sígueme y te sigo”'],
    score: -30,
  },
  {
    name: 'Portuguese in capitals',
    input: profile({ bio: 'SIGO DE VOLTA!!! 🇧🇷' }),
    chips: ['Says “sigo de volta”'],
    score: -30,
  },
  {
    name: 'German',
    input: profile({ bio: 'Kaffee, Fußball. Ich folge zurück.' }),
    chips: ['Says “folge zurück”'],
    score: -30,
  },
  {
    name: 'Japanese, two phrases',
    input: profile({ bio: 'フォロバ100%！相互フォロー歓迎' }),
    chips: ['Says “フォロバ”'],
    score: -30,
  },
  {
    name: 'French',
    input: profile({ bio: 'Je follow back 💯' }),
    chips: ['Says “follow back”'],
    score: -30,
  },
  {
    name: 'innocent "follow backend" with a balanced ratio',
    input: profile({ bio: 'I follow backend news and back-end talks.', followersCount: 50, followingCount: 60 }),
    chips: ['Balanced follow ratio'],
    score: 10,
  },
  {
    name: 'says they do not follow back',
    input: profile({ bio: "No DMs. I don't follow back." }),
    chips: [],
    score: 0,
  },
  {
    name: 'follow-for-follow in the display name',
    input: profile({ displayName: 'Sam | F4F', bio: 'Photographer in Lisbon' }),
    chips: ['Says “F4F”'],
    score: -30,
  },
  {
    name: 'widely followed, active veteran',
    input: profile({
      followersCount: 52_000,
      followingCount: 180,
      postsCount: 12_000,
      avatar: 'custom',
      joinedAt: '2012-03-01T00:00:00Z',
      lastPostAt: '2026-11-25T08:00:00Z',
      recentActivity: { weeks: 4, posts: 40 },
    }),
    chips: ['Followers 289× their follows', 'Active · 10 posts a week', 'Established · 14 years'],
    score: 35,
  },
  {
    name: 'celebrity who follows tens of thousands',
    input: profile({ followersCount: 1_250_000, followingCount: 45_000 }),
    chips: ['Mass-following', 'Followers 28× their follows'],
    score: -25,
  },
  {
    name: 'follows far more than followed, below mass-following',
    input: profile({ followersCount: 40, followingCount: 900 }),
    chips: ['Follows 23× their followers'],
    score: -15,
  },
  {
    name: 'ratio exactly three',
    input: profile({ followersCount: 100, followingCount: 300 }),
    chips: ['Follows 3× their followers'],
    score: -15,
  },
  {
    name: 'lopsided but too small to judge',
    input: profile({ followersCount: 10, followingCount: 99 }),
    chips: [],
    score: 0,
  },
  {
    name: 'mass-following with a modest ratio is not balanced',
    input: profile({ followersCount: 3_000, followingCount: 6_500 }),
    chips: ['Mass-following'],
    score: -25,
  },
  {
    name: 'no followers at all',
    input: profile({ followersCount: 0, followingCount: 150 }),
    chips: ['Follows 150× their followers'],
    score: -15,
  },
  {
    name: 'created this morning, empty, default avatar',
    input: profile({ postsCount: 0, joinedAt: '2026-11-25T06:00:00Z', avatar: 'default' }),
    chips: ['No posts', 'New account · under a day', 'Default avatar'],
    score: -45,
  },
  {
    name: 'three weeks old',
    input: profile({ joinedAt: '2026-11-04T12:00:00Z', avatar: 'custom' }),
    chips: ['New account · 3 weeks'],
    score: -15,
  },
  {
    name: 'thirty days old is no longer new',
    input: profile({ joinedAt: '2026-10-26T12:00:00Z' }),
    chips: [],
    score: 0,
  },
  {
    name: 'old account with almost no posts is not established',
    input: profile({ joinedAt: '2020-01-01T00:00:00Z', postsCount: 10 }),
    chips: [],
    score: 0,
  },
  {
    name: 'old account on a network without post counts',
    input: profile({ network: 'bluesky', joinedAt: '2020-01-01T00:00:00Z', postsCount: null }),
    chips: ['Established · 6 years'],
    score: 15,
  },
  {
    name: 'one post a week',
    input: profile({ postsCount: 120, lastPostAt: '2026-11-20T12:00:00Z', recentActivity: { weeks: 4, posts: 4 } }),
    chips: ['Active · 1 post a week'],
    score: 20,
  },
  {
    name: 'recent count without a recent post is not active',
    input: profile({ postsCount: 120, lastPostAt: '2026-10-01T12:00:00Z', recentActivity: { weeks: 8, posts: 8 } }),
    chips: [],
    score: 0,
  },
  {
    name: 'follow-for-follow hashtags',
    input: profile({ network: 'mastodon', bio: 'Indie dev. #IFB #MGWV' }),
    chips: ['Says “#IFB”'],
    score: -30,
  },
  {
    name: 'Russian',
    input: profile({ bio: 'Взаимная подписка ✅' }),
    chips: ['Says “взаимная подписка”'],
    score: -30,
  },
  {
    name: 'Korean',
    input: profile({ bio: '맞팔 환영해요' }),
    chips: ['Says “맞팔”'],
    score: -30,
  },
  {
    name: 'every caution at once',
    input: profile({
      displayName: 'Growth 🚀',
      bio: 'Follow back guaranteed!!',
      followersCount: 95,
      followingCount: 8_000,
      postsCount: 0,
      avatar: 'default',
      joinedAt: '2026-11-13T12:00:00Z',
      events: [followed('2026-11-14T00:00:00Z'), unfollowed('2026-11-15T00:00:00Z'), followed('2026-11-16T00:00:00Z'), unfollowed('2026-11-17T00:00:00Z')],
    }),
    chips: [
      'Followed and unfollowed you 2 times',
      'Says “follow back”',
      'Mass-following',
      'Follows 84× their followers',
      'No posts',
      'New account · 12 days',
      'Default avatar',
    ],
    score: -145,
  },
];

describe('computeSignals', () => {
  it('covers at least 25 profiles', () => {
    expect(rows.length).toBeGreaterThanOrEqual(25);
  });

  it.each(rows)('$name', ({ input, chips, score }) => {
    const signals = computeSignals(input, NOW);
    expect(signals.map((s) => s.label)).toEqual(chips);
    expect(scoreSignals(signals)).toBe(score);
    for (const signal of signals) expect(signal.tone).toBe(SIGNAL_TONES[signal.id]);
  });

  it('explains each chip with the facts behind it', () => {
    const signals = computeSignals(rows[1]!.input, NOW);
    expect(signals.map((s) => [s.id, s.tone, s.detail])).toEqual([
      ['follow-bait', 'caution', 'Follow-for-follow wording in the bio: “#TeamFollowBack”, “F4F”.'],
      ['mass-following', 'caution', 'Follows 7,400 accounts, 35× their 210 followers.'],
      ['follows-many', 'caution', 'Follows 7,400 accounts and has 210 followers: 35× as many accounts as follow them.'],
      ['new-account', 'caution', 'Joined on 2026-11-20.'],
      ['default-avatar', 'caution', 'Still shows the network’s default picture.'],
    ]);
  });

  it('gives the same chips for the same input and time', () => {
    const input = rows[2]!.input;
    expect(computeSignals(input, new Date(NOW))).toEqual(computeSignals(input, new Date(NOW)));
  });

  it('judges time against the given now, not the clock', () => {
    const input = profile({ joinedAt: '2026-11-20T12:00:00Z' });
    expect(computeSignals(input, new Date('2026-11-21T12:00:00Z')).map((s) => s.label)).toEqual(['New account · 1 day']);
    expect(computeSignals(input, new Date('2027-02-01T12:00:00Z')).map((s) => s.label)).toEqual([]);
  });

  it('follows custom thresholds', () => {
    const input = profile({ followersCount: 100, followingCount: 250 });
    expect(computeSignals(input, NOW).map((s) => s.id)).toEqual([]);
    const strict = computeSignals(input, NOW, {
      ...DEFAULT_SIGNAL_THRESHOLDS,
      followsManyRatio: 2,
    });
    expect(strict.map((s) => s.label)).toEqual(['Follows 2.5× their followers']);
  });
});
