// A button that opens a menu (WAI-ARIA menu button pattern): arrows move, Enter or Space picks,
// Escape closes and gives focus back to the button, a click elsewhere closes.
import { useEffect, useId, useRef, useState } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';

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
  const [active, setActive] = useState(0);
  const button = useRef<HTMLButtonElement | null>(null);
  const root = useRef<HTMLDivElement | null>(null);
  const itemRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const menuId = useId();
  const all = [...items, ...trailingItems];

  useEffect(() => {
    if (open) itemRefs.current[active]?.focus();
  }, [open, active]);

  useEffect(() => {
    if (!open) return undefined;
    const onPointerDown = (event: PointerEvent) => {
      if (root.current && event.target instanceof Node && !root.current.contains(event.target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => document.removeEventListener('pointerdown', onPointerDown, true);
  }, [open]);

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
    const last = all.length - 1;
    switch (event.key) {
      case 'ArrowDown':
        setActive((i) => (i >= last ? 0 : i + 1));
        break;
      case 'ArrowUp':
        setActive((i) => (i <= 0 ? last : i - 1));
        break;
      case 'Home':
        setActive(0);
        break;
      case 'End':
        setActive(last);
        break;
      case 'Escape':
        close(true);
        break;
      case 'Tab':
        close(false);
        return;
      default:
        return;
    }
    event.preventDefault();
  };

  const renderItem = (item: PopupMenuItem, index: number, role: 'menuitem' | 'menuitemradio') => (
    <button
      key={item.key}
      ref={(el) => {
        itemRefs.current[index] = el;
      }}
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
