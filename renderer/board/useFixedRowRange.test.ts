import { describe, expect, it } from 'vitest';
import { rowRangeFor } from './useFixedRowRange';

describe('rowRangeFor', () => {
  it('covers the rows in the viewport plus the overscan, clamped to the list', () => {
    expect(rowRangeFor({ scrollTop: 0, clientHeight: 800 }, 100_000, 136, 4)).toEqual({ first: 0, last: 9 });
    // Row 4321 at the top of the viewport: four rows above it are rendered too.
    expect(rowRangeFor({ scrollTop: 4321 * 136, clientHeight: 800 }, 100_000, 136, 4)).toEqual({ first: 4317, last: 4330 });
    // Half a row scrolled: the partly visible rows at both edges count.
    expect(rowRangeFor({ scrollTop: 68, clientHeight: 136 }, 100, 136, 0)).toEqual({ first: 0, last: 1 });
  });

  it('stays inside a short list and is empty for no rows', () => {
    expect(rowRangeFor({ scrollTop: 0, clientHeight: 800 }, 3, 136, 4)).toEqual({ first: 0, last: 2 });
    // A scroll position left over from a longer list (the count just dropped) still yields real rows.
    expect(rowRangeFor({ scrollTop: 50_000, clientHeight: 800 }, 10, 136, 4)).toEqual({ first: 5, last: 9 });
    expect(rowRangeFor({ scrollTop: 0, clientHeight: 800 }, 0, 136, 4)).toEqual({ first: 0, last: -1 });
  });

  it('costs the same at the end of a 1,000,000-row column as at its top', () => {
    const end = rowRangeFor({ scrollTop: (1_000_000 - 6) * 136, clientHeight: 800 }, 1_000_000, 136, 4);
    expect(end).toEqual({ first: 999_990, last: 999_999 });
  });
});
