import { describe, expect, it } from 'vitest';
import { linkWithRel, parseLinkHeader, sameResourceLink } from './linkHeader';

const MASTODON =
  '<https://mastodon.social/api/v1/accounts/1/followers?limit=80&max_id=7>; rel="next", ' +
  '<https://mastodon.social/api/v1/accounts/1/followers?limit=80&since_id=90>; rel="prev"';

describe('parseLinkHeader', () => {
  it('reads Mastodon pagination links', () => {
    expect(parseLinkHeader(MASTODON)).toEqual([
      { href: 'https://mastodon.social/api/v1/accounts/1/followers?limit=80&max_id=7', rels: ['next'] },
      { href: 'https://mastodon.social/api/v1/accounts/1/followers?limit=80&since_id=90', rels: ['prev'] },
    ]);
  });

  it('keeps commas and semicolons inside the target, unquoted and multi-valued rels', () => {
    const header = '<https://a.example/x?q=1,2;3>; rel=next; title="a, b", <https://a.example/y>; rel="prev first"';
    expect(linkWithRel(header, 'next')).toBe('https://a.example/x?q=1,2;3');
    expect(linkWithRel(header, 'first')).toBe('https://a.example/y');
  });

  it('ignores garbage and missing rels', () => {
    expect(parseLinkHeader('nonsense')).toEqual([]);
    expect(parseLinkHeader('<https://a.example/x>')).toEqual([]);
    expect(parseLinkHeader(null)).toEqual([]);
    expect(linkWithRel('<https://a.example/x>; rel="prev"', 'next')).toBeNull();
  });
});

describe('sameResourceLink', () => {
  const request = new URL('https://mastodon.social/api/v1/accounts/1/followers?limit=80');

  it('returns the next page on the same origin and path', () => {
    expect(sameResourceLink(MASTODON, 'next', request)?.searchParams.get('max_id')).toBe('7');
  });

  it('resolves a relative link', () => {
    expect(sameResourceLink('</api/v1/accounts/1/followers?max_id=3>; rel="next"', 'next', request)?.href).toBe(
      'https://mastodon.social/api/v1/accounts/1/followers?max_id=3',
    );
  });

  it('refuses a link to another server or another list', () => {
    expect(() => sameResourceLink('<https://evil.example/api/v1/accounts/1/followers?max_id=1>; rel="next"', 'next', request)).toThrow(/another server/);
    expect(() => sameResourceLink('<http://mastodon.social/api/v1/accounts/1/followers?max_id=1>; rel="next"', 'next', request)).toThrow(/another server/);
    expect(() => sameResourceLink('<https://mastodon.social/api/v1/accounts/2/followers?max_id=1>; rel="next"', 'next', request)).toThrow(/another list/);
  });
});
