import { describe, expect, it } from 'vitest';
import { ratioSignals } from './ratioSignals';
import { DEFAULT_SIGNAL_THRESHOLDS } from './thresholds';

const ratio = (followersCount: number | null, followingCount: number | null) =>
  ratioSignals({ followersCount, followingCount }, DEFAULT_SIGNAL_THRESHOLDS);

describe('ratioSignals', () => {
  it('stays silent when a count is unknown', () => {
    expect(ratio(null, 7_400)).toEqual([]);
    expect(ratio(210, null)).toEqual([]);
  });

  it('flags mass-following by absolute size even with many followers', () => {
    expect(ratio(30_000, 20_000).map((s) => s.id)).toEqual(['mass-following']);
  });

  it('treats the balance bounds as inclusive', () => {
    expect(ratio(100, 200)).toEqual([
      {
        id: 'balanced-ratio',
        tone: 'positive',
        label: 'Balanced follow ratio',
        detail: 'Follows 200 accounts and has 100 followers: about as many either way.',
      },
    ]);
    expect(ratio(200, 100).map((s) => s.id)).toEqual(['balanced-ratio']);
    expect(ratio(201, 100)).toEqual([]);
    expect(ratio(19, 20)).toEqual([]);
  });

  it('explains a broadcaster with the ratio', () => {
    expect(ratio(52_000, 180)).toEqual([
      {
        id: 'widely-followed',
        tone: 'neutral',
        label: 'Followers 289× their follows',
        detail: 'Has 52,000 followers and follows 180 accounts: 289× as many followers as accounts they follow.',
      },
    ]);
  });

  it('speaks in the singular for one', () => {
    expect(ratio(1, 1)).toEqual([]);
    expect(ratio(1, 6_000)[0]?.detail).toBe('Follows 6,000 accounts, 6,000× their 1 follower.');
  });
});
