// An action of these people changed state (queued, sent, failed): re-read the board columns that
// show them, so their cards' status follows. Unlike people.changed this never skips the echo of
// our own move: the follow a move queued is sent moments later, and its card must say so.
// That moment is often while the card is in no loaded window: the move is still on its way to
// core (the card left its column, the target has not re-read), or the target column is being
// re-read with an answer that predates this change. Those columns read again once they are free
// (refreshColumn queues behind a busy column or a pending move), or the card would keep saying
// "Following…" after the follow is done.
import { STAGES } from '../../shared/domain';
import { boardControl, useBoardStore } from '../stores/boardStore';
import { refreshColumn } from '../stores/columnLoading';

export function refreshActionCards(accountId: number, personIds: number[]): void {
  const { accountId: shown, columns } = useBoardStore.getState();
  if (shown !== accountId || personIds.length === 0) return;
  const wanted = new Set(personIds);
  const seen = new Set<number>();
  const showing = STAGES.filter((stage) => {
    let shows = false;
    for (const page of columns[stage].window.pages) {
      for (const card of page.items) {
        if (wanted.has(card.personId)) {
          seen.add(card.personId);
          shows = true;
        }
      }
    }
    return shows;
  });
  const unseen = seen.size < wanted.size;
  for (const stage of STAGES) {
    const moving = personIds.some((id) => boardControl.movingTo.get(id) === stage);
    if (showing.includes(stage) || moving || (unseen && boardControl.busy.has(stage))) void refreshColumn(stage);
  }
}
