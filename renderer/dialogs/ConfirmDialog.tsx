// A modal question with one destructive answer. Focus starts on Cancel: removing is never the default.
import { useId, useRef } from 'react';
import { createPortal } from 'react-dom';
import { useFocusTrap } from './useFocusTrap';

interface ConfirmDialogProps {
  title: string;
  body: string;
  confirmLabel: string;
  busy: boolean;
  onConfirm(): void;
  onCancel(): void;
}

export function ConfirmDialog({ title, body, confirmLabel, busy, onConfirm, onCancel }: ConfirmDialogProps) {
  const panel = useRef<HTMLDivElement | null>(null);
  const cancel = useRef<HTMLButtonElement | null>(null);
  const titleId = useId();
  const bodyId = useId();
  useFocusTrap(panel, cancel);
  // In a portal: the rest of the app is made inert while a modal is open.
  return createPortal(
    <div className="dialog-layer">
      <div className="dialog-scrim" aria-hidden="true" onClick={onCancel} />
      <div
        ref={panel}
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={bodyId}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.stopPropagation();
            onCancel();
          }
        }}
      >
        <h2 id={titleId} className="dialog-title">
          {title}
        </h2>
        <p id={bodyId} className="dialog-body">
          {body}
        </p>
        <div className="dialog-actions">
          <button ref={cancel} type="button" className="button button-quiet" onClick={onCancel}>
            Cancel
          </button>
          <button type="button" className="button button-danger" disabled={busy} onClick={onConfirm}>
            {confirmLabel}
          </button>
        </div>
      </div>
    </div>,
    document.body,
  );
}
