// Closes a menu or popover when the pointer goes down anywhere outside it. Listens in the capture
// phase so a click on another control cannot stop it from hearing.
import { useEffect, useRef } from 'react';
import type { RefObject } from 'react';

export function useOutsidePointerDown(root: RefObject<HTMLElement | null>, listening: boolean, onOutside: () => void): void {
  // The newest callback is used without listening again on every render.
  const latest = useRef(onOutside);
  useEffect(() => {
    latest.current = onOutside;
  });
  useEffect(() => {
    if (!listening) return undefined;
    const onPointerDown = (event: PointerEvent) => {
      if (root.current && event.target instanceof Node && !root.current.contains(event.target)) latest.current();
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => document.removeEventListener('pointerdown', onPointerDown, true);
    // The ref object is stable; only opening and closing changes what to listen for.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [listening]);
}
