// A first look at the board says where triage goes fastest: Review, and the keys j, e, c, d.
// Shown until dismissed; remembered in this window's storage (a hint, not a setting).
import { useState } from 'react';
import { X } from 'lucide-react';
import { useViewStore } from '../stores/viewStore';

const SEEN_KEY = 'rapport.firstRunHintSeen';

function seen(): boolean {
  try {
    return window.localStorage.getItem(SEEN_KEY) === '1';
  } catch {
    return false;
  }
}

export function FirstRunHint() {
  const [open, setOpen] = useState(() => !seen());
  if (!open) return null;
  const dismiss = () => {
    try {
      window.localStorage.setItem(SEEN_KEY, '1');
    } catch {
      // Storage refused: the hint simply comes back next time.
    }
    setOpen(false);
  };
  return (
    <aside className="first-run-hint" aria-label="Tip" data-testid="first-run-hint">
      <p>
        Fastest way through New:{' '}
        <button type="button" className="link-button" onClick={() => useViewStore.getState().setView('review')}>
          Review
        </button>
        , one person at a time. Or on the board: <kbd>j</kbd> next, <kbd>e</kbd> Evaluated, <kbd>c</kbd> Connected, <kbd>d</kbd> Declined.
      </p>
      <button type="button" className="icon-button" aria-label="Dismiss tip" onClick={dismiss}>
        <X size={14} aria-hidden="true" />
      </button>
    </aside>
  );
}
