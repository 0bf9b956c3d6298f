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
  /**
   * The view the next account's board opens on instead of the board: the last view at start
   * (lastView.ts), or Review when a notification or the tray asks for another account's Review.
   */
  pendingView: View | null;
  setView(view: View): void;
  /** Opens `view` once the account switch under way resets the view (see reset). */
  showAfterSwitch(view: View): void;
  showPeople(filter: PeopleFilter, options?: { sort?: PeopleSort; savedFilterId?: number | null }): void;
  /** Back to the board for an account just selected, or to `pendingView` when one waits. */
  reset(accountId?: number | null): void;
}

const INITIAL = {
  view: 'board' as View,
  filter: {} as PeopleFilter,
  sort: 'newest' as PeopleSort,
  savedFilterId: null,
  viewBeforeSearch: 'board' as View,
  pendingView: null as View | null,
};

export const useViewStore = create<ViewState>()((set) => ({
  ...INITIAL,
  setView: (view) => set({ view }),
  showAfterSwitch: (view) => set({ pendingView: view }),
  showPeople: (filter, options = {}) =>
    set((state) => ({
      view: 'people',
      filter,
      sort: options.sort ?? state.sort,
      savedFilterId: options.savedFilterId ?? null,
      viewBeforeSearch: state.view === 'people' ? state.viewBeforeSearch : state.view,
    })),
  reset: (accountId) =>
    set((state) =>
      // Without an account (nothing selected yet) the pending view waits for the first one.
      accountId === undefined || accountId === null
        ? { ...INITIAL, pendingView: state.pendingView }
        : { ...INITIAL, view: state.pendingView ?? 'board' },
    ),
}));

/** The not-following-back list: people I follow who do not follow me, most recently active first. */
export function showNotFollowingBack(): void {
  useViewStore.getState().showPeople({ relationship: 'notFollowingBack' }, { sort: 'lastActivity' });
}

/** Everyone the account knows, newest first. */
export function showAllPeople(): void {
  useViewStore.getState().showPeople({}, { sort: 'newest' });
}

/** The Snoozed list: everyone snoozed, each with the day they come back. */
export function showSnoozed(): void {
  useViewStore.getState().showPeople({ snoozed: true }, { sort: 'newest' });
}

/** The saved view "Engages with you, not followed back": they talk to me, I do not follow them; most engaged first. */
export const ENGAGES_NOT_FOLLOWED_BACK: Readonly<PeopleFilter> = Object.freeze({ engages: true, relationship: 'notFollowedBack' });

export function showEngagesNotFollowedBack(): void {
  useViewStore.getState().showPeople({ ...ENGAGES_NOT_FOLLOWED_BACK }, { sort: 'engaged' });
}

function filterKeys(filter: PeopleFilter): string[] {
  return Object.keys(filter).filter((k) => filter[k as keyof PeopleFilter] !== undefined);
}

/** The list shows everyone (the sidebar's People entry). */
export function isAllPeopleFilter(filter: PeopleFilter): boolean {
  return filterKeys(filter).length === 0;
}

export function isSnoozedFilter(filter: PeopleFilter): boolean {
  const keys = filterKeys(filter);
  return keys.length === 1 && filter.snoozed === true;
}

export function isNotFollowingBackFilter(filter: PeopleFilter): boolean {
  const keys = Object.keys(filter).filter((key) => filter[key as keyof PeopleFilter] !== undefined);
  return keys.length === 1 && filter.relationship === 'notFollowingBack';
}

export function isEngagesNotFollowedBackFilter(filter: PeopleFilter): boolean {
  const keys = filterKeys(filter);
  return keys.length === 2 && filter.engages === true && filter.relationship === 'notFollowedBack';
}
