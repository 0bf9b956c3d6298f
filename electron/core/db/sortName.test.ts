import { describe, expect, it } from 'vitest';
import { sortNameKey, sortNameSql } from './sortName';

describe('sortNameKey', () => {
  it('folds case and diacritics so accented names sort with their letter', () => {
    expect(sortNameKey('Ángel Dávila', 'angel')).toBe('angel davila');
    expect(sortNameKey('ÉDOUARD', 'e')).toBe('edouard');
    const names = ['Zoë', 'Ángel', 'bob', 'Émile'].map((n) => sortNameKey(n, 'x')).sort();
    expect(names).toEqual(['angel', 'bob', 'emile', 'zoe']);
  });

  it('falls back to the handle and ignores leading emoji and punctuation', () => {
    expect(sortNameKey('', 'Ada.sample')).toBe('ada.sample');
    expect(sortNameKey('   ', '@grace')).toBe('grace');
    expect(sortNameKey('✨ Linus', 'l')).toBe('linus');
    expect(sortNameKey('💸💸', 'x')).toBe('💸💸');
  });

  it('builds SQL over the given column expressions', () => {
    expect(sortNameSql()).toBe('rapport_sort_name(display_name, handle)');
    expect(sortNameSql('p.display_name', '@handle')).toBe('rapport_sort_name(p.display_name, @handle)');
  });
});
