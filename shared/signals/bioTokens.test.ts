import { describe, expect, it } from 'vitest';
import { foldWord, prepareText, tokenize } from './bioTokens';

const words = (text: string) => tokenize(prepareText(text)).map((t) => [t.norm, t.hashtag, t.phrase, t.clause, t.hyphenated]);

describe('foldWord', () => {
  it('drops case and accents', () => {
    expect(foldWord('SÍGUEME')).toBe('sigueme');
    expect(foldWord('Zurück')).toBe('zuruck');
    expect(foldWord('Não')).toBe('nao');
  });
});

describe('tokenize', () => {
  it('marks hashtags, phrases, clauses and hyphenated compounds', () => {
    expect(words('#F4F back-end, ok ✨ yes. No')).toEqual([
      ['f4f', true, 0, 0, false],
      ['back', false, 0, 0, false],
      ['end', false, 0, 0, true],
      ['ok', false, 0, 1, false],
      ['yes', false, 0, 2, false],
      ['no', false, 1, 3, false],
    ]);
  });

  it('folds full-width letters', () => {
    expect(words('ＦＯＬＬＯＷ＃ｂａｃｋ').map((w) => w[0])).toEqual(['follow', 'back']);
  });
});
