import { describe, expect, it } from 'vitest';
import {
  EMPTY_WINDOW,
  appendPage,
  cardAt,
  hasMoreAfter,
  hasMoreBefore,
  insertCard,
  prependPage,
  removeCard,
  reuseUnchangedCards,
  virtualRowCount,
  windowEnd,
  windowLength,
} from './columnWindow';
import type { ColumnWindow, LoadedPage } from './columnWindow';
import type { PersonCard } from '../../shared/domain';


/** Cards as core's pages carry them; only their ids and order matter to a window. */
const people: PersonCard[] = Array.from({ length: 3000 }, (_, i) => ({
  personId: i + 1,
  handle: `person${i + 1}.sample`,
  displayName: `Person ${i + 1}`,
  avatarUrl: null,
  followersCount: 0,
  followingCount: 0,
  bioSnippet: '',
  stage: 'new',
  followsMe: true,
  iFollow: false,
  followedMeAt: null,
  stageChangedAt: '2026-01-01T00:00:00.000Z',
}));

function page(from: number, size: number, total = people.length): LoadedPage {
  return {
    items: people.slice(from, from + size),
    afterCursor: from === 0 ? null : `c${from - 1}`,
    prevCursor: from === 0 ? null : `c${from}`,
    nextCursor: from + size >= total ? null : `c${from + size - 1}`,
  };
}

function scrollDown(pages: number, size = 100, max = 1000): ColumnWindow {
  let w = EMPTY_WINDOW;
  for (let p = 0; p < pages; p++) w = appendPage(w, page(p * size, size), max);
  return w;
}

describe('columnWindow', () => {
  it('keeps at most maxItems cards however far the user scrolls, with stable row numbers', () => {
    const w = scrollDown(25);
    expect(windowLength(w)).toBe(1000);
    expect(w.offset).toBe(1500);
    expect(cardAt(w, 1500)?.personId).toBe(people[1500]?.personId);
    expect(cardAt(w, 2499)?.personId).toBe(people[2499]?.personId);
    expect(cardAt(w, 1499)).toBeUndefined();
    expect(hasMoreBefore(w)).toBe(true);
  });

  it('scrolling back prepends pages into the same rows and drops pages at the far end', () => {
    const down = scrollDown(25);
    const { window: w, shift } = prependPage(down, page(1400, 100), 1000);
    expect(shift).toBe(0);
    expect(w.offset).toBe(1400);
    expect(windowLength(w)).toBe(1000);
    expect(cardAt(w, 1400)?.personId).toBe(people[1400]?.personId);
    expect(windowEnd(w)).toBe(2400);
    // The page after the new one now knows how to be re-read going forward.
    expect(w.pages[1]?.afterCursor).toBe('c1499');
  });

  it('re-bases rows when the top of the column arrives earlier than predicted', () => {
    const w: ColumnWindow = { pages: [page(200, 100)], offset: 250, loaded: true };
    const top = { ...page(0, 200), prevCursor: null };
    const result = prependPage(w, top, 1000);
    expect(result.shift).toBe(-50);
    expect(result.window.offset).toBe(0);
  });

  it('spans the whole column as counted, and the real end once the window reached it', () => {
    const w = scrollDown(2);
    expect(hasMoreAfter(w)).toBe(true);
    expect(virtualRowCount(w, 3000)).toBe(3000);
    expect(virtualRowCount(EMPTY_WINDOW, 3000)).toBe(3000);
    const end = scrollDown(30);
    expect(hasMoreAfter(end)).toBe(false);
    // A count that lags behind (people removed meanwhile) does not leave blank rows at the end.
    expect(virtualRowCount(end, 3100)).toBe(3000);
  });

  it('removes a card and puts it back at the same row', () => {
    const w = scrollDown(2);
    const target = people[150];
    if (!target) throw new Error('fixture');
    const removed = removeCard(w, target.personId);
    expect(removed?.index).toBe(150);
    expect(windowLength(removed?.window ?? w)).toBe(199);
    expect(cardAt(removed?.window ?? w, 150)?.personId).toBe(people[151]?.personId);
    const restored = insertCard(removed?.window ?? w, 150, target);
    expect(cardAt(restored, 150)).toBe(target);
    expect(windowLength(restored)).toBe(200);
  });

  it('reuses unchanged card objects so memoised cards do not re-render', () => {
    const [a, b] = people;
    if (!a || !b) throw new Error('fixture');
    const previous = new Map([
      [a.personId, a],
      [b.personId, b],
    ]);
    const fresh = reuseUnchangedCards([{ ...a }, { ...b, followersCount: b.followersCount + 1 }], previous);
    expect(fresh[0]).toBe(a);
    expect(fresh[1]).not.toBe(b);
  });
});
