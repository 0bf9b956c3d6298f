// The account's tags with how many people carry each (sidebar, filter bar).
import { create } from 'zustand';
import { call, toRapportError } from '../api/rapportClient';

export interface TagCount {
  name: string;
  count: number;
}

/** One shared empty list, so selectors that fall back to it return the same value each time. */
export const NO_TAGS: readonly TagCount[] = [];

interface TagsState {
  accountId: number | null;
  tags: readonly TagCount[];
  error: string | null;
  load(accountId: number): Promise<void>;
}

let requestSeq = 0;

export const useTagsStore = create<TagsState>()((set, get) => ({
  accountId: null,
  tags: [],
  error: null,
  load: async (accountId) => {
    const seq = ++requestSeq;
    if (get().accountId !== accountId) set({ accountId, tags: [], error: null });
    try {
      const tags = await call('listTags', { accountId });
      if (seq === requestSeq) set({ tags, error: null });
    } catch (error) {
      if (seq === requestSeq) set({ error: toRapportError(error).message });
    }
  },
}));
