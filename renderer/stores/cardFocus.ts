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
    if (!other) break;
    const w = columns[other].window;
    // The first card the user can see there (rows above it are overscan), else the first loaded.
    const first = boardControl.visible.get(other)?.first ?? w.offset;
    const target = cardAt(w, first) ?? cardAt(w, w.offset);
    if (target) {
      requestFocus(target.personId);
      return true;
    }
  }
  return false;
}
