// Which people of a list are selected, as a value: rows picked one by one (click, ctrl/cmd-click,
// shift-click ranges) or "everyone matching the filter" — which is the filter itself, not the
// rows loaded so far, so a selection of 20,000 people never needs their ids in the window.
import type { PeopleFilter } from '../../shared/triageTypes';

export interface PickedRows {
  kind: 'rows';
  ids: ReadonlySet<number>;
  /** row index a shift-click range starts from (the last row clicked without shift) */
  anchor: number | null;
}

export type RowSelection = PickedRows | { kind: 'allMatching' };

export const NO_SELECTION: PickedRows = { kind: 'rows', ids: new Set<number>(), anchor: null };

export interface PickModifiers {
  /** shift: select the range from the anchor to this row */
  range: boolean;
  /** ctrl/cmd, or the row's checkbox: add or remove this row, keep the rest */
  toggle: boolean;
}

/** The person at a row index of the list, or undefined if that row is not loaded. */
export type RowLookup = (index: number) => number | undefined;

/**
 * The selection after the user picks row `index` (person `personId`). A range covers the loaded
 * rows between the anchor and this row; rows not loaded (far off screen) cannot be named and
 * are skipped — "Select all matching" is the way to take everyone.
 */
export function pickRow(selection: RowSelection, index: number, personId: number, modifiers: PickModifiers, rowAt: RowLookup): RowSelection {
  // Leaving "all matching" by picking a row starts again from that row.
  const current: PickedRows = selection.kind === 'rows' ? selection : NO_SELECTION;
  if (modifiers.range && current.anchor !== null) {
    const ids = new Set<number>(modifiers.toggle ? current.ids : []);
    const [from, to] = current.anchor <= index ? [current.anchor, index] : [index, current.anchor];
    for (let i = from; i <= to; i++) {
      const id = rowAt(i);
      if (id !== undefined) ids.add(id);
    }
    return { kind: 'rows', ids, anchor: current.anchor };
  }
  if (modifiers.toggle) {
    const ids = new Set<number>(current.ids);
    if (ids.has(personId)) ids.delete(personId);
    else ids.add(personId);
    return { kind: 'rows', ids, anchor: index };
  }
  return { kind: 'rows', ids: new Set([personId]), anchor: index };
}

export function isSelected(selection: RowSelection, personId: number): boolean {
  return selection.kind === 'allMatching' || selection.ids.has(personId);
}

/** How many people the selection holds, given how many match the filter. */
export function selectedCount(selection: RowSelection, total: number): number {
  return selection.kind === 'allMatching' ? total : selection.ids.size;
}

/** The selection as bulkMove takes it: explicit ids, or the filter itself. */
export function selectionForCore(selection: RowSelection, filter: PeopleFilter): { personIds: number[] } | { filter: PeopleFilter } | null {
  if (selection.kind === 'allMatching') return { filter };
  return selection.ids.size > 0 ? { personIds: [...selection.ids] } : null;
}
