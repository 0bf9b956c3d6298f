// The outbox as the window sees it: one person's actions (the composer's history), sending a
// message, retrying and cancelling, and which actions were just seen to finish (a card shows its
// check mark only then, not for every follow done days ago).
import { create } from 'zustand';
import type { OutboxAction } from '../../shared/domain';
import { call } from '../api/rapportClient';
import { openActionPage } from '../actions/openActionPage';
import { showError } from './toastStore';

/** How long a card shows the check mark of an action it just saw finish. */
export const DONE_VISIBLE_MS = 8000;

interface ActionsState {
  /** Actions per `${accountId}:${personId}`, newest first; absent until loaded. */
  byPerson: Record<string, OutboxAction[]>;
  /** Action id → when core last reported it changed; a card shows it done for a moment. */
  justChanged: Record<number, number>;
  loadForPerson(accountId: number, personId: number): Promise<void>;
  /** Queues one message to one person. Resolves true when queued (errors are shown). */
  send(accountId: number, personId: number, text: string): Promise<boolean>;
  retry(actionId: number, accountId: number, personId: number): Promise<void>;
  cancel(actionId: number, accountId: number, personId: number): Promise<void>;
  /** The person did on the network's page what was opened there. Resolves true when recorded. */
  markDone(actionId: number, accountId: number, personId: number): Promise<boolean>;
  /** core's outbox.changed: re-read the histories on screen, remember the changed actions. */
  changed(accountId: number, actionIds: number[], personIds: number[]): void;
}

export function personKey(accountId: number, personId: number): string {
  return `${accountId}:${personId}`;
}

export const useActionsStore = create<ActionsState>()((set, get) => ({
  byPerson: {},
  justChanged: {},
  loadForPerson: async (accountId, personId) => {
    try {
      const actions = await call('listActions', { accountId, personId });
      set((s) => ({ byPerson: { ...s.byPerson, [personKey(accountId, personId)]: actions } }));
    } catch (error) {
      showError(error);
    }
  },
  send: async (accountId, personId, text) => {
    try {
      const action = await call('sendMessage', { accountId, personId, text });
      // Where messages are written on the network's own page, that page opens with the text.
      openActionPage(action);
      const key = personKey(accountId, personId);
      set((s) => ({ byPerson: { ...s.byPerson, [key]: [action, ...(s.byPerson[key] ?? []).filter((a) => a.id !== action.id)] } }));
      return true;
    } catch (error) {
      showError(error);
      return false;
    }
  },
  retry: async (actionId, accountId, personId) => {
    try {
      await call('retryAction', { actionId });
    } catch (error) {
      showError(error);
    }
    await get().loadForPerson(accountId, personId);
  },
  cancel: async (actionId, accountId, personId) => {
    try {
      await call('cancelAction', { actionId });
    } catch (error) {
      showError(error);
    }
    await get().loadForPerson(accountId, personId);
  },
  markDone: async (actionId, accountId, personId) => {
    try {
      await call('markActionDone', { actionId });
      return true;
    } catch (error) {
      showError(error);
      return false;
    } finally {
      await get().loadForPerson(accountId, personId);
    }
  },
  changed: (accountId, actionIds, personIds) => {
    const loaded = get().byPerson;
    for (const personId of personIds) {
      if (personKey(accountId, personId) in loaded) void get().loadForPerson(accountId, personId);
    }
    if (actionIds.length === 0) return;
    const at = Date.now();
    set((s) => {
      const justChanged = { ...s.justChanged };
      for (const id of actionIds) justChanged[id] = at;
      return { justChanged };
    });
    setTimeout(() => {
      set((s) => {
        const justChanged = { ...s.justChanged };
        // A later change of the same action keeps it visible for its own full moment.
        for (const id of actionIds) if (justChanged[id] === at) delete justChanged[id];
        return { justChanged };
      });
    }, DONE_VISIBLE_MS);
  },
}));
