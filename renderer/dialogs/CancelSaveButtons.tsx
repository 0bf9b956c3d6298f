// The end of a small form: Cancel, then Save as the submit button (held while saving so one
// press saves once).
interface CancelSaveButtonsProps {
  /** The row's layout: "dialog-actions" in popovers, the form's own class inline. */
  className: string;
  busy: boolean;
  onCancel(): void;
}

export function CancelSaveButtons({ className, busy, onCancel }: CancelSaveButtonsProps) {
  return (
    <div className={className}>
      <button type="button" className="button button-quiet" onClick={onCancel}>
        Cancel
      </button>
      <button type="submit" className="button button-primary" disabled={busy}>
        Save
      </button>
    </div>
  );
}
