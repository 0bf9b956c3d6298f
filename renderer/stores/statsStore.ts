// The stats view's figures for one account (getStats), re-read when the view opens.
import { create } from 'zustand';
import type { AccountStats } from '../../shared/triageTypes';
import { call, toRapportError } from '../api/rapportClient';

/** Weeks of weekly flows the view shows (about half a year). */
export const STATS_WEEKS = 26;

interface StatsState {
  accountId: number | null;
  stats: AccountStats | null;
  error: string | null;
  load(accountId: number): Promise<void>;
}

let requestSeq = 0;

export const useStatsStore = create<StatsState>()((set, get) => ({
  accountId: null,
  stats: null,
  error: null,
  load: async (accountId) => {
    const seq = ++requestSeq;
    if (get().accountId !== accountId) set({ accountId, stats: null, error: null });
    try {
      const stats = await call('getStats', { accountId, weeks: STATS_WEEKS });
      if (seq === requestSeq) set({ stats, error: null });
    } catch (error) {
      if (seq === requestSeq) set({ error: toRapportError(error).message });
    }
  },
}));
