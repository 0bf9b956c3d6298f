// Moving a card between stages: optimistic (the card leaves its column and counts change at once),
// then persisted by moveCard; on failure the card goes back where it was and the error is shown.
// A card I follow leaving Connected first asks whether to unfollow (see unfollowQuestion).
import { STAGES, STAGE_LABELS } from '../../shared/domain';
import type { Stage, StageCounts } from '../../shared/domain';
import { rapportClient, toRapportError } from '../api/rapportClient';
import { cardAt, insertCard, removeCard } from '../board/columnWindow';
import { announce } from './announcerStore';
import { boardControl, requestFocus, setColumn, useBoardStore } from './boardStore';
import { flushQueued } from './columnLoading';
import { showError } from './toastStore';
import { useAccountsStore } from './accountsStore';
import { decideUnfollow, needsUnfollowQuestion } from '../actions/unfollowQuestion';
import { openActionPage } from '../actions/openActionPage';
import type { PersonCard } from '../../shared/domain';

/** How long a moved card's people.changed echo is recognised as ours. */
const OWN_MOVE_MEMORY_MS = 5000;

export interface MoveOptions {
  /** Keyboard moves keep focus in the source column, on the card that takes the moved one's place. */
  focusNext: boolean;
  /** Whether to unfollow, when the caller already asked (undo asks with what core says now). */
  unfollow?: boolean;
}

function shiftCounts(counts: StageCounts | null, from: Stage, to: Stage): StageCounts | null {
  if (!counts) return counts;
  return { ...counts, [from]: Math.max(0, counts[from] - 1), [to]: counts[to] + 1 };
}

function rememberOwnMove(personId: number): void {
  boardControl.ownMoves.set(personId, (boardControl.ownMoves.get(personId) ?? 0) + 1);
  setTimeout(() => {
    const n = (boardControl.ownMoves.get(personId) ?? 1) - 1;
    if (n <= 0) boardControl.ownMoves.delete(personId);
    else boardControl.ownMoves.set(personId, n);
  }, OWN_MOVE_MEMORY_MS);
}

function findCard(personId: number): PersonCard | null {
  const { columns } = useBoardStore.getState();
  for (const stage of STAGES) {
    for (const page of columns[stage].window.pages) {
      const card = page.items.find((item) => item.personId === personId);
      if (card) return card;
    }
  }
  return null;
}

/** Resolves true once core stored the move; false when nothing moved (not loaded, answered no, failed). */
export async function moveCard(personId: number, to: Stage, options: MoveOptions): Promise<boolean> {
  const { accountId } = useBoardStore.getState();
  const card = findCard(personId);
  if (accountId === null || !card || card.stage === to) return false;
  if (options.unfollow !== undefined) return applyMove(personId, to, options, options.unfollow);
  const network = useAccountsStore.getState().accounts.find((a) => a.id === accountId)?.network;
  // Without a question the move stays synchronous up to the request: the card leaves at once.
  if (!network || !needsUnfollowQuestion(card, to, network)) return applyMove(personId, to, options);
  const choice = await decideUnfollow(card, to, network);
  if (!choice.proceed || useBoardStore.getState().accountId !== accountId) return false;
  return applyMove(personId, to, options, choice.unfollow);
}

async function applyMove(personId: number, to: Stage, options: MoveOptions, unfollow?: boolean): Promise<boolean> {
  const state = useBoardStore.getState();
  const { accountId } = state;
  if (accountId === null) return false;
  let from: Stage | null = null;
  let removed: ReturnType<typeof removeCard> = null;
  for (const stage of STAGES) {
    removed = removeCard(state.columns[stage].window, personId);
    if (removed) {
      from = stage;
      break;
    }
  }
  if (!removed || from === null || from === to) return false;
  const { card, index } = removed;
  const source = from;
  const generation = boardControl.generation;

  boardControl.epoch++;
  boardControl.pendingMoves++;
  boardControl.movingTo.set(personId, to);
  rememberOwnMove(personId);
  setColumn(source, { window: removed.window });
  useBoardStore.setState((s) => ({ counts: shiftCounts(s.counts, source, to) }));
  if (options.focusNext) {
    const next = cardAt(removed.window, index) ?? cardAt(removed.window, index - 1);
    if (next) requestFocus(next.personId);
  }

  try {
    const result = await rapportClient.moveCard(unfollow === undefined ? { accountId, personId, stage: to } : { accountId, personId, stage: to, unfollow });
    // On a network where the person follows on its own page, that page opens now (one person).
    openActionPage(result.action);
    // Stored in core even if the board was reset meanwhile.
    if (generation !== boardControl.generation) return true;
    // With other moves still in flight, their optimistic shifts are not in these counts yet.
    if (boardControl.pendingMoves === 1) useBoardStore.setState({ counts: result.counts });
    else boardControl.queuedCounts = true;
    boardControl.queuedRefresh.add(to);
    announce(`Moved ${card.displayName} to ${STAGE_LABELS[to]}`);
    return true;
  } catch (error) {
    if (generation !== boardControl.generation) return false;
    boardControl.epoch++;
    const current = useBoardStore.getState().columns[source].window;
    setColumn(source, { window: insertCard(current, index, card) });
    useBoardStore.setState((s) => ({ counts: shiftCounts(s.counts, to, source) }));
    boardControl.queuedCounts = true;
    if (options.focusNext) requestFocus(personId);
    const message = toRapportError(error).message;
    announce(`Could not move ${card.displayName}: ${message}`);
    showError(error);
    return false;
  } finally {
    // Always settle the bookkeeping, even for a board that was closed meanwhile: a stuck
    // pendingMoves would hold back every later refresh.
    boardControl.pendingMoves = Math.max(0, boardControl.pendingMoves - 1);
    boardControl.movingTo.delete(personId);
    flushQueued();
  }
}
