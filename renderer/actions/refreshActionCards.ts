// An action of these people changed state (queued, sent, failed): re-read the board columns that
// show them, so their cards' status follows. Unlike people.changed this never skips the echo of
// our own move: the follow a move queued is sent moments later, and its card must say so.
import { STAGES } from '../../shared/domain';
import { useBoardStore } from '../stores/boardStore';
import { refreshColumn } from '../stores/columnLoading';

export function refreshActionCards(accountId: number, personIds: number[]): void {
  const { accountId: shown, columns } = useBoardStore.getState();
  if (shown !== accountId || personIds.length === 0) return;
  const wanted = new Set(personIds);
  for (const stage of STAGES) {
    if (columns[stage].window.pages.some((page) => page.items.some((card) => wanted.has(card.personId)))) void refreshColumn(stage);
  }
}
