// The people list: one filter and sort at a time, fetched by offset pages as rows scroll into
// view (queryPeople), with the total from SQL, the selection, and the last bulk move (its undo).
// The renderer never holds the whole list: pages far from the screen are dropped and re-fetched.
import { create } from 'zustand';
import type { PersonCard, Stage } from '../../shared/domain';
import type { PeopleFilter, PeopleSort } from '../../shared/triageTypes';
import { call, toRapportError } from '../api/rapportClient';
import { NO_SELECTION, type RowSelection } from '../lists/rowSelection';

export const PEOPLE_PAGE_SIZE = 100;
/** Pages kept in memory; the farthest from the screen go first. */
export const MAX_LOADED_PAGES = 10;

export interface BulkSummary {
  moved: number;
  to: Stage;
  /** Where the moved people were, for Undo (people who were Connected are left out: see undo). */
  from: { personId: number; stage: 'new' | 'evaluated' | 'declined' }[];
  /** set once Undo ran */
  undone: boolean;
}

export interface PeopleListState {
  accountId: number | null;
  filter: PeopleFilter;
  sort: PeopleSort;
  /** Bumped by every new query: answers to an older one are dropped. */
  generation: number;
  /** How many people match, or null before the first answer. */
  total: number | null;
  /** Loaded rows by page number (page n holds rows n*PEOPLE_PAGE_SIZE…). */
  pages: Record<number, PersonCard[]>;
  error: string | null;
  selection: RowSelection;
  lastBulk: BulkSummary | null;
  /** A sentence about the last thing that could not be done (a refused move, a spent budget). */
  notice: string | null;
}

const INITIAL: PeopleListState = {
  accountId: null,
  filter: {},
  sort: 'newest',
  generation: 0,
  total: null,
  pages: {},
  error: null,
  selection: NO_SELECTION,
  lastBulk: null,
  notice: null,
};

export const usePeopleListStore = create<PeopleListState>()(() => INITIAL);

export function resetPeopleList(): void {
  inFlight.clear();
  usePeopleListStore.setState(INITIAL);
}

const inFlight = new Set<string>();
/** Pages the screen showed last, so a refresh re-reads what is on screen first. */
let lastShown: { first: number; last: number } = { first: 0, last: 0 };

/**
 * Shows this filter and sort from the top (new total, no selection). Called when the list opens
 * and whenever its filter or sort changes, so what it shows is never older than the visit.
 */
export function openPeopleList(accountId: number, filter: PeopleFilter, sort: PeopleSort): void {
  const state = usePeopleListStore.getState();
  inFlight.clear();
  usePeopleListStore.setState({
    ...INITIAL,
    accountId,
    filter,
    sort,
    generation: state.generation + 1,
    lastBulk: state.accountId === accountId ? state.lastBulk : null,
  });
  lastShown = { first: 0, last: 0 };
  void loadPage(0);
}

export function rowAt(index: number): PersonCard | undefined {
  const page = usePeopleListStore.getState().pages[Math.floor(index / PEOPLE_PAGE_SIZE)];
  return page?.[index % PEOPLE_PAGE_SIZE];
}

async function loadPage(page: number): Promise<void> {
  const { accountId, filter, sort, generation } = usePeopleListStore.getState();
  if (accountId === null) return;
  const key = `${generation}:${page}`;
  if (inFlight.has(key)) return;
  inFlight.add(key);
  try {
    const result = await call('queryPeople', { accountId, filter, sort, limit: PEOPLE_PAGE_SIZE, offset: page * PEOPLE_PAGE_SIZE });
    if (usePeopleListStore.getState().generation !== generation) return;
    usePeopleListStore.setState((s) => ({ pages: keepNear({ ...s.pages, [page]: result.items }, page), total: result.total, error: null }));
  } catch (error) {
    if (usePeopleListStore.getState().generation === generation) usePeopleListStore.setState({ error: toRapportError(error).message });
  } finally {
    inFlight.delete(key);
  }
}

/** Drops the pages farthest from `center` once more than MAX_LOADED_PAGES are held. */
function keepNear(pages: Record<number, PersonCard[]>, center: number): Record<number, PersonCard[]> {
  const numbers = Object.keys(pages).map(Number);
  if (numbers.length <= MAX_LOADED_PAGES) return pages;
  const keep = numbers.sort((a, b) => Math.abs(a - center) - Math.abs(b - center)).slice(0, MAX_LOADED_PAGES);
  return Object.fromEntries(keep.map((n) => [n, pages[n] as PersonCard[]]));
}

/** The rows first…last are on screen: fetch the pages they fall in that are not loaded. */
export function showRows(first: number, last: number): void {
  lastShown = { first, last };
  const { pages, total } = usePeopleListStore.getState();
  if (total === null) return;
  const lastRow = Math.min(last, total - 1);
  for (let page = Math.floor(first / PEOPLE_PAGE_SIZE); page <= Math.floor(lastRow / PEOPLE_PAGE_SIZE); page++) {
    if (!pages[page]) void loadPage(page);
  }
}

/** Something changed in core: re-read the total and the pages on screen, keep the selection. */
export async function refreshPeopleList(): Promise<void> {
  const state = usePeopleListStore.getState();
  if (state.accountId === null || state.generation === 0) return;
  const { first, last } = lastShown;
  const wanted = new Set<number>([0]);
  for (let page = Math.floor(first / PEOPLE_PAGE_SIZE); page <= Math.floor(last / PEOPLE_PAGE_SIZE); page++) wanted.add(page);
  inFlight.clear();
  // Pages off screen are stale now: drop them, they are fetched again when scrolled to.
  usePeopleListStore.setState((s) => ({ pages: Object.fromEntries(Object.entries(s.pages).filter(([n]) => wanted.has(Number(n)))) }));
  await Promise.all([...wanted].map((page) => loadPage(page)));
}

/** Puts fresher copies of some cards in place (an action's status changed). */
export function replaceCards(cards: PersonCard[]): void {
  const byId = new Map(cards.map((card) => [card.personId, card]));
  usePeopleListStore.setState((s) => ({
    pages: Object.fromEntries(Object.entries(s.pages).map(([n, items]) => [n, items.map((card) => byId.get(card.personId) ?? card)])),
  }));
}

export function setSelection(selection: RowSelection): void {
  usePeopleListStore.setState({ selection });
}

export function setNotice(notice: string | null): void {
  usePeopleListStore.setState({ notice });
}
