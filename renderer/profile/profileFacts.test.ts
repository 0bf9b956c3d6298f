import { describe, expect, it } from 'vitest';
import { accountAge, followRatio } from './profileFacts';

describe('profile facts', () => {
  it.each([
    [210, 7400, '0.028'],
    [1000, 100, '10'],
    [345, 100, '3.5'],
    [0, 50, '0'],
    [50, 0, null],
  ])('followers %i / following %i reads %s', (followers, following, expected) => {
    expect(followRatio(followers, following)).toBe(expected);
  });

  it('says how old an account is, and nothing for an unknown or future date', () => {
    const now = new Date('2026-11-25T00:00:00Z');
    expect(accountAge('2017-03-01T00:00:00Z', now)).toBe('9 years');
    expect(accountAge('2026-11-20T00:00:00Z', now)).toBe('5 days');
    expect(accountAge(null, now)).toBeNull();
    expect(accountAge('2027-01-01T00:00:00Z', now)).toBeNull();
    expect(accountAge('not a date', now)).toBeNull();
  });
});
