import { describe, expect, it } from 'vitest';
import { parseRateLimit, parseResetValue, parseRetryAfter, type HeaderSource } from './rateLimitHeaders';

const NOW = Date.UTC(2026, 10, 25, 12, 0, 0);

function headers(values: Record<string, string>): HeaderSource {
  return new Headers(values);
}

describe('parseRateLimit', () => {
  const cases: Array<{ name: string; given: Record<string, string>; expected: ReturnType<typeof parseRateLimit> }> = [
    {
      name: 'Bluesky RateLimit-* with epoch-second reset',
      given: { 'RateLimit-Limit': '3000', 'RateLimit-Remaining': '2999', 'RateLimit-Reset': String(NOW / 1000 + 300) },
      expected: { limit: 3000, remaining: 2999, resetAt: NOW + 300_000 },
    },
    {
      name: 'IETF draft delta-seconds reset',
      given: { 'RateLimit-Limit': '10', 'RateLimit-Remaining': '0', 'RateLimit-Reset': '30' },
      expected: { limit: 10, remaining: 0, resetAt: NOW + 30_000 },
    },
    {
      name: "X's x-rate-limit-* (dashed) with epoch seconds",
      given: { 'x-rate-limit-limit': '15', 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': '1795000900' },
      expected: { limit: 15, remaining: 0, resetAt: 1_795_000_900_000 },
    },
    {
      name: 'GitHub X-RateLimit-* with epoch seconds',
      given: { 'X-RateLimit-Limit': '5000', 'X-RateLimit-Remaining': '4990', 'X-RateLimit-Reset': '1795000000' },
      expected: { limit: 5000, remaining: 4990, resetAt: 1_795_000_000_000 },
    },
    {
      name: 'Mastodon X-RateLimit-Reset as ISO-8601',
      given: { 'X-RateLimit-Limit': '300', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '2026-11-25T12:05:00.000Z' },
      expected: { limit: 300, remaining: 0, resetAt: NOW + 300_000 },
    },
    {
      name: 'RateLimit-* wins over X-RateLimit-*',
      given: { 'RateLimit-Remaining': '5', 'X-RateLimit-Remaining': '9' },
      expected: { limit: null, remaining: 5, resetAt: null },
    },
    { name: 'no headers', given: {}, expected: { limit: null, remaining: null, resetAt: null } },
    {
      name: 'garbled values are ignored',
      given: { 'RateLimit-Limit': 'lots', 'RateLimit-Remaining': '-1', 'RateLimit-Reset': 'soon' },
      expected: { limit: null, remaining: null, resetAt: null },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(parseRateLimit(headers(c.given), NOW)).toEqual(c.expected);
    });
  }
});

describe('parseRetryAfter', () => {
  const cases: Array<[string | null, number | null]> = [
    ['2', 2000],
    [' 120 ', 120_000],
    ['0', 0],
    ['Wed, 25 Nov 2026 12:00:05 GMT', 5000],
    ['Wed, 25 Nov 2026 11:00:00 GMT', 0],
    ['later', null],
    ['', null],
    [null, null],
  ];
  for (const [value, expected] of cases) {
    it(`${JSON.stringify(value)} → ${expected}`, () => {
      expect(parseRetryAfter(value, NOW)).toBe(expected);
    });
  }
});

describe('parseResetValue', () => {
  it('reads fractional epoch seconds', () => {
    expect(parseResetValue('1795000000.5', NOW)).toBe(1_795_000_000_500);
  });
});
