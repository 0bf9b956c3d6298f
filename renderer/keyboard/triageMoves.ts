// Decisions (keys, menu, drag, Review, drawer) and `u` / the toast's Undo putting one back.
// A card on a loaded board window moves through the board's moveCard (optimistic, focus follows);
// a person the board has not loaded (deep in a column, or a card Review fetched itself) goes
// straight to core, and the board then re-reads what changed. Every decision says what it did in
// a toast, the same wherever it was taken; the last ones survive a reload (decisionHistory).
import { STAGES, STAGE_LABELS } from '../../shared/domain';
import type { PersonCard, Stage } from '../../shared/domain';
import { rapportClient, toRapportError } from '../api/rapportClient';
import { indexOfPerson } from '../board/columnWindow';
import { announce } from '../stores/announcerStore';
import { moveCard } from '../stores/boardMoves';
import { requestRefresh } from '../stores/boardSession';
import { requestFocus, useBoardStore } from '../stores/boardStore';
import { showError, showInfo } from '../stores/toastStore';
import { useAccountsStore } from '../stores/accountsStore';
import { decideUnfollow } from '../actions/unfollowQuestion';
import { openActionPage } from '../actions/openActionPage';
import { cardOnly, clearDecisions, findDecision, forgetDecision, rememberDecision, restoreDecision, type Decision } from './decisionHistory';

export type TriageMove = Decision;

function loadedStageOf(personId: number): Stage | null {
  const { columns } = useBoardStore.getState();
  return STAGES.find((stage) => indexOfPerson(columns[stage].window, personId) >= 0) ?? null;
}

/** The card the board holds for this person, if loaded. */
export function loadedCard(personId: number): PersonCard | null {
  const { columns } = useBoardStore.getState();
  for (const stage of STAGES) {
    for (const page of columns[stage].window.pages) {
      const card = page.items.find((item) => item.personId === personId);
      if (card) return card;
    }
  }
  return null;
}

function networkOf(accountId: number) {
  return useAccountsStore.getState().accounts.find((account) => account.id === accountId)?.network;
}

/** Moves one person; resolves true once core stored the move. `unfollow`: already asked. */
async function applyMove(accountId: number, card: PersonCard, from: Stage, to: Stage, focusNext: boolean, unfollow?: boolean): Promise<boolean> {
  const board = useBoardStore.getState();
  if (board.accountId === accountId && loadedStageOf(card.personId) === from) {
    if (await moveCard(card.personId, to, unfollow === undefined ? { focusNext } : { focusNext, unfollow })) return true;
    // Still there: the move failed (and was put back, with the reason) or the user said no.
    if (loadedStageOf(card.personId) === from) return false;
    // A refresh took the card out of the loaded window before the move ran: ask core directly.
  }
  // Off the board the same rule holds: leaving Connected asks before anything is unfollowed.
  const decision = unfollow === undefined ? await decideUnfollow({ ...card, stage: from }, to, networkOf(accountId)) : { proceed: true, unfollow };
  if (!decision.proceed) return false;
  try {
    const result = await rapportClient.moveCard({
      accountId,
      personId: card.personId,
      stage: to,
      ...(decision.unfollow === undefined ? {} : { unfollow: decision.unfollow }),
    });
    openActionPage(result.action);
    announce(`Moved ${card.displayName} to ${STAGE_LABELS[to]}`);
    if (useBoardStore.getState().accountId === accountId) requestRefresh(null);
    return true;
  } catch (error) {
    announce(`Could not move ${card.displayName}: ${toRapportError(error).message}`);
    showError(error);
    return false;
  }
}

/** Decisions whose move is still on its way to core, by decision id: undo waits for them. */
const landing = new Map<number, Promise<boolean>>();

/** One decision; remembered for undo and shown in a toast when it succeeds. */
export async function decide(accountId: number, card: PersonCard, from: Stage, to: Stage, options: { focusNext: boolean }): Promise<boolean> {
  if (from === to) return false;
  // Remembered before core has stored it: a `u` pressed right after the key (the quick fix of a
  // slip) means this decision, not the one before it. undoMove waits for the move to land.
  const id = rememberDecision(accountId, card, from, to);
  const move = applyMove(accountId, card, from, to, options.focusNext);
  landing.set(id, move);
  let moved = false;
  try {
    moved = await move;
  } finally {
    landing.delete(id);
  }
  if (moved) showInfo(`Moved ${card.displayName} to ${STAGE_LABELS[to]}`, { label: 'Undo', keyHint: 'u', run: () => void undoMove(accountId, id) });
  else forgetDecision(id);
  return moved;
}

/** A drop on another column: the same decision as a key or the menu, for a card the board holds. */
export async function decideDrop(accountId: number, personId: number, to: Stage): Promise<boolean> {
  const card = loadedCard(personId);
  if (!card) return false;
  return decide(accountId, card, card.stage, to, { focusNext: false });
}

function tell(message: string): void {
  announce(message);
  showInfo(message);
}

/**
 * Puts a decision of this account back: the last one, or the one with this id (a toast's Undo).
 * Where the person is now is read from core first: someone moved again since is left alone, and
 * leaving Connected follows the outbox rule — a follow still queued is cancelled by core, one
 * already sent asks whether to unfollow.
 */
export async function undoMove(accountId: number, id?: number): Promise<TriageMove | null> {
  const last = findDecision(accountId, id);
  if (!last) {
    tell('Nothing to undo');
    return null;
  }
  // Forgotten at once, so a second `u` goes on to the decision before this one.
  forgetDecision(last.id);
  const name = last.card.displayName;
  const inFlight = landing.get(last.id);
  if (inFlight && !(await inFlight)) {
    tell(`Nothing to undo: ${name} was not moved`);
    return null;
  }
  let now: PersonCard;
  try {
    now = await rapportClient.getProfile(accountId, last.card.personId);
  } catch (error) {
    const { code, message } = toRapportError(error);
    if (code === 'NOT_FOUND') tell(`Cannot undo: ${name} is not on this board any more`);
    else {
      restoreDecision(last);
      showError(message);
    }
    return null;
  }
  if (now.stage !== last.to) {
    tell(`Nothing to undo: ${name} is in ${STAGE_LABELS[now.stage]} now`);
    return null;
  }
  const question = await decideUnfollow(now, last.from, networkOf(accountId));
  if (!question.proceed) {
    restoreDecision(last);
    return null;
  }
  const card = cardOnly({ ...last.card, ...now });
  const moved = await applyMove(accountId, card, last.to, last.from, false, question.unfollow);
  if (!moved) {
    restoreDecision(last);
    return null;
  }
  tell(`Undid: ${name} is back in ${STAGE_LABELS[last.from]}`);
  requestFocus(last.card.personId);
  return { ...last, card };
}

/** `u`: the last decision of this account. */
export function undoLastMove(accountId: number): Promise<TriageMove | null> {
  return undoMove(accountId);
}

/** For tests and account switches: forget every remembered decision. */
export function clearMoveHistory(): void {
  clearDecisions();
}
