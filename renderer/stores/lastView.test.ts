// The window reopens on the view it showed last: board, Review or stats; never a people list (it
// needs its filter) and never something unreadable.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { followLastView, readLastView } from './lastView';
import { useViewStore } from './viewStore';

/** The page's localStorage, in memory (the same Storage interface). */
class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  get length(): number {
    return this.items.size;
  }
  clear(): void {
    this.items.clear();
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  setItem(key: string, value: string): void {
    this.items.set(key, String(value));
  }
}

let localStorage: MemoryStorage;
beforeEach(() => {
  localStorage = new MemoryStorage();
});
afterEach(() => {
  useViewStore.setState({ view: 'board', pendingView: null });
});

describe('last view', () => {
  it('is remembered as the view changes and opens the first account on it', () => {
    const stop = followLastView(localStorage);
    useViewStore.getState().setView('stats');
    useViewStore.getState().showPeople({ stages: ['new'] });
    stop();
    expect(readLastView(localStorage)).toBe('stats');

    followLastView(localStorage)();
    expect(useViewStore.getState().pendingView).toBe('stats');
    useViewStore.getState().reset(null);
    expect(useViewStore.getState().view).toBe('board');
    useViewStore.getState().reset(1);
    expect(useViewStore.getState().view).toBe('stats');
    expect(useViewStore.getState().pendingView).toBeNull();
  });

  it('starts a reloaded page on the board, still remembering the view', () => {
    localStorage.setItem('rapport.lastView', 'review');
    const stop = followLastView(localStorage, { restore: false });
    expect(useViewStore.getState().pendingView).toBeNull();
    useViewStore.getState().setView('stats');
    stop();
    expect(readLastView(localStorage)).toBe('stats');
  });

  it('falls back to the board for anything it does not know', () => {
    localStorage.setItem('rapport.lastView', 'people');
    expect(readLastView(localStorage)).toBeNull();
    localStorage.setItem('rapport.lastView', '<script>');
    expect(readLastView(localStorage)).toBeNull();
  });
});
