import { describe, expect, it } from 'vitest';
import type { SyncProgress } from '../../shared/domain';
import { formatTimeLeft, nextPhaseStart, secondsLeft } from './syncEta';

function progress(overrides: Partial<SyncProgress>): SyncProgress {
  return { accountId: 1, runId: 1, state: 'running', phase: 'followers', done: 0, total: 10_000, pages: 0, startedAt: '2026-01-01T00:00:00Z', error: null, ...overrides };
}

describe('sync time left', () => {
  it('extrapolates the rate since the phase began to what is left', () => {
    const start = nextPhaseStart(undefined, progress({ done: 1000 }), 0);
    // 2,000 more in 10 s = 200/s; 7,000 left → 35 s.
    expect(secondsLeft(start, progress({ done: 3000 }), 10_000)).toBeCloseTo(35);
  });

  it('adds what is left of a rate-limit wait to the work left', () => {
    const start = nextPhaseStart(undefined, progress({ done: 1000 }), 0);
    const waitingUntil = new Date(10_000 + 120_000).toISOString();
    // 35 s of work after the 120 s the network asked for.
    expect(secondsLeft(start, progress({ done: 3000, waitingUntil }), 10_000)).toBeCloseTo(155);
    expect(secondsLeft(start, progress({ done: 3000, waitingUntil: null }), 10_000)).toBeCloseTo(35);
  });

  it('says nothing without a total, too early, or without progress', () => {
    const start = nextPhaseStart(undefined, progress({ done: 0 }), 0);
    expect(secondsLeft(start, progress({ done: 500, total: null }), 10_000)).toBeNull();
    expect(secondsLeft(start, progress({ done: 500 }), 500)).toBeNull();
    expect(secondsLeft(start, progress({ done: 0 }), 10_000)).toBeNull();
  });

  it('measures a new phase (or a new run) from its own start', () => {
    const first = nextPhaseStart(undefined, progress({ done: 0 }), 0);
    expect(nextPhaseStart(first, progress({ done: 400 }), 5_000)).toBe(first);
    const profiles = nextPhaseStart(first, progress({ phase: 'profiles', done: 0 }), 6_000);
    expect(profiles).toEqual({ runId: 1, phase: 'profiles', at: 6_000, done: 0 });
    expect(nextPhaseStart(profiles, progress({ runId: 2, phase: 'profiles', done: 0 }), 7_000).runId).toBe(2);
  });

  it.each([
    [null, 'Estimating time left…'],
    [20, 'Less than a minute left'],
    [150, 'About 3 min left'],
    [3600, 'About 1 h left'],
    [5000, 'About 1 h 23 min left'],
  ])('formats %s seconds as "%s"', (seconds, text) => {
    expect(formatTimeLeft(seconds)).toBe(text);
  });
});
