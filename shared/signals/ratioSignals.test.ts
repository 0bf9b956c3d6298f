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
    expect(ratio(100, 200).map((s) => s.id)).toEqual(['balanced-ratio']);
    expect(ratio(200, 100).map((s) => s.id)).toEqual(['balanced-ratio']);
    expect(ratio(201, 100)).toEqual([]);
    expect(ratio(19, 20)).toEqual([]);
  });

  it('explains a broadcaster with the ratio', () => {
    expect(ratio(52_000, 180)).toEqual([
      {
        id: 'widely-followed',
        tone: 'neutral',
        label: 'Followed by 52,000 · follows 180',
        detail: 'Has 289× as many followers as follows: a broadcaster, who follows few back.',
      },
    ]);
  });

  it('says "followed by 1" in the singular', () => {
    const [signal] = ratio(1, 400);
    expect(signal?.detail).toBe('Follows 400× as many accounts as follow them (400 accounts and is followed by 1).');
  });
});
