import { describe, expect, it } from 'vitest';
import { cachedEmojiMap, isCachedMediaPath, splitShortcodes } from './emojiShortcodes';

describe('isCachedMediaPath', () => {
  it('accepts paths inside the media cache only', () => {
    expect(isCachedMediaPath('media/emoji/ab/ab12.png')).toBe(true);
    for (const url of ['https://emoji.example/x.png', 'javascript:alert(1)', 'data:image/png;base64,AA', 'media/../rapport.db', '/media/x.png', 'media/x.png?y', 'media/', null, undefined]) {
      expect(isCachedMediaPath(url)).toBe(false);
    }
  });
});

describe('splitShortcodes', () => {
  const emoji = cachedEmojiMap([
    { shortcode: 'blob', url: 'media/emoji/b.png' },
    { shortcode: 'remote', url: 'https://x.example/r.png' },
  ]);

  it('turns known shortcodes into emoji and leaves the rest as written', () => {
    expect(splitShortcodes('a :blob: b :remote: :nope: :blob:', emoji)).toEqual([
      { kind: 'text', text: 'a ' },
      { kind: 'emoji', shortcode: 'blob', src: 'media/emoji/b.png' },
      { kind: 'text', text: ' b :remote: :nope: ' },
      { kind: 'emoji', shortcode: 'blob', src: 'media/emoji/b.png' },
    ]);
  });

  it('answers the text unchanged when there are no cached emoji', () => {
    expect(splitShortcodes('a :blob:', new Map())).toEqual([{ kind: 'text', text: 'a :blob:' }]);
    expect(splitShortcodes('', emoji)).toEqual([]);
  });
});
