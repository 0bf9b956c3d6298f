// What just happened (a decision, with Undo) and errors, in the corner, each dismissable.
import { X } from 'lucide-react';
import { useToastStore } from '../stores/toastStore';
import { displayText } from '../safeHtml/remoteDisplayText';

export function Toasts() {
  const toasts = useToastStore((s) => s.toasts);
  const dismiss = useToastStore((s) => s.dismiss);
  return (
    <div className="toasts" data-testid="toasts">
      {toasts.map((toast) => (
        <div key={toast.id} className={`toast toast-${toast.tone}`} role={toast.tone === 'error' ? 'alert' : 'status'} data-testid="toast">
          {/* Messages name people ("Moved <name> to Connected"): no direction control of theirs may reach past the name. */}
          <span className="toast-message">{displayText(toast.message)}</span>
          {toast.action ? (
            <button
              type="button"
              className="toast-action"
              onClick={() => {
                dismiss(toast.id);
                toast.action?.run();
              }}
            >
              {toast.action.label}
              {toast.action.keyHint ? <kbd aria-hidden="true">{toast.action.keyHint}</kbd> : null}
            </button>
          ) : null}
          <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => dismiss(toast.id)}>
            <X size={14} aria-hidden="true" />
          </button>
        </div>
      ))}
    </div>
  );
}
