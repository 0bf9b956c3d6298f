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
  /** Where Escape in the search box goes back to: the view the search started from. */
  viewBeforeSearch: View;
  setView(view: View): void;
  showPeople(filter: PeopleFilter, options?: { sort?: PeopleSort; savedFilterId?: number | null }): void;
  reset(): void;
}

const INITIAL = {
  view: 'board' as View,
  filter: {} as PeopleFilter,
  sort: 'newest' as PeopleSort,
  savedFilterId: null,
  viewBeforeSearch: 'board' as View,
};

export const useViewStore = create<ViewState>()((set) => ({
  ...INITIAL,
  setView: (view) => set({ view }),
  showPeople: (filter, options = {}) =>
    set((state) => ({
      view: 'people',
      filter,
      sort: options.sort ?? state.sort,
      savedFilterId: options.savedFilterId ?? null,
      viewBeforeSearch: state.view === 'people' ? state.viewBeforeSearch : state.view,
    })),
  reset: () => set(INITIAL),
}));

/** The not-following-back list: people I follow who do not follow me, most recently active first. */
export function showNotFollowingBack(): void {
  useViewStore.getState().showPeople({ relationship: 'notFollowingBack' }, { sort: 'lastActivity' });
}

export function isNotFollowingBackFilter(filter: PeopleFilter): boolean {
  const keys = Object.keys(filter).filter((key) => filter[key as keyof PeopleFilter] !== undefined);
  return keys.length === 1 && filter.relationship === 'notFollowingBack';
}
