// Keeps keyboard focus inside a modal while it is open and gives it back when it closes.
import { useEffect, useState } from 'react';
import type { RefObject } from 'react';

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * @param fallbackFocus where focus goes on close if the element that had it is gone
 *   (e.g. a card that was virtualised away).
 */
export function useFocusTrap(
  container: RefObject<HTMLElement | null>,
  initialFocus: RefObject<HTMLElement | null>,
  fallbackFocus?: () => HTMLElement | null,
): void {
  // Captured while rendering, before the commit makes the rest of the app inert (which would
  // already have moved focus to <body>).
  const [previous] = useState(() => (document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null));
  useEffect(() => {
    (initialFocus.current ?? container.current)?.focus();

    const onKeyDown = (event: KeyboardEvent) => {
      const root = container.current;
      if (event.key !== 'Tab' || !root) return;
      const focusable = Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE));
      const first = focusable[0];
      const last = focusable[focusable.length - 1];
      if (!first || !last) {
        event.preventDefault();
        return;
      }
      const active = document.activeElement;
      if (event.shiftKey && (active === first || !root.contains(active))) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && (active === last || !root.contains(active))) {
        event.preventDefault();
        first.focus();
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      const target = previous && previous.isConnected ? previous : (fallbackFocus?.() ?? null);
      // Passive cleanups run after the commit that lifted `inert`, so the target can take focus.
      target?.focus();
    };
    // Runs once per opening: the refs and fallback are read when needed, not tracked.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}
