import { describe, expect, it } from 'vitest';
import { MAX_MARKS, displayText, hiddenLinkHost, hostNamedBy } from './remoteDisplayText';

const DIRECTION_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/u;
const longestMarkRun = (text: string): number => Math.max(0, ...Array.from(text.matchAll(/\p{M}+/gu), (m) => Array.from(m[0]).length));

describe('displayText', () => {
  it('shows "gnp.exe safe.txt" as written, not reversed into "exe.png safe.txt"', () => {
    expect(displayText('\u202Egnp.exe\u202C safe.txt')).toBe('gnp.exe safe.txt');
  });

  it('removes every embedding, override and isolate control, opened or closed', () => {
    const hostile = 'a\u202Ab\u202Bc\u202Cd\u202De\u202Ef\u2066g\u2067h\u2068i\u2069j';
    expect(displayText(hostile)).toBe('abcdefghij');
    expect(displayText(hostile)).not.toMatch(DIRECTION_CONTROLS);
  });

  it('keeps right-to-left text and the marks its writers place', () => {
    expect(displayText('שלום\u200F!')).toBe('שלום\u200F!');
    expect(displayText('مرحبا\u061C 2024')).toBe('مرحبا\u061C 2024');
    expect(displayText('Ada\u200E (she/her)')).toBe('Ada\u200E (she/her)');
  });

  it(`cuts a zalgo stack to ${MAX_MARKS} marks per letter, and keeps the letters`, () => {
    const zalgo = Array.from('Zalgo', (c) => c + '\u0301\u0310\u0352\u0357\u035B\u0363\u0364\u0365'.repeat(4)).join('');
    const shown = displayText(zalgo);
    expect(longestMarkRun(shown)).toBe(MAX_MARKS);
    expect(shown.replace(/\p{M}/gu, '')).toBe('Zalgo');
  });

  it('leaves real scripts with stacked marks alone: Vietnamese, pointed Hebrew, Devanagari', () => {
    for (const word of ['Nguye\u0302\u0303n', 'שָּׁ', 'क्षत्रि', 'résumé']) expect(displayText(word)).toBe(word);
  });

  it('leaves ordinary text, long words included, exactly as it was', () => {
    const long = 'W'.repeat(300);
    expect(displayText(long)).toBe(long);
    expect(displayText('Grace Hopper 🦣 :verified:')).toBe('Grace Hopper 🦣 :verified:');
  });
});

describe('hiddenLinkHost', () => {
  it('names the real host of a link whose text is another URL or host', () => {
    expect(hiddenLinkHost('https://paypal.com/login', 'https://evil.example/login')).toBe('evil.example');
    expect(hiddenLinkHost('paypal.com', 'https://evil.example/')).toBe('evil.example');
    expect(hiddenLinkHost('paypal.com', 'https://paypal.com.evil.example/')).toBe('paypal.com.evil.example');
  });

  it('sees through direction controls and marks hidden in the text', () => {
    expect(hiddenLinkHost('\u202Ehttps://bank.example/x', 'https://evil.example/')).toBe('evil.example');
    expect(hiddenLinkHost('bank\u200E.example', 'https://evil.example/')).toBe('evil.example');
  });

  it('shows a look-alike host as the punycode it really is', () => {
    expect(hiddenLinkHost('pаypal.com', 'https://pаypal.com/')).toBeNull();
    expect(hiddenLinkHost('paypal.com', 'https://pаypal.com/')).toBe('xn--pypal-4ve.com');
  });

  it('says nothing when the text names the host it opens, or no host at all', () => {
    expect(hiddenLinkHost('https://example.com/very/long/path', 'https://example.com/very/long/path')).toBeNull();
    expect(hiddenLinkHost('www.Example.com', 'https://example.com/')).toBeNull();
    expect(hiddenLinkHost('@bob', 'https://mastodon.social/@bob')).toBeNull();
    expect(hiddenLinkHost('#rust', 'https://mastodon.social/tags/rust')).toBeNull();
    expect(hiddenLinkHost('my website', 'https://evil.example/')).toBeNull();
    expect(hiddenLinkHost('v1.2', 'https://evil.example/')).toBeNull();
  });

  it('reads bare hosts and URLs, with ports and paths', () => {
    expect(hostNamedBy('example.com')).toBe('example.com');
    expect(hostNamedBy('https://www.example.com:8443/a?b#c')).toBe('example.com');
    expect(hostNamedBy('mailto:bob@example.com')).toBeNull();
    expect(hostNamedBy('two words.com')).toBeNull();
  });
});
