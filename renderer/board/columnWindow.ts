// A bounded, contiguous window of one board column, made of keyset pages. The column is never
// loaded whole: pages are appended or prepended as the user scrolls and far pages are dropped,
// so memory stays bounded however long the column is. Pure functions; the board store owns state.
import type { PersonCard } from '../../shared/domain';

export interface LoadedPage {
  items: PersonCard[];
  /**
   * The cursor that fetches this same page going forward: null means "from the top of the column",
   * undefined means not known yet (a page loaded backward learns it when its predecessor arrives).
   */
  afterCursor: string | null | undefined;
  prevCursor: string | null;
  nextCursor: string | null;
}

export interface ColumnWindow {
  pages: LoadedPage[];
  /** Virtual index (row in the column) of the first loaded card. */
  offset: number;
  /** False until the first page arrived. */
  loaded: boolean;
}

export const EMPTY_WINDOW: ColumnWindow = { pages: [], offset: 0, loaded: false };

export function windowLength(w: ColumnWindow): number {
  let n = 0;
  for (const page of w.pages) n += page.items.length;
  return n;
}

export function windowEnd(w: ColumnWindow): number {
  return w.offset + windowLength(w);
}

export function hasMoreAfter(w: ColumnWindow): boolean {
  if (!w.loaded) return true;
  const last = w.pages[w.pages.length - 1];
  return last ? last.nextCursor !== null : false;
}

export function hasMoreBefore(w: ColumnWindow): boolean {
  const first = w.pages[0];
  return first ? first.prevCursor !== null && first.afterCursor !== null : false;
}

/** The card at a virtual row, or undefined for a row outside the window (a placeholder). */
export function cardAt(w: ColumnWindow, index: number): PersonCard | undefined {
  let i = index - w.offset;
  if (i < 0) return undefined;
  for (const page of w.pages) {
    if (i < page.items.length) return page.items[i];
    i -= page.items.length;
  }
  return undefined;
}

export function indexOfPerson(w: ColumnWindow, personId: number): number {
  let base = w.offset;
  for (const page of w.pages) {
    const i = page.items.findIndex((card) => card.personId === personId);
    if (i >= 0) return base + i;
    base += page.items.length;
  }
  return -1;
}

/**
 * Rows the virtualizer should show: the whole column as counted by SQL, so the scrollbar tells
 * the truth and can be dragged anywhere. Rows outside the window render as placeholders until
 * their page arrives. When the window reached the real end, that end wins over a stale count.
 */
export function virtualRowCount(w: ColumnWindow, totalCount: number): number {
  const end = windowEnd(w);
  if (w.loaded && !hasMoreAfter(w)) return end;
  return Math.max(totalCount, end);
}

/** Adds a page after the window and drops pages from the start beyond maxItems. */
export function appendPage(w: ColumnWindow, page: LoadedPage, maxItems: number): ColumnWindow {
  const pages = [...w.pages, page];
  let offset = w.offset;
  let length = windowLength(w) + page.items.length;
  while (length > maxItems && pages.length > 1) {
    const dropped = pages.shift();
    if (!dropped) break;
    offset += dropped.items.length;
    length -= dropped.items.length;
  }
  return { pages, offset, loaded: true };
}

export interface PrependResult {
  window: ColumnWindow;
  /** Rows every card moved down by, when the start of the column turned out to be elsewhere. */
  shift: number;
}

/** Adds a page before the window (loaded backward) and drops pages from the end beyond maxItems. */
export function prependPage(w: ColumnWindow, page: LoadedPage, maxItems: number): PrependResult {
  const atStart = page.prevCursor === null;
  const added: LoadedPage = { ...page, afterCursor: atStart ? null : undefined };
  const [oldFirst, ...rest] = w.pages;
  const pages = oldFirst ? [added, { ...oldFirst, afterCursor: page.nextCursor ?? oldFirst.afterCursor }, ...rest] : [added];
  let offset = w.offset - page.items.length;
  let length = windowLength(w) + page.items.length;
  while (length > maxItems && pages.length > 1) {
    const dropped = pages.pop();
    if (!dropped) break;
    length -= dropped.items.length;
  }
  // Rows are indexed from the top of the column. If the top arrived at another row than
  // predicted (people were added or removed above us meanwhile), re-base and report the shift
  // so the view can keep the same cards under the user's eyes.
  let shift = 0;
  if (atStart && offset !== 0) shift = -offset;
  else if (offset < 0) shift = -offset;
  offset += shift;
  return { window: { pages, offset, loaded: true }, shift };
}

export interface RemovedCard {
  window: ColumnWindow;
  card: PersonCard;
  index: number;
}

export function removeCard(w: ColumnWindow, personId: number): RemovedCard | null {
  let base = w.offset;
  for (let p = 0; p < w.pages.length; p++) {
    const page = w.pages[p];
    if (!page) continue;
    const i = page.items.findIndex((card) => card.personId === personId);
    if (i >= 0) {
      const card = page.items[i];
      if (!card) return null;
      const items = [...page.items.slice(0, i), ...page.items.slice(i + 1)];
      const pages = w.pages.map((existing, k) => (k === p ? { ...existing, items } : existing));
      return { window: { ...w, pages }, card, index: base + i };
    }
    base += page.items.length;
  }
  return null;
}

/** Puts a card back at a virtual row (clamped into the window); used to roll back a failed move. */
export function insertCard(w: ColumnWindow, index: number, card: PersonCard): ColumnWindow {
  if (indexOfPerson(w, card.personId) >= 0) return w;
  if (w.pages.length === 0) {
    return { ...w, pages: [{ items: [card], afterCursor: null, prevCursor: null, nextCursor: null }], loaded: true };
  }
  let i = Math.max(0, index - w.offset);
  const pages = [...w.pages];
  for (let p = 0; p < pages.length; p++) {
    const page = pages[p];
    if (!page) continue;
    const isLast = p === pages.length - 1;
    if (i <= page.items.length && (i < page.items.length || isLast)) {
      pages[p] = { ...page, items: [...page.items.slice(0, i), card, ...page.items.slice(i)] };
      return { ...w, pages };
    }
    i -= page.items.length;
  }
  return w;
}

/**
 * Reuses the previous card object when nothing in it changed, so memoised card components
 * do not re-render after a refresh that brought the same data.
 */
export function reuseUnchangedCards(items: PersonCard[], previous: ReadonlyMap<number, PersonCard>): PersonCard[] {
  return items.map((card) => {
    const old = previous.get(card.personId);
    return old && sameCard(old, card) ? old : card;
  });
}

export function cardsById(w: ColumnWindow): Map<number, PersonCard> {
  const map = new Map<number, PersonCard>();
  for (const page of w.pages) for (const card of page.items) map.set(card.personId, card);
  return map;
}

function sameCard(a: PersonCard, b: PersonCard): boolean {
  const keys = Object.keys(b) as (keyof PersonCard)[];
  if (keys.length !== Object.keys(a).length) return false;
  return keys.every((key) => a[key] === b[key]);
}

/** Start row of each page, for choosing where a refresh re-reads from. */
export function pageStarts(w: ColumnWindow): number[] {
  const starts: number[] = [];
  let base = w.offset;
  for (const page of w.pages) {
    starts.push(base);
    base += page.items.length;
  }
  return starts;
}
