import { describe, expect, it } from 'vitest';
import { churnSignals, summarizeChurn } from './churnSignals';
import { DEFAULT_SIGNAL_THRESHOLDS } from './thresholds';
import type { FollowEvent } from './types';

const NOW = new Date('2026-11-25T12:00:00Z');
const f = (at: string): FollowEvent => ({ kind: 'followed_me', at: `${at}T00:00:00Z` });
const u = (at: string): FollowEvent => ({ kind: 'unfollowed_me', at: `${at}T00:00:00Z` });

describe('summarizeChurn', () => {
  it('is empty without events', () => {
    expect(summarizeChurn([], NOW)).toEqual({ cycles: 0, followingNow: false, lastUnfollowMs: null });
  });

  it('counts follow → unfollow cycles and the current state', () => {
    const summary = summarizeChurn([f('2026-01-01'), u('2026-01-05'), f('2026-02-01'), u('2026-02-05'), f('2026-03-01')], NOW);
    expect(summary).toEqual({ cycles: 2, followingNow: true, lastUnfollowMs: Date.parse('2026-02-05T00:00:00Z') });
  });

  it('counts an unfollow whose follow predates our history', () => {
    expect(summarizeChurn([u('2026-01-05')], NOW).cycles).toBe(1);
  });

  it('does not count the same unfollow seen twice', () => {
    expect(summarizeChurn([f('2026-01-01'), u('2026-01-05'), u('2026-01-06')], NOW).cycles).toBe(1);
  });

  it('skips unparsable and future dates', () => {
    const events: FollowEvent[] = [{ kind: 'unfollowed_me', at: 'yesterday' }, u('2027-01-01'), f('2026-01-01')];
    expect(summarizeChurn(events, NOW)).toEqual({ cycles: 0, followingNow: true, lastUnfollowMs: null });
  });
});

describe('churnSignals', () => {
  it('says how often and when, from two cycles on', () => {
    const events = [f('2026-01-01'), u('2026-01-05'), f('2026-02-01'), u('2026-02-05')];
    expect(churnSignals({ events: events.slice(0, 2) }, NOW, DEFAULT_SIGNAL_THRESHOLDS)).toEqual([]);
    expect(churnSignals({ events }, NOW, DEFAULT_SIGNAL_THRESHOLDS)).toEqual([
      {
        id: 'churn',
        tone: 'caution',
        label: 'Followed and unfollowed you 2 times',
        detail: 'Last unfollowed you on 2026-02-05; does not follow you now.',
      },
    ]);
  });
});
