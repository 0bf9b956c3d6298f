// Today's action budget per account (used / limit, when a slot frees up), re-read after every
// outbox change, and lowered (or restored) from the top bar.
import { create } from 'zustand';
import type { ActionBudget } from '../../shared/domain';
import { call } from '../api/rapportClient';
import { showError } from './toastStore';

interface BudgetState {
  byAccount: Record<number, ActionBudget>;
  load(accountId: number): Promise<void>;
  /** Resolves true when core took the new limit (errors are shown). */
  setLimit(accountId: number, limit: number): Promise<boolean>;
}

export const useBudgetStore = create<BudgetState>()((set) => ({
  byAccount: {},
  load: async (accountId) => {
    try {
      const budget = await call('getActionBudget', { accountId });
      set((s) => ({ byAccount: { ...s.byAccount, [accountId]: budget } }));
    } catch (error) {
      showError(error);
    }
  },
  setLimit: async (accountId, limit) => {
    try {
      const budget = await call('setActionBudget', { accountId, limit });
      set((s) => ({ byAccount: { ...s.byAccount, [accountId]: budget } }));
      return true;
    } catch (error) {
      showError(error);
      return false;
    }
  },
}));

export function useBudget(accountId: number): ActionBudget | null {
  return useBudgetStore((s) => s.byAccount[accountId] ?? null);
}
