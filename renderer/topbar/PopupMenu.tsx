// A button that opens a menu (WAI-ARIA menu button pattern): arrows move, Enter or Space picks,
// Escape closes and gives focus back to the button, a click elsewhere closes.
import { useId, useRef, useState } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';
import { useMenuKeyboard } from '../dialogs/useMenuKeyboard';
import { useOutsidePointerDown } from '../dialogs/useOutsidePointerDown';

export interface PopupMenuItem {
  key: string;
  label: ReactNode;
  /** menuitemradio items show which one is chosen (the account switcher). */
  checked?: boolean;
  disabled?: boolean;
  onSelect(): void;
}

interface PopupMenuProps {
  /** The button's accessible name. */
  label: string;
  buttonClassName?: string;
  buttonContent: ReactNode;
  /** radio: items are menuitemradio (one of them checked). */
  kind?: 'action' | 'radio';
  items: PopupMenuItem[];
  /** Extra items after the first group (e.g. "Add account…" below the accounts). */
  trailingItems?: PopupMenuItem[];
  align?: 'start' | 'end';
}

export function PopupMenu({ label, buttonClassName, buttonContent, kind = 'action', items, trailingItems = [], align = 'start' }: PopupMenuProps) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement | null>(null);
  const root = useRef<HTMLDivElement | null>(null);
  const menuId = useId();
  const all = [...items, ...trailingItems];
  const { active, setActive, itemRef, moveByKey } = useMenuKeyboard(all.length, { open });

  useOutsidePointerDown(root, open, () => setOpen(false));

  const openAt = (index: number) => {
    setActive(Math.max(0, Math.min(index, all.length - 1)));
    setOpen(true);
  };
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };
  const pick = (item: PopupMenuItem) => {
    if (item.disabled) return;
    close(true);
    item.onSelect();
  };

  const onMenuKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    event.stopPropagation();
    if (event.key === 'Escape') close(true);
    else if (event.key === 'Tab') {
      // Tab leaves the menu the usual way: focus moves on to the next control.
      close(false);
      return;
    } else if (!moveByKey(event.key)) return;
    event.preventDefault();
  };

  const renderItem = (item: PopupMenuItem, index: number, role: 'menuitem' | 'menuitemradio') => (
    <button
      key={item.key}
      ref={itemRef(index)}
      type="button"
      role={role}
      aria-checked={role === 'menuitemradio' ? item.checked === true : undefined}
      aria-disabled={item.disabled || undefined}
      tabIndex={index === active ? 0 : -1}
      className="popup-menu-item"
      onClick={() => pick(item)}
      onMouseEnter={() => setActive(index)}
    >
      {item.label}
    </button>
  );

  return (
    <div className="popup-menu-root" ref={root}>
      <button
        ref={button}
        type="button"
        className={buttonClassName ?? 'button button-quiet'}
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => (open ? close(false) : openAt(0))}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            openAt(0);
          } else if (event.key === 'ArrowUp') {
            event.preventDefault();
            openAt(all.length - 1);
          }
        }}
      >
        {buttonContent}
      </button>
      {open ? (
        <div id={menuId} role="menu" aria-label={label} className={`popup-menu popup-menu-${align}`} onKeyDown={onMenuKeyDown}>
          {items.map((item, index) => renderItem(item, index, kind === 'radio' ? 'menuitemradio' : 'menuitem'))}
          {trailingItems.length > 0 ? <div role="separator" className="popup-menu-separator" /> : null}
          {trailingItems.map((item, index) => renderItem(item, items.length + index, 'menuitem'))}
        </div>
      ) : null}
    </div>
  );
}
