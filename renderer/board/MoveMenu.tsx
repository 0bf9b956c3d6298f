// "Move to…": a menu (WAI-ARIA menu pattern) listing the four stages, the current one disabled.
// Rendered in a portal so a column's scroll box does not clip it.
import { useEffect, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import { STAGES, STAGE_LABELS } from '../../shared/domain';
import type { Stage } from '../../shared/domain';
import { useMenuKeyboard } from '../dialogs/useMenuKeyboard';
import { useOutsidePointerDown } from '../dialogs/useOutsidePointerDown';

interface MoveMenuProps {
  displayName: string;
  current: Stage;
  /** Where to show the menu (the element that opened it). */
  anchor: HTMLElement;
  onPick(stage: Stage): void;
  onClose(): void;
}

const MENU_WIDTH = 200;
// Typing a stage's first letter jumps to it.
const STAGE_NAMES = STAGES.map((stage) => STAGE_LABELS[stage]);
const MENU_HEIGHT = 4 * 36 + 40;

function menuPosition(anchor: HTMLElement): { top: number; left: number } {
  const rect = anchor.getBoundingClientRect();
  const top = rect.bottom + MENU_HEIGHT > window.innerHeight ? Math.max(8, rect.top - MENU_HEIGHT) : rect.bottom + 4;
  const left = Math.min(Math.max(8, rect.right - MENU_WIDTH), Math.max(8, window.innerWidth - MENU_WIDTH - 8));
  return { top, left };
}

export function MoveMenu({ displayName, current, anchor, onPick, onClose }: MoveMenuProps) {
  const { active, setActive, itemRef, moveByKey } = useMenuKeyboard(STAGES.length, { labels: STAGE_NAMES });
  const menu = useRef<HTMLDivElement | null>(null);
  // Placed once, when opened; scrolling closes the menu rather than leaving it adrift.
  const [position] = useState(() => menuPosition(anchor));

  useOutsidePointerDown(menu, true, onClose);
  useEffect(() => {
    const onScroll = () => onClose();
    document.addEventListener('scroll', onScroll, true);
    return () => document.removeEventListener('scroll', onScroll, true);
  }, [onClose]);

  const pick = (stage: Stage) => {
    if (stage !== current) onPick(stage);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // Keys handled here must not reach the card underneath (Enter there opens the drawer).
    event.stopPropagation();
    if (event.key === 'Enter' || event.key === ' ') {
      const stage = STAGES[active];
      if (stage) pick(stage);
    } else if (event.key === 'Escape' || event.key === 'Tab') onClose();
    else if (!moveByKey(event.key)) return;
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
          ref={itemRef(i)}
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
