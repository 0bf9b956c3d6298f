// A modal question with one destructive answer. Focus starts on the safe answer: removing or
// unfollowing is never the default.
import { useRef } from 'react';
import type { ReactNode } from 'react';
import { ModalDialog } from './ModalDialog';

interface ConfirmDialogProps {
  /** alertdialog for the unfollow questions; the older remove/forget questions stay dialog. */
  role?: 'dialog' | 'alertdialog';
  title: ReactNode;
  titleDir?: 'auto';
  body: ReactNode;
  confirmLabel: string;
  /** The safe answer; "Cancel" unless the question has a better word for it. */
  cancelLabel?: string;
  busy?: boolean;
  onConfirm(): void;
  onCancel(): void;
  /** Escape and a click beside the dialog; the same as Cancel unless the caller tells them apart. */
  onDismiss?(): void;
}

export function ConfirmDialog({ role, title, titleDir, body, confirmLabel, cancelLabel = 'Cancel', busy = false, onConfirm, onCancel, onDismiss = onCancel }: ConfirmDialogProps) {
  const cancel = useRef<HTMLButtonElement | null>(null);
  return (
    <ModalDialog role={role} title={title} titleDir={titleDir} description={body} initialFocus={cancel} onDismiss={onDismiss}>
      <div className="dialog-actions">
        <button ref={cancel} type="button" className="button button-quiet" onClick={onCancel}>
          {cancelLabel}
        </button>
        <button type="button" className="button button-danger" disabled={busy} onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </ModalDialog>
  );
}
