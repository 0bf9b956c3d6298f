// The account's saved filters, as core stores them (so they survive a restart).
import { create } from 'zustand';
import type { PeopleFilter, SavedFilter } from '../../shared/triageTypes';
import { call, toRapportError } from '../api/rapportClient';
import { showError } from './toastStore';

/** One shared empty list, so selectors that fall back to it return the same value each time. */
export const NO_FILTERS: readonly SavedFilter[] = [];

interface SavedFiltersState {
  accountId: number | null;
  filters: readonly SavedFilter[];
  error: string | null;
  load(accountId: number): Promise<void>;
  /** Saves the filter under a name; resolves with it, or throws a RapportError to show. */
  save(accountId: number, name: string, filter: PeopleFilter): Promise<SavedFilter>;
  remove(filterId: number): Promise<boolean>;
}

export const useSavedFiltersStore = create<SavedFiltersState>()((set, get) => ({
  accountId: null,
  filters: [],
  error: null,
  load: async (accountId) => {
    if (get().accountId !== accountId) set({ accountId, filters: [], error: null });
    try {
      const filters = await call('listSavedFilters', { accountId });
      if (get().accountId === accountId) set({ filters, error: null });
    } catch (error) {
      if (get().accountId === accountId) set({ error: toRapportError(error).message });
    }
  },
  save: async (accountId, name, filter) => {
    const saved = await call('saveFilter', { accountId, name, filter });
    if (get().accountId === accountId) set((s) => ({ filters: [...s.filters.filter((f) => f.id !== saved.id), saved] }));
    return saved;
  },
  remove: async (filterId) => {
    try {
      await call('deleteSavedFilter', { filterId });
      set((s) => ({ filters: s.filters.filter((f) => f.id !== filterId) }));
      return true;
    } catch (error) {
      showError(error);
      return false;
    }
  },
}));
