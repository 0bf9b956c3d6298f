import { describe, expect, it } from 'vitest';
import type { InteractionCount } from '../interactions';
import { computeSignals } from './computeSignals';
import { engagementSignals } from './engagementSignals';
import { scoreSignals } from './score';
import { DEFAULT_SIGNAL_THRESHOLDS } from './thresholds';
import type { SignalInput } from './types';

const count = (kind: InteractionCount['kind'], n: number, direction: InteractionCount['direction'] = 'theirs', lastAt = '2026-03-02T10:00:00.000Z'): InteractionCount => ({
  kind,
  direction,
  count: n,
  lastAt,
});
const signal = (interactions: InteractionCount[]) => engagementSignals({ interactions }, DEFAULT_SIGNAL_THRESHOLDS);

describe('engages with you', () => {
  it('names the counts on the chip and every kind with the last date in the detail', () => {
    expect(signal([count('like', 12), count('reply', 3, 'theirs', '2026-03-04T08:00:00.000Z'), count('repost', 2), count('reply', 5, 'mine', '2026-03-09T00:00:00.000Z')])).toEqual([
      {
        id: 'engages',
        tone: 'positive',
        label: 'Replied 3× · reposted 2',
        detail: 'Toward you: replied 3×, reposted 2, liked 12; latest on 2026-03-04.',
      },
    ]);
  });

  it('needs one reply or three likes; my own replies and their follow do not count', () => {
    expect(signal([])).toEqual([]);
    expect(signal([count('like', 2), count('follow', 1), count('reply', 9, 'mine')])).toEqual([]);
    expect(signal([count('like', 3)]).map((s) => s.label)).toEqual(['Liked 3']);
    expect(signal([count('mention', 1)]).map((s) => s.label)).toEqual(['Mentioned you 1×']);
  });

  it('weighs in the score as the heaviest positive', () => {
    const input: SignalInput = {
      network: 'sample',
      handle: 'ada',
      displayName: 'Ada',
      bio: '',
      followersCount: null,
      followingCount: null,
      postsCount: null,
      avatar: 'unknown',
      joinedAt: null,
      lastPostAt: null,
      recentActivity: null,
      events: [],
    };
    const now = new Date('2026-03-10T00:00:00.000Z');
    expect(scoreSignals(computeSignals(input, now))).toBe(0);
    const engaged = computeSignals({ ...input, interactions: [count('reply', 1)] }, now);
    expect(engaged.map((s) => s.id)).toEqual(['engages']);
    expect(scoreSignals(engaged)).toBe(25);
  });
});
