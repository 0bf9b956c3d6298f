import { describe, expect, it } from 'vitest';
import { toFtsQuery } from './ftsQuery';

describe('toFtsQuery', () => {
  it('quotes every token and makes the last one a prefix', () => {
    expect(toFtsQuery('ada love')).toBe('"ada" "love"*');
  });
  it('keeps FTS operators as text and doubles quotes', () => {
    expect(toFtsQuery('NEAR( "x')).toBe('"NEAR(" """x"*');
  });
  it('splits on control characters, which would end an FTS string early', () => {
    expect(toFtsQuery('a\u0000b')).toBe('"a" "b"*');
  });
  it('has nothing to search in punctuation alone', () => {
    expect(toFtsQuery(' - * : " ')).toBeNull();
  });
});
