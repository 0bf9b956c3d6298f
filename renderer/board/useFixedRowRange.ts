// Which rows of a fixed-height list are on screen. Every row has the same height, so the range is
// arithmetic on scrollTop: O(1) per scroll, no per-row bookkeeping. A general virtualiser keeps a
// measurement per row, which for a 100,000-follower column means rebuilding a 100,000-entry array
// whenever the row count changes (each sync page, each move) and a long task each time.
import { useLayoutEffect, useState } from 'react';
import type { RefObject } from 'react';

export interface RowRange {
  /** First row to render (overscan included); 0 when there are no rows. */
  first: number;
  /** Last row to render (overscan included); -1 when there are no rows. */
  last: number;
}

export interface ScrollBox {
  scrollTop: number;
  clientHeight: number;
}

/** The rows a viewport shows, widened by `overscan` on both sides and clamped to the list. */
export function rowRangeFor(box: ScrollBox, rowCount: number, rowHeight: number, overscan: number): RowRange {
  if (rowCount <= 0) return { first: 0, last: -1 };
  const top = Math.max(0, box.scrollTop);
  const firstVisible = Math.min(rowCount - 1, Math.floor(top / rowHeight));
  const lastVisible = Math.min(rowCount - 1, Math.max(firstVisible, Math.floor((top + Math.max(box.clientHeight, 1) - 1) / rowHeight)));
  return { first: Math.max(0, firstVisible - overscan), last: Math.min(rowCount - 1, lastVisible + overscan) };
}

function sameRange(a: RowRange, b: RowRange): boolean {
  return a.first === b.first && a.last === b.last;
}

/**
 * Tracks the rendered row range of a scroll container. Re-renders only when the range changes,
 * not on every scroll event.
 */
export function useFixedRowRange(
  listRef: RefObject<HTMLElement | null>,
  rowCount: number,
  rowHeight: number,
  overscan: number,
): RowRange {
  const [range, setRange] = useState<RowRange>(() => rowRangeFor({ scrollTop: 0, clientHeight: 0 }, rowCount, rowHeight, overscan));

  // A layout effect: when the row count changes (the counts or the first page arrived), the rows
  // are computed before the browser paints, not one empty frame later.
  useLayoutEffect(() => {
    const el = listRef.current;
    if (!el) return undefined;
    // The viewport's height is read when it is resized, not on every scroll: reading layout in a
    // scroll handler right after React committed rows forces a synchronous reflow per frame.
    let viewportHeight = el.clientHeight;
    const update = () => {
      const next = rowRangeFor({ scrollTop: el.scrollTop, clientHeight: viewportHeight }, rowCount, rowHeight, overscan);
      setRange((current) => (sameRange(current, next) ? current : next));
    };
    const resized = () => {
      viewportHeight = el.clientHeight;
      update();
    };
    update();
    el.addEventListener('scroll', update, { passive: true });
    let resize: ResizeObserver | null = null;
    if (typeof ResizeObserver === 'function') {
      resize = new ResizeObserver(resized);
      resize.observe(el);
    } else {
      window.addEventListener('resize', resized);
    }
    return () => {
      el.removeEventListener('scroll', update);
      if (resize) resize.disconnect();
      else window.removeEventListener('resize', resized);
    };
  }, [listRef, rowCount, rowHeight, overscan]);

  return range;
}
