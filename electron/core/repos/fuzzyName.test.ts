import { describe, expect, it } from 'vitest';
import { distanceWithin, foldText, queryWords, typoAllowance, untouchedPieces } from './fuzzyName';

describe('fuzzyName', () => {
  it('measures typos against the closest part of a name', () => {
    expect(distanceWithin('heidenreich', 'edwardo heidenreich')).toBe(0);
    expect(distanceWithin('heidenrich', 'edwardo heidenreich')).toBe(1);
    expect(distanceWithin('hiedenreich', 'edwardo heidenreich')).toBe(1); // swapped neighbours
    expect(distanceWithin('sporre', 'giles sporer')).toBe(1);
    expect(distanceWithin('xyzzy', 'giles sporer')).toBeGreaterThan(2);
  });

  it('splits a word into pieces one of which survives its allowed typos', () => {
    expect(untouchedPieces('heidenrich').slice(0, 3)).toEqual(['hei', 'den', 'rich']);
    expect(untouchedPieces('jordn').slice(0, 3)).toEqual(['jor', 'ord', 'rdn']);
    // "Leland" typed with two letters swapped across the halves: neither half survives, the
    // halves of the word with that pair swapped back do.
    expect(untouchedPieces('lealnd')).toEqual(['lea', 'lnd', 'lel', 'and']);
    expect(untouchedPieces('ada')).toEqual(['ada']);
    expect(untouchedPieces('jo')).toEqual([]);
    expect([typoAllowance('ada'), typoAllowance('jordan'), typoAllowance('heidenrich')]).toEqual([0, 1, 2]);
  });

  it('folds accents and case, and drops the @ of a typed handle', () => {
    expect(foldText('Zoë BRONTË')).toBe('zoe bronte');
    expect(queryWords('  @Giles   Spörer ')).toEqual(['giles', 'sporer']);
    expect(queryWords('- ! ?')).toEqual([]);
  });
});
