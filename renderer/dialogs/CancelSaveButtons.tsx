// The end of a small form: Cancel, then the submit button (held while busy so one press acts once).
interface CancelSaveButtonsProps {
  /** The row's layout: "dialog-actions" in popovers, the form's own class inline. */
  className: string;
  busy: boolean;
  onCancel(): void;
  /** The submit button's words; "Save" unless the form does something else. */
  submitLabel?: string;
}

export function CancelSaveButtons({ className, busy, onCancel, submitLabel = 'Save' }: CancelSaveButtonsProps) {
  return (
    <div className={className}>
      <button type="button" className="button button-quiet" onClick={onCancel}>
        Cancel
      </button>
      <button type="submit" className="button button-primary" disabled={busy}>
        {submitLabel}
      </button>
    </div>
  );
}
