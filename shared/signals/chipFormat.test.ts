import { describe, expect, it } from 'vitest';
import { formatCount, formatDay, formatDuration, formatRatio } from './chipFormat';

describe('formatCount', () => {
  it.each([
    [0, '0'],
    [210, '210'],
    [7_400, '7,400'],
    [99_999, '99,999'],
    [100_000, '100K'],
    [1_250_000, '1.3M'],
  ])('%d → %s', (n, text) => {
    expect(formatCount(n)).toBe(text);
  });
});

describe('formatRatio', () => {
  it.each([
    [3, '3×'],
    [3.46, '3.5×'],
    [35.24, '35×'],
    [1_234.4, '1,234×'],
  ])('%d → %s', (ratio, text) => {
    expect(formatRatio(ratio)).toBe(text);
  });
});

describe('formatDuration', () => {
  it.each([
    [0.5, 'under a day'],
    [1, '1 day'],
    [5.9, '5 days'],
    [13.9, '13 days'],
    [14, '2 weeks'],
    [55, '8 weeks'],
    [56, '2 months'],
    [90, '3 months'],
    [250, '8 months'],
    [729, '24 months'],
    [730, '1 year'],
    [731, '2 years'],
    [3_650, '9 years'],
  ])('%d days → %s', (days, text) => {
    expect(formatDuration(days)).toBe(text);
  });
});

describe('formatDay', () => {
  it('uses the UTC calendar day', () => {
    expect(formatDay(Date.parse('2026-03-02T23:30:00-05:00'))).toBe('2026-03-03');
  });
});
