// Which main view the window shows for the selected account, and the filter a people list shows.
import { create } from 'zustand';
import type { PeopleFilter, PeopleSort } from '../../shared/triageTypes';

export const VIEWS = ['board', 'review', 'people', 'stats'] as const;
/** board: the four columns · review: one follower at a time · people: a filtered list · stats */
export type View = (typeof VIEWS)[number];

interface ViewState {
  view: View;
  /** What the people list shows (search, filters, a saved filter, not-following-back). */
  filter: PeopleFilter;
  sort: PeopleSort;
  /** The saved filter the list came from, if any (highlighted in the sidebar). */
  savedFilterId: number | null;
  setView(view: View): void;
  showPeople(filter: PeopleFilter, options?: { sort?: PeopleSort; savedFilterId?: number | null }): void;
  reset(): void;
}

const INITIAL = { view: 'board' as View, filter: {} as PeopleFilter, sort: 'newest' as PeopleSort, savedFilterId: null };

export const useViewStore = create<ViewState>()((set) => ({
  ...INITIAL,
  setView: (view) => set({ view }),
  showPeople: (filter, options = {}) =>
    set((state) => ({
      view: 'people',
      filter,
      sort: options.sort ?? state.sort,
      savedFilterId: options.savedFilterId ?? null,
    })),
  reset: () => set(INITIAL),
}));
