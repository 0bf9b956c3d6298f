// Moving keyboard focus between cards: up and down within a column, left and right across columns.
import { STAGES } from '../../shared/domain';
import type { Stage } from '../../shared/domain';
import { cardAt, indexOfPerson } from '../board/columnWindow';
import { boardControl, requestFocus, useBoardStore } from './boardStore';

export function focusCardBeside(personId: number, stage: Stage, direction: 'up' | 'down' | 'left' | 'right'): boolean {
  const { columns } = useBoardStore.getState();
  if (direction === 'up' || direction === 'down') {
    const w = columns[stage].window;
    const index = indexOfPerson(w, personId);
    if (index < 0) return false;
    const next = cardAt(w, index + (direction === 'down' ? 1 : -1));
    if (next) requestFocus(next.personId);
    return next !== undefined;
  }
  const step = direction === 'right' ? 1 : -1;
  for (let i = STAGES.indexOf(stage) + step; i >= 0 && i < STAGES.length; i += step) {
    const other = STAGES[i];
    if (other && focusFirstVisibleCard(other)) return true;
  }
  return false;
}

/**
 * Focuses the first card the user can see in a column (rows above it are overscan), else the
 * first loaded one. Used when the keyboard starts triage with no card selected yet.
 */
export function focusFirstVisibleCard(stage: Stage): boolean {
  const w = useBoardStore.getState().columns[stage].window;
  const first = boardControl.visible.get(stage)?.first ?? w.offset;
  const target = cardAt(w, first) ?? cardAt(w, w.offset);
  if (!target) return false;
  requestFocus(target.personId);
  return true;
}
