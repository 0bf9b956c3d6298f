// The one modal shell every dialog uses: portal, scrim, focus trap, titled panel, and Escape (or a
// click beside the panel) to dismiss. Callers bring the content and say where focus starts.
import { useId, useRef } from 'react';
import type { ReactNode, RefObject } from 'react';
import { createPortal } from 'react-dom';
import { useFocusTrap } from './useFocusTrap';

interface ModalDialogProps {
  /** alertdialog for questions that interrupt (unfollow, remove); dialog otherwise. */
  role?: 'dialog' | 'alertdialog';
  /** Added after "dialog" on the panel, for dialogs with their own layout. */
  className?: string;
  title: ReactNode;
  /** "auto" when the title holds remote text (a display name) that may be right-to-left. */
  titleDir?: 'auto';
  /** Shown beside the title in a row with this class (e.g. a close button). */
  titleAside?: { className: string; content: ReactNode };
  /** The sentence that explains the dialog; it becomes the panel's description. */
  description?: ReactNode;
  initialFocus: RefObject<HTMLElement | null>;
  /** Keys besides Escape that dismiss (the shortcuts dialog also closes on the `?` that opened it). */
  alsoDismissOn?: readonly string[];
  onDismiss(): void;
  children?: ReactNode;
}

export function ModalDialog({ role = 'dialog', className, title, titleDir, titleAside, description, initialFocus, alsoDismissOn = [], onDismiss, children }: ModalDialogProps) {
  const panel = useRef<HTMLDivElement | null>(null);
  const titleId = useId();
  const bodyId = useId();
  useFocusTrap(panel, initialFocus);
  const heading = (
    <h2 id={titleId} className="dialog-title" dir={titleDir}>
      {title}
    </h2>
  );
  // In a portal: the rest of the app is made inert while a modal is open.
  return createPortal(
    <div className="dialog-layer">
      <div className="dialog-scrim" aria-hidden="true" onClick={onDismiss} />
      <div
        ref={panel}
        className={className ? `dialog ${className}` : 'dialog'}
        role={role}
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={description === undefined ? undefined : bodyId}
        onKeyDown={(event) => {
          const extra = alsoDismissOn.includes(event.key);
          if (event.key !== 'Escape' && !extra) return;
          event.stopPropagation();
          // A dismissing printable key must not also be typed anywhere.
          if (extra) event.preventDefault();
          onDismiss();
        }}
      >
        {titleAside ? (
          <div className={titleAside.className}>
            {heading}
            {titleAside.content}
          </div>
        ) : (
          heading
        )}
        {description === undefined ? null : (
          <p id={bodyId} className="dialog-body">
            {description}
          </p>
        )}
        {children}
      </div>
    </div>,
    document.body,
  );
}
