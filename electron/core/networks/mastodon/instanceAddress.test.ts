import { describe, expect, it } from 'vitest';
import { parseInstanceAddress } from './instanceAddress';

describe('parseInstanceAddress', () => {
  const accepted: Array<[string, string, string | null]> = [
    ['mastodon.social', 'https://mastodon.social', null],
    ['  Mastodon.Social  ', 'https://mastodon.social', null],
    ['https://mastodon.social', 'https://mastodon.social', null],
    ['https://mastodon.social/', 'https://mastodon.social', null],
    ['@ada@mastodon.social', 'https://mastodon.social', 'ada'],
    ['ada@fosstodon.org', 'https://fosstodon.org', 'ada'],
    ['social.example.co.uk:8443', 'https://social.example.co.uk:8443', null],
  ];
  for (const [input, origin, username] of accepted) {
    it(`reads ${JSON.stringify(input)}`, () => {
      expect(parseInstanceAddress(input)).toMatchObject({ origin, username });
    });
  }

  const refused: Array<[string, RegExp]> = [
    ['', /empty/],
    ['http://mastodon.social', /https/],
    ['ftp://mastodon.social', /https/],
    ['javascript:alert(1)', /https|server name/],
    ['https://mastodon.social/@ada', /without a path/],
    ['https://mastodon.social/?x=1', /only the server name/],
    ['https://user:pw@mastodon.social', /user name or password/],
    ['localhost', /full domain/],
    ['192.168.1.10', /full domain/],
    ['http://127.0.0.1:3000', /https/],
    ['mast odon.social', /server name|full domain/],
  ];
  for (const [input, message] of refused) {
    it(`refuses ${JSON.stringify(input)}`, () => {
      expect(() => parseInstanceAddress(input)).toThrow(message);
    });
  }

  it('accepts http on 127.0.0.1 only when explicitly allowed', () => {
    expect(parseInstanceAddress('http://127.0.0.1:4100', { allowLoopbackHttp: true })).toEqual({ origin: 'http://127.0.0.1:4100', host: '127.0.0.1:4100', username: null });
    expect(() => parseInstanceAddress('http://localhost:4100', { allowLoopbackHttp: true })).toThrow();
    expect(() => parseInstanceAddress('http://10.0.0.1:4100', { allowLoopbackHttp: true })).toThrow();
  });
});
