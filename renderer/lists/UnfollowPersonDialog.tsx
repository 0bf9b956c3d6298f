// "Unfollow <name>?" for the not-following-back list: one person, one deliberate answer. Focus
// starts on "Keep following": unfollowing is never the default.
import { useId, useRef } from 'react';
import { createPortal } from 'react-dom';
import { useFocusTrap } from '../dialogs/useFocusTrap';

interface UnfollowPersonDialogProps {
  displayName: string;
  busy: boolean;
  onUnfollow(): void;
  onKeep(): void;
}

export function UnfollowPersonDialog({ displayName, busy, onUnfollow, onKeep }: UnfollowPersonDialogProps) {
  const panel = useRef<HTMLDivElement | null>(null);
  const keep = useRef<HTMLButtonElement | null>(null);
  const titleId = useId();
  const bodyId = useId();
  useFocusTrap(panel, keep);
  return createPortal(
    <div className="dialog-layer">
      <div className="dialog-scrim" aria-hidden="true" onClick={onKeep} />
      <div
        ref={panel}
        className="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={bodyId}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.stopPropagation();
            onKeep();
          }
        }}
      >
        <h2 id={titleId} className="dialog-title" dir="auto">
          Unfollow {displayName}?
        </h2>
        <p id={bodyId} className="dialog-body">
          They do not follow you. Rapport sends one unfollow, counted in today&apos;s action budget; it waits in the outbox if you are offline.
        </p>
        <div className="dialog-actions">
          <button ref={keep} type="button" className="button button-quiet" onClick={onKeep}>
            Keep following
          </button>
          <button type="button" className="button button-danger" disabled={busy} onClick={onUnfollow}>
            Unfollow
          </button>
        </div>
      </div>
    </div>,
    document.body,
  );
}
