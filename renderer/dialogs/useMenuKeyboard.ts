// Roving focus for a WAI-ARIA menu: one item is tabbable and focused, arrows wrap around, Home and
// End jump. What Escape, Tab and Enter do differs per menu, so those stay with the menu.
import { useEffect, useRef, useState } from 'react';

interface MenuKeyboardOptions {
  /** False while a menu that stays mounted is closed: nothing is focused then. */
  open?: boolean;
  /** Item names; with them, typing a letter moves to the first item that starts with it. */
  labels?: readonly string[];
}

export interface MenuKeyboard {
  active: number;
  setActive(index: number): void;
  /** Ref callback for the item at `index`, so the active one can take focus. */
  itemRef(index: number): (element: HTMLElement | null) => void;
  /** Handles a navigation key; true when it did, so the caller can claim the event. */
  moveByKey(key: string): boolean;
}

export function useMenuKeyboard(count: number, { open = true, labels }: MenuKeyboardOptions = {}): MenuKeyboard {
  const [active, setActive] = useState(0);
  const items = useRef<(HTMLElement | null)[]>([]);

  useEffect(() => {
    if (open) items.current[active]?.focus();
  }, [open, active]);

  const moveByKey = (key: string): boolean => {
    const last = count - 1;
    switch (key) {
      case 'ArrowDown':
        setActive((i) => (i >= last ? 0 : i + 1));
        return true;
      case 'ArrowUp':
        setActive((i) => (i <= 0 ? last : i - 1));
        return true;
      case 'Home':
        setActive(0);
        return true;
      case 'End':
        setActive(last);
        return true;
      default: {
        const typed = labels && key.length === 1 ? key.toLowerCase() : '';
        const match = typed && labels ? labels.findIndex((label) => label.toLowerCase().startsWith(typed)) : -1;
        if (match < 0) return false;
        setActive(match);
        return true;
      }
    }
  };

  const itemRef = (index: number) => (element: HTMLElement | null) => {
    items.current[index] = element;
  };

  return { active, setActive, itemRef, moveByKey };
}
