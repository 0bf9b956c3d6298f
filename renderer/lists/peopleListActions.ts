// What the people list does to people: move the selection in one bulkMove call, undo it with
// restoreStages, and unfollow one person at a time through the outbox.
import { STAGE_LABELS, type Stage } from '../../shared/domain';
import { call, toRapportError } from '../api/rapportClient';
import { formatGrouped } from '../format/numberFormat';
import { announce } from '../stores/announcerStore';
import { NO_SELECTION, selectionForCore } from './rowSelection';
import { refreshPeopleList, replaceCards, setNotice, usePeopleListStore, type BulkSummary } from '../stores/peopleListStore';

/** Why the list never moves many people to Connected (core refuses it too). */
export const CONNECTED_REFUSAL =
  'Moving many people to Connected is not possible: each follow is one deliberate action, so follow people back one at a time from their profile or the board.';

export function peopleCount(n: number): string {
  return `${formatGrouped(n)} ${n === 1 ? 'person' : 'people'}`;
}

export function bulkSummaryText(summary: BulkSummary): string {
  return summary.undone
    ? `Put ${peopleCount(summary.from.length)} back where they were`
    : `Moved ${peopleCount(summary.moved)} to ${STAGE_LABELS[summary.to]}`;
}

/** Moves every selected person to `to` in one call; Connected is refused here, before core. */
export async function moveSelection(to: Stage): Promise<void> {
  const { accountId, filter, selection } = usePeopleListStore.getState();
  if (to === 'connected') {
    setNotice(CONNECTED_REFUSAL);
    announce(CONNECTED_REFUSAL);
    return;
  }
  const chosen = selectionForCore(selection, filter);
  if (accountId === null || chosen === null) return;
  setNotice(null);
  try {
    const result = await call('bulkMove', { accountId, selection: chosen, stage: to });
    const from = result.from.flatMap((entry) => (entry.stage === 'connected' ? [] : [{ personId: entry.personId, stage: entry.stage }]));
    const summary: BulkSummary = { moved: result.moved, to, from, undone: false };
    usePeopleListStore.setState({ lastBulk: summary, selection: NO_SELECTION });
    announce(bulkSummaryText(summary));
  } catch (error) {
    setNotice(toRapportError(error).message);
  }
  await refreshPeopleList();
}

export async function undoLastBulk(): Promise<void> {
  const { accountId, lastBulk } = usePeopleListStore.getState();
  if (accountId === null || !lastBulk || lastBulk.undone || lastBulk.from.length === 0) return;
  try {
    await call('restoreStages', { accountId, entries: lastBulk.from });
    const summary = { ...lastBulk, undone: true };
    usePeopleListStore.setState({ lastBulk: summary });
    announce(bulkSummaryText(summary));
  } catch (error) {
    setNotice(toRapportError(error).message);
  }
  await refreshPeopleList();
}

/**
 * One unfollow, queued in the outbox (counted in today's budget). The row shows the action's
 * state; a refusal (budget spent, network cannot unfollow) is said in the list's notice.
 */
export async function unfollowOne(accountId: number, personId: number, displayName: string): Promise<boolean> {
  try {
    const action = await call('unfollowPerson', { accountId, personId });
    const card = findLoadedCard(personId);
    if (card) replaceCards([{ ...card, action }]);
    setNotice(null);
    announce(`Unfollow of ${displayName} queued`);
    return true;
  } catch (error) {
    setNotice(toRapportError(error).message);
    return false;
  }
}

/** Re-reads the latest action of people whose outbox actions changed. */
export async function refreshActions(accountId: number, personIds: number[]): Promise<void> {
  for (const personId of personIds) {
    if (!findLoadedCard(personId)) continue;
    try {
      const [latest] = await call('listActions', { accountId, personId });
      const card = findLoadedCard(personId);
      if (latest && card) {
        const { id, kind, status, error } = latest;
        replaceCards([{ ...card, action: error ? { id, kind, status, error } : { id, kind, status } }]);
      }
    } catch {
      // The row keeps its last known status; the next change re-reads it.
    }
  }
}

function findLoadedCard(personId: number) {
  for (const items of Object.values(usePeopleListStore.getState().pages)) {
    const card = items.find((c) => c.personId === personId);
    if (card) return card;
  }
  return undefined;
}
