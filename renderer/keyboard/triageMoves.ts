// Decisions taken by keyboard (on the board and in Review), and `u` putting the last one back.
// A card on a loaded board window moves through the board's moveCard (optimistic, focus follows);
// a person the board has not loaded (deep in a column, or a card Review fetched itself) goes
// straight to core, and the board then re-reads what changed.
import { STAGES, STAGE_LABELS } from '../../shared/domain';
import type { PersonCard, Stage } from '../../shared/domain';
import { rapportClient, toRapportError } from '../api/rapportClient';
import { indexOfPerson } from '../board/columnWindow';
import { announce } from '../stores/announcerStore';
import { moveCard } from '../stores/boardMoves';
import { requestRefresh } from '../stores/boardSession';
import { requestFocus, useBoardStore } from '../stores/boardStore';
import { showError } from '../stores/toastStore';
import { useAccountsStore } from '../stores/accountsStore';
import { decideUnfollow } from '../actions/unfollowQuestion';

export interface TriageMove {
  accountId: number;
  card: PersonCard;
  from: Stage;
  to: Stage;
}

/** Enough to walk back a burst of mistakes; older decisions are settled. */
const HISTORY_LIMIT = 50;
const history: TriageMove[] = [];

function loadedStageOf(personId: number): Stage | null {
  const { columns } = useBoardStore.getState();
  return STAGES.find((stage) => indexOfPerson(columns[stage].window, personId) >= 0) ?? null;
}

/** Moves one person; resolves true once core stored the move. */
async function applyMove(accountId: number, card: PersonCard, from: Stage, to: Stage, focusNext: boolean): Promise<boolean> {
  const board = useBoardStore.getState();
  if (board.accountId === accountId && loadedStageOf(card.personId) === from) {
    if (await moveCard(card.personId, to, { focusNext })) return true;
    // Still there: the move failed (and was put back, with the reason) or the user said no.
    if (loadedStageOf(card.personId) === from) return false;
    // A refresh took the card out of the loaded window before the move ran: ask core directly.
  }
  // Off the board the same rule holds: leaving Connected asks before anything is unfollowed.
  const network = useAccountsStore.getState().accounts.find((account) => account.id === accountId)?.network;
  const decision = await decideUnfollow({ ...card, stage: from }, to, network);
  if (!decision.proceed) return false;
  try {
    await rapportClient.moveCard({
      accountId,
      personId: card.personId,
      stage: to,
      ...(decision.unfollow === undefined ? {} : { unfollow: decision.unfollow }),
    });
    announce(`Moved ${card.displayName} to ${STAGE_LABELS[to]}`);
    if (useBoardStore.getState().accountId === accountId) requestRefresh(null);
    return true;
  } catch (error) {
    announce(`Could not move ${card.displayName}: ${toRapportError(error).message}`);
    showError(error);
    return false;
  }
}

/** One decision; remembered for undo when it succeeds. */
export async function decide(accountId: number, card: PersonCard, from: Stage, to: Stage, options: { focusNext: boolean }): Promise<boolean> {
  if (from === to) return false;
  const moved = await applyMove(accountId, card, from, to, options.focusNext);
  if (moved) {
    history.push({ accountId, card, from, to });
    if (history.length > HISTORY_LIMIT) history.shift();
  }
  return moved;
}

/**
 * Puts the last decision of this account back. Leaving Connected this way never unfollows: core
 * only cancels a follow that is still waiting in the outbox.
 */
export async function undoLastMove(accountId: number): Promise<TriageMove | null> {
  let index = history.length - 1;
  while (index >= 0 && history[index]?.accountId !== accountId) index--;
  const last = history[index];
  if (!last) {
    announce('Nothing to undo');
    return null;
  }
  history.splice(index, 1);
  const moved = await applyMove(accountId, { ...last.card, stage: last.to }, last.to, last.from, false);
  if (!moved) {
    history.splice(index, 0, last);
    return null;
  }
  announce(`Undid: ${last.card.displayName} is back in ${STAGE_LABELS[last.from]}`);
  requestFocus(last.card.personId);
  return last;
}

/** For tests and account switches: forget every remembered decision. */
export function clearMoveHistory(): void {
  history.length = 0;
}
