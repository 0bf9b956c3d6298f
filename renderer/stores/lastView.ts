// The view the window showed last (board, Review or stats), kept in the page's localStorage so the
// window reopens on it. A people list is not kept: it needs the filter it was opened with.
// (Window size and place are main's, in window-state.json.)
import { useViewStore, VIEWS, type View } from './viewStore';

const KEY = 'rapport.lastView';
const KEPT: ReadonlySet<View> = new Set<View>(['board', 'review', 'stats']);

export function readLastView(storage: Storage = localStorage): View | null {
  try {
    const stored = storage.getItem(KEY);
    return stored !== null && (VIEWS as readonly string[]).includes(stored) && KEPT.has(stored as View) ? (stored as View) : null;
  } catch {
    return null;
  }
}

/**
 * A reload (View → Reload, or a test harness reloading the page) starts on the board as it always
 * did; opening the window starts where the user left it.
 */
export function pageWasReloaded(): boolean {
  if (typeof performance === 'undefined' || typeof performance.getEntriesByType !== 'function') return false;
  return performance.getEntriesByType('navigation').some((entry) => (entry as PerformanceNavigationTiming).type === 'reload');
}

/** Opens the first account on the last view (unless told not to), then keeps the last view up to date. */
export function followLastView(storage: Storage = localStorage, { restore = true }: { restore?: boolean } = {}): () => void {
  const last = restore ? readLastView(storage) : null;
  if (last !== null && useViewStore.getState().pendingView === null) useViewStore.getState().showAfterSwitch(last);
  return useViewStore.subscribe((state, previous) => {
    if (state.view === previous.view || !KEPT.has(state.view)) return;
    try {
      storage.setItem(KEY, state.view);
    } catch {
      // Storage full or refused: the window simply opens on the board next time.
    }
  });
}
