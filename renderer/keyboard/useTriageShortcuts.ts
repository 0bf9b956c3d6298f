// Window-wide triage keys. On the board they act on the focused card (the selection): j/k and
// arrows move it, e/c/d/n decide, u undoes. In Review they act on the person on screen. `/`
// searches, Ctrl/Cmd+K opens the palette, `g` then a letter goes to a view, `?` lists every key. Typing in a field, an open dialog or menu, and keys with
// Ctrl/Alt/Meta are left alone.
import { useEffect } from 'react';
import type { Stage } from '../../shared/domain';
import { STAGES } from '../../shared/domain';
import { useBoardStore } from '../stores/boardStore';
import { focusCardBeside, focusFirstVisibleCard } from '../stores/cardFocus';
import { useViewStore } from '../stores/viewStore';
import { decideCurrent, skipCurrent, undoInReview, useReviewStore } from '../review/reviewStore';
import { decide, undoLastMove } from './triageMoves';
import { markOpenedDone } from '../actions/CardStatus';
import { useShortcutsDialogStore } from './shortcutsDialogStore';
import { announce } from '../stores/announcerStore';
import { showInfo } from '../stores/toastStore';
import { usePaletteStore } from '../palette/paletteStore';
import { VIEW_COMMANDS } from '../palette/paletteCommands';

/** After `g`, the next key within this long picks a view (g b board, g r review…). */
const GO_TO_WINDOW_MS = 1500;
let goToPressedAt = -Infinity;

/** `g` then a view's key: the view. True when the key was part of a `g` sequence. */
function goToKey(key: string): boolean {
  const pending = performance.now() - goToPressedAt < GO_TO_WINDOW_MS;
  if (key === 'g' && !pending) {
    goToPressedAt = performance.now();
    return true;
  }
  if (!pending) return false;
  goToPressedAt = -Infinity;
  const command = VIEW_COMMANDS.find((c) => c.key === key);
  command?.run();
  // An unknown second key ends the sequence and does nothing else: `g d` never declines.
  return true;
}

const DECISION_KEYS: Record<string, Stage> = { e: 'evaluated', c: 'connected', d: 'declined', n: 'new' };

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT';
}

/** A dialog, alert dialog or menu is open: its own keys win. */
function overlayOpen(): boolean {
  return document.querySelector('[aria-modal="true"], [role="alertdialog"], [role="menu"]') !== null;
}

function focusedCard(): { element: HTMLElement; personId: number; stage: Stage } | null {
  const active = document.activeElement;
  if (!(active instanceof HTMLElement) || active.dataset.testid !== 'card') return null;
  const personId = Number(active.dataset.personId);
  const stage = STAGES.find((s) => s === active.dataset.stage);
  return Number.isInteger(personId) && stage ? { element: active, personId, stage } : null;
}

function boardKey(key: string, accountId: number): boolean {
  const card = focusedCard();
  if (key === 'j' || key === 'k' || key === 'ArrowDown' || key === 'ArrowUp') {
    const direction = key === 'j' || key === 'ArrowDown' ? 'down' : 'up';
    if (card) focusCardBeside(card.personId, card.stage, direction);
    else focusFirstVisibleCard('new');
    return true;
  }
  if (key === 'u') {
    void undoLastMove(accountId);
    return true;
  }
  if (key === 'y') {
    // The focused card's follow or message was opened on the network's page and done there.
    const loaded = card ? cardOnBoard(card.personId, card.stage) : null;
    if (!loaded || !markOpenedDone(loaded, accountId)) tell('Nothing opened on the network’s page waits to be marked done here');
    return true;
  }
  const to = DECISION_KEYS[key];
  if (!to) return false;
  if (!card) return decideFirstNew(accountId, to);
  const loaded = cardOnBoard(card.personId, card.stage);
  if (loaded && card.stage !== to) void decide(accountId, loaded, card.stage, to, { focusNext: true });
  return true;
}

/** e / c / d with nothing selected: the first card of New (the one `j` would select), or why not. */
function decideFirstNew(accountId: number, to: Stage): boolean {
  if (to === 'new') {
    tell('Select a card first: j or the arrows pick one');
    return true;
  }
  const first = useBoardStore.getState().columns.new.window.pages.find((page) => page.items.length > 0)?.items[0];
  if (!first) {
    tell('Nobody is waiting in New');
    return true;
  }
  void decide(accountId, first, 'new', to, { focusNext: false });
  return true;
}

function tell(message: string): void {
  announce(message);
  showInfo(message);
}

function cardOnBoard(personId: number, stage: Stage) {
  for (const page of useBoardStore.getState().columns[stage].window.pages) {
    const card = page.items.find((c) => c.personId === personId);
    if (card) return card;
  }
  return null;
}

/** Space / Page Down / Page Up scroll the profile in Review, whatever has focus (but a button's Space is its own). */
function scrollReview(key: string, target: EventTarget | null): boolean {
  if (key === ' ' && target instanceof HTMLElement && target.closest('button, a, summary, [role="button"], [role="menuitem"]')) return false;
  const scroller = document.querySelector<HTMLElement>('[data-testid="review-scroll"]');
  if (!scroller) return false;
  const sticky = scroller.querySelector<HTMLElement>('[data-testid="review-sticky"]')?.offsetHeight ?? 0;
  // A page less what stays on screen (the sticky head) and a line of overlap, as browsers do.
  const page = Math.max(40, scroller.clientHeight - sticky - 40);
  scroller.scrollTop += key === 'PageUp' ? -page : page;
  return true;
}

function reviewKey(key: string, target: EventTarget | null): boolean {
  switch (key) {
    case ' ':
    case 'PageDown':
    case 'PageUp':
      return scrollReview(key, target);
    case 'e':
    case 'c':
    case 'd': {
      const to = DECISION_KEYS[key];
      if (to) void decideCurrent(to);
      return true;
    }
    case 's':
      skipCurrent();
      return true;
    case 'u':
      void undoInReview();
      return true;
    case 'o': {
      const current = useReviewStore.getState().queue[0];
      const url = current ? useReviewStore.getState().profiles[current.personId]?.profileUrl : null;
      // main's window-open handler sends https links on its allow-list to the browser.
      if (url) window.open(url, '_blank', 'noopener,noreferrer');
      return true;
    }
    default:
      return false;
  }
}

export function useTriageShortcuts(accountId: number | null): void {
  useEffect(() => {
    if (accountId === null) return undefined;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      // Ctrl/Cmd+K opens the palette from anywhere, a text field included, but not over a dialog.
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') {
        if (overlayOpen()) return;
        event.preventDefault();
        usePaletteStore.getState().setOpen(true);
        return;
      }
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTyping(event.target) || overlayOpen()) return;
      const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
      let handled = false;
      if (event.key === '?') {
        useShortcutsDialogStore.getState().setOpen(true);
        handled = true;
      } else if (key === '/') {
        const search = document.getElementById('global-search');
        search?.focus();
        handled = search !== null;
      } else if (event.shiftKey) {
        handled = false;
      } else if (goToKey(key)) {
        handled = true;
      } else {
        const view = useViewStore.getState().view;
        if (view === 'board') handled = boardKey(key, accountId);
        else if (view === 'review') handled = reviewKey(key, event.target);
      }
      if (handled) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [accountId]);
}
