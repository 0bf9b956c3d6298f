import { describe, expect, it } from 'vitest';
import { hostilePayloads } from '../../../../../test/fakes/mastodon/hostileContent';
import { cleanDisplayText, displayNameText, displayNameTokens } from './customEmoji';

const EMOJIS = [
  { shortcode: 'verified', url: 'https://emoji.example/verified.gif', staticUrl: 'https://emoji.example/verified.png' },
  { shortcode: 'evil', url: 'javascript:alert(1)', staticUrl: 'javascript:alert(1)' },
];

describe('displayNameTokens', () => {
  it('resolves known shortcodes to emoji tokens with the static image', () => {
    expect(displayNameTokens('Ada :verified: Lovelace', EMOJIS)).toEqual([
      { kind: 'text', text: 'Ada ' },
      { kind: 'emoji', shortcode: 'verified', url: 'https://emoji.example/verified.png' },
      { kind: 'text', text: ' Lovelace' },
    ]);
  });

  it('leaves unknown shortcodes and emoji with unsafe URLs as text', () => {
    expect(displayNameTokens(':blobcat: :evil:', EMOJIS)).toEqual([{ kind: 'text', text: ':blobcat: :evil:' }]);
  });

  it('never interprets markup: tags stay literal text for the renderer to show as text', () => {
    for (const { payload } of hostilePayloads().filter((p) => p.target === 'name')) {
      const tokens = displayNameTokens(payload, EMOJIS);
      for (const token of tokens) {
        if (token.kind === 'emoji') expect(token.url).toMatch(/^https:\/\//);
      }
      expect(displayNameText(tokens)).toBe(cleanDisplayText(payload));
    }
    expect(displayNameText(displayNameTokens('<img src=x onerror=alert(1)>', EMOJIS))).toBe('<img src=x onerror=alert(1)>');
  });

  it('removes bidi overrides, zero-width characters and control characters', () => {
    expect(cleanDisplayText('\u202eadmin\u202c')).toBe('admin');
    expect(cleanDisplayText('ad\u200bmin')).toBe('admin');
    expect(cleanDisplayText('Ada\u0000\u0007 \n Lovelace')).toBe('Ada Lovelace');
  });
});
