// The first tab stop: jumps past the top bar and the sidebar to the view itself (the board's
// first column, Review's decisions, the people list), for keyboard and screen-reader users.
import type { MouseEvent } from 'react';

const FOCUSABLE = '[tabindex="0"], button:not([disabled]), a[href], input, select, textarea';

function focusMainView(event: MouseEvent<HTMLAnchorElement>): void {
  event.preventDefault();
  const view = document.querySelector<HTMLElement>('.workspace > :last-child');
  const target = view?.querySelector<HTMLElement>(FOCUSABLE) ?? view;
  if (!target) return;
  if (target === view && !view.hasAttribute('tabindex')) view.setAttribute('tabindex', '-1');
  target.focus();
}

export function SkipLink() {
  return (
    <a className="skip-link" href="#main-view" onClick={focusMainView}>
      Skip to main content
    </a>
  );
}
