import { describe, expect, it } from 'vitest';
import { hostilePayloads, isLayoutPayload } from '../../../../../test/fakes/mastodon/hostileContent';
import { fastSanitizeMastodonHtml } from './mastodonHtmlFastPath';
import { sanitizeWithDomPurify } from './sanitizeMastodonHtml';

/** Markup as Mastodon renders bios, fields and posts. */
const MASTODON_SHAPED = [
  '<p>Hello world</p>',
  '<p>Line one<br>line two<br />line three</p><p>Second paragraph</p>',
  '<p>Writes about <a href="https://mastodon.social/tags/maples" class="mention hashtag" rel="tag">#<span>maples</span></a></p>',
  '<p><span class="h-card" translate="no"><a href="https://fosstodon.org/@ada" class="u-url mention">@<span>ada</span></a></span> hi!</p>',
  '<p><a href="https://example.com/a/very/long/path" target="_blank" rel="nofollow noopener noreferrer" translate="no"><span class="invisible">https://</span><span class="ellipsis">example.com/a/very</span><span class="invisible">/long/path</span></a></p>',
  '<p>Tom &amp; Jerry &lt;3 &gt; &quot;quoted&quot; it&#39;s &#x1F600; &#8212; done</p>',
  'plain text with "quotes" and \'apostrophes\'',
  '<p>emoji 🦣 and accents: café naïve</p>',
  '<p>\ttabs\tand\nnewlines inside text</p>',
  '<span class="unknown-class">x</span><span class="mention evil">y</span>',
  '<a href="http://plain-http.example/">old link</a>',
  '<a>no href</a> and <a href="">empty href</a>',
  '',
  '<p></p><p> </p>',
  '<p>a</p>b<br>c',
];

describe('fastSanitizeMastodonHtml', () => {
  for (const input of MASTODON_SHAPED) {
    it(`matches DOMPurify on ${JSON.stringify(input).slice(0, 70)}`, () => {
      const fast = fastSanitizeMastodonHtml(input);
      expect(fast).not.toBeNull();
      expect(fast).toEqual(sanitizeWithDomPurify(input));
    });
  }

  const outside = [
    '<p><b>bold</b></p>',
    '<p onclick="x()">x</p>',
    '<a href="javascript:alert(1)">x</a>',
    '<a href="https://x.test/?a=1&amp;b=2">query</a>',
    '<p>a<p>nested</p></p>',
    '<span><p>inside span</p></span>',
    '<a href="https://a.test"><a href="https://b.test">x</a></a>',
    '<p>unclosed',
    '</p>stray close',
    '<P>upper</P>',
    '<p>&nbsp;&copy;</p>',
    '<p>\u00a0nbsp</p>',
    '<p>cr\r\nlf</p>',
    '<span/>',
    '<p>a < b</p>',
    '<a href="https://x.test" href="https://y.test">dup</a>',
  ];
  for (const input of outside) {
    it(`leaves ${JSON.stringify(input)} to DOMPurify`, () => {
      expect(fastSanitizeMastodonHtml(input)).toBeNull();
    });
  }

  it('agrees with DOMPurify whenever it accepts a hostile payload', () => {
    let accepted = 0;
    for (const hostile of hostilePayloads()) {
      const fast = fastSanitizeMastodonHtml(hostile.payload);
      if (fast === null) continue;
      // Layout payloads (long words, bidi, zalgo) are plain Mastodon markup: the fast path's to take.
      if (!isLayoutPayload(hostile)) accepted++;
      expect(fast).toEqual(sanitizeWithDomPurify(hostile.payload));
    }
    // The name payloads are plain text; nearly every HTML attack must take the DOMPurify path.
    expect(accepted).toBeLessThan(10);
  });

  it('agrees with DOMPurify on thousands of random Mastodon-like fragments (seeded)', () => {
    const pieces = ['<p>', '</p>', '<br>', '<br/>', '<span>', '</span>', '<span class="invisible">', '<span class="h-card mention x">', '<span translate="no">', '</a>',
      '<a href="https://a.example/x y">', '<a href="https://a.example/">', '<a href=" https://a.example">', '<a href="HTTPS://A.example">', '<a href="http:x">',
      '<a class="u-url mention" href="https://b.example/@b" rel="nofollow">', '<a href="">', '<a>', 'text', '  spaced  ', '\t', '\n', 'é', '🦣', '"q"', "'",
      '&amp;', '&lt;', '&gt;', '&quot;', '&#39;', '&#x27;', '&#128512;', '&apos;', '&#x2028;', '&#173;', '&#8203;'];
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    let accepted = 0;
    for (let i = 0; i < 4000; i++) {
      let input = '';
      for (let j = 1 + Math.floor(random() * 10); j > 0; j--) input += pieces[Math.floor(random() * pieces.length)];
      const fast = fastSanitizeMastodonHtml(input);
      if (fast === null) continue;
      accepted++;
      expect(fast, input).toEqual(sanitizeWithDomPurify(input));
    }
    expect(accepted).toBeGreaterThan(300);
  });
});
