import { describe, expect, it } from 'vitest';
import { activitySignals, latestPostAt, recentActivityFromPosts } from './activitySignals';
import { DEFAULT_SIGNAL_THRESHOLDS } from './thresholds';

const NOW = new Date('2026-11-25T12:00:00Z');

describe('activitySignals', () => {
  it('explains no posts with the time on the network when known', () => {
    const [signal] = activitySignals(
      { postsCount: 0, lastPostAt: null, recentActivity: null, joinedAt: '2026-06-01T12:00:00Z' },
      NOW,
      DEFAULT_SIGNAL_THRESHOLDS,
    );
    expect(signal?.detail).toBe('Has not posted anything in 6 months on the network.');
  });

  it('gives the date of the last post for inactivity', () => {
    const [signal] = activitySignals(
      { postsCount: 5, lastPostAt: '2026-03-20T12:00:00Z', recentActivity: null, joinedAt: null },
      NOW,
      DEFAULT_SIGNAL_THRESHOLDS,
    );
    expect(signal).toEqual({ id: 'inactive', tone: 'caution', label: 'No posts in 8 months', detail: 'Last post on 2026-03-20.' });
  });

  it('reads active posting from the recent window', () => {
    expect(
      activitySignals(
        { postsCount: null, lastPostAt: '2026-11-24T12:00:00Z', recentActivity: { weeks: 2, posts: 5 }, joinedAt: null },
        NOW,
        DEFAULT_SIGNAL_THRESHOLDS,
      ),
    ).toEqual([
      { id: 'active', tone: 'positive', label: 'Active · 3 posts a week', detail: '5 posts in the last 2 weeks, latest on 2026-11-24.' },
    ]);
  });

  it('says nothing about a window of zero weeks', () => {
    expect(
      activitySignals({ postsCount: 9, lastPostAt: null, recentActivity: { weeks: 0, posts: 9 }, joinedAt: null }, NOW, DEFAULT_SIGNAL_THRESHOLDS),
    ).toEqual([]);
  });
});

describe('recentActivityFromPosts', () => {
  it('counts posts inside the window, not future or unparsable ones', () => {
    const dates = ['2026-11-24T00:00:00Z', '2026-11-01T00:00:00Z', '2026-10-01T00:00:00Z', '2027-01-01T00:00:00Z', 'soon'];
    expect(recentActivityFromPosts(dates, NOW, 4)).toEqual({ weeks: 4, posts: 2 });
  });
});

describe('latestPostAt', () => {
  it('picks the newest parsable date', () => {
    expect(latestPostAt(['2026-01-01T00:00:00Z', 'bad', '2026-03-01T00:00:00Z', '2026-02-01T00:00:00Z'])).toBe('2026-03-01T00:00:00Z');
    expect(latestPostAt([])).toBeNull();
  });
});
