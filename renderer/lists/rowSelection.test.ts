import { describe, expect, it } from 'vitest';
import { NO_SELECTION, isSelected, pickRow, selectedCount, selectionForCore, type RowSelection } from './rowSelection';

/** Rows 0…9 hold people 100…109; rows 5 and 6 are not loaded. */
const rowAt = (index: number): number | undefined => (index >= 0 && index < 10 && index !== 5 && index !== 6 ? 100 + index : undefined);
const plain = { range: false, toggle: false };
const toggle = { range: false, toggle: true };
const range = { range: true, toggle: false };

function ids(selection: RowSelection): number[] {
  return selection.kind === 'rows' ? [...selection.ids].sort((a, b) => a - b) : [];
}

describe('row selection', () => {
  it('a plain click selects only that row and anchors ranges there', () => {
    let s = pickRow(NO_SELECTION, 2, 102, toggle, rowAt);
    s = pickRow(s, 3, 103, toggle, rowAt);
    s = pickRow(s, 8, 108, plain, rowAt);
    expect(ids(s)).toEqual([108]);
    expect(s.kind === 'rows' && s.anchor).toBe(8);
  });

  it('ctrl/cmd-click adds and removes single rows', () => {
    let s = pickRow(NO_SELECTION, 1, 101, toggle, rowAt);
    s = pickRow(s, 4, 104, toggle, rowAt);
    expect(ids(s)).toEqual([101, 104]);
    s = pickRow(s, 1, 101, toggle, rowAt);
    expect(ids(s)).toEqual([104]);
  });

  it('shift-click selects the range from the anchor in either direction, skipping rows not loaded', () => {
    const down = pickRow(pickRow(NO_SELECTION, 3, 103, plain, rowAt), 8, 108, range, rowAt);
    expect(ids(down)).toEqual([103, 104, 107, 108]);
    const up = pickRow(pickRow(NO_SELECTION, 3, 103, plain, rowAt), 0, 100, range, rowAt);
    expect(ids(up)).toEqual([100, 101, 102, 103]);
    // A second shift-click re-draws the range from the same anchor instead of growing it.
    expect(ids(pickRow(down, 4, 104, range, rowAt))).toEqual([103, 104]);
  });

  it('ctrl+shift-click adds a range to what was selected', () => {
    let s = pickRow(NO_SELECTION, 0, 100, toggle, rowAt);
    s = pickRow(s, 8, 108, toggle, rowAt);
    s = pickRow(s, 9, 109, { range: true, toggle: true }, rowAt);
    expect(ids(s)).toEqual([100, 108, 109]);
  });

  it('shift-click without an anchor selects just that row', () => {
    expect(ids(pickRow(NO_SELECTION, 4, 104, range, rowAt))).toEqual([104]);
  });

  it('"all matching" is the filter itself, counted by the total', () => {
    const all: RowSelection = { kind: 'allMatching' };
    const filter = { signals: ['follow-bait' as const] };
    expect(selectedCount(all, 1204)).toBe(1204);
    expect(isSelected(all, 12345)).toBe(true);
    expect(selectionForCore(all, filter)).toEqual({ filter });
    // Picking a row leaves "all matching" and starts over from that row.
    expect(ids(pickRow(all, 2, 102, toggle, rowAt))).toEqual([102]);
  });

  it('explicit rows go to core as ids; nothing selected sends nothing', () => {
    const s = pickRow(pickRow(NO_SELECTION, 1, 101, plain, rowAt), 2, 102, toggle, rowAt);
    expect(selectionForCore(s, {})).toEqual({ personIds: [101, 102] });
    expect(selectedCount(s, 1000)).toBe(2);
    expect(selectionForCore(NO_SELECTION, {})).toBeNull();
  });
});
