// "Move to…": a menu (WAI-ARIA menu pattern) listing the four stages, the current one disabled.
// Rendered in a portal so a column's scroll box does not clip it.
import { useEffect, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import { STAGES, STAGE_LABELS } from '../../shared/domain';
import type { Stage } from '../../shared/domain';

interface MoveMenuProps {
  displayName: string;
  current: Stage;
  /** Where to show the menu (the element that opened it). */
  anchor: HTMLElement;
  onPick(stage: Stage): void;
  onClose(): void;
}

const MENU_WIDTH = 200;
const MENU_HEIGHT = 4 * 36 + 40;

function menuPosition(anchor: HTMLElement): { top: number; left: number } {
  const rect = anchor.getBoundingClientRect();
  const top = rect.bottom + MENU_HEIGHT > window.innerHeight ? Math.max(8, rect.top - MENU_HEIGHT) : rect.bottom + 4;
  const left = Math.min(Math.max(8, rect.right - MENU_WIDTH), Math.max(8, window.innerWidth - MENU_WIDTH - 8));
  return { top, left };
}

export function MoveMenu({ displayName, current, anchor, onPick, onClose }: MoveMenuProps) {
  const [active, setActive] = useState(0);
  const items = useRef<(HTMLButtonElement | null)[]>([]);
  const menu = useRef<HTMLDivElement | null>(null);
  // Placed once, when opened; scrolling closes the menu rather than leaving it adrift.
  const [position] = useState(() => menuPosition(anchor));

  useEffect(() => {
    items.current[active]?.focus();
  }, [active]);

  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      if (menu.current && event.target instanceof Node && !menu.current.contains(event.target)) onClose();
    };
    const onScroll = () => onClose();
    document.addEventListener('pointerdown', onPointerDown, true);
    document.addEventListener('scroll', onScroll, true);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown, true);
      document.removeEventListener('scroll', onScroll, true);
    };
  }, [onClose]);

  const pick = (stage: Stage) => {
    if (stage !== current) onPick(stage);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // Keys handled here must not reach the card underneath (Enter there opens the drawer).
    event.stopPropagation();
    const last = STAGES.length - 1;
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
      case 'Enter':
      case ' ': {
        const stage = STAGES[active];
        if (stage) pick(stage);
        break;
      }
      case 'Escape':
      case 'Tab':
        onClose();
        break;
      default: {
        const typed = event.key.length === 1 ? event.key.toLowerCase() : '';
        const match = typed ? STAGES.findIndex((s) => STAGE_LABELS[s].toLowerCase().startsWith(typed)) : -1;
        if (match >= 0) setActive(match);
        else return;
      }
    }
    event.preventDefault();
  };

  return createPortal(
    <div
      ref={menu}
      className="move-menu"
      role="menu"
      aria-label={`Move ${displayName} to`}
      style={{ top: position.top, left: position.left, width: MENU_WIDTH }}
      onKeyDown={onKeyDown}
      // React bubbles portal events through the card that owns the menu; keep them here.
      onClick={(event) => event.stopPropagation()}
    >
      <div className="move-menu-title" aria-hidden="true">
        Move to…
      </div>
      {STAGES.map((stage, i) => (
        <button
          key={stage}
          ref={(el) => {
            items.current[i] = el;
          }}
          type="button"
          role="menuitem"
          className="move-menu-item"
          data-stage={stage}
          tabIndex={i === active ? 0 : -1}
          aria-disabled={stage === current ? true : undefined}
          onClick={() => pick(stage)}
          onMouseEnter={() => setActive(i)}
        >
          <span className="stage-dot" aria-hidden="true" />
          {STAGE_LABELS[stage]}
          {stage === current ? <span className="move-menu-current" aria-hidden="true">current</span> : null}
        </button>
      ))}
    </div>,
    document.body,
  );
}
