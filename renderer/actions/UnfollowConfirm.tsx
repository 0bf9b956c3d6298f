// The "Unfollow <name>?" question, asked by boardMoves when a card I follow leaves Connected.
// Focus starts on "Keep following": unfollowing is never the default. Escape (or a click beside
// the dialog) leaves the card where it was.
import { useEffect, useId, useRef } from 'react';
import { createPortal } from 'react-dom';
import { STAGE_LABELS } from '../../shared/domain';
import { useFocusTrap } from '../dialogs/useFocusTrap';
import { useUnfollowQuestion, type UnfollowAnswer } from './unfollowQuestion';

function UnfollowDialog({ displayName, to, onAnswer }: { displayName: string; to: keyof typeof STAGE_LABELS; onAnswer(answer: UnfollowAnswer): void }) {
  const panel = useRef<HTMLDivElement | null>(null);
  const keep = useRef<HTMLButtonElement | null>(null);
  const titleId = useId();
  const bodyId = useId();
  useFocusTrap(panel, keep);
  return createPortal(
    <div className="dialog-layer">
      <div className="dialog-scrim" aria-hidden="true" onClick={() => onAnswer('cancel')} />
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
            onAnswer('cancel');
          }
        }}
      >
        <h2 id={titleId} className="dialog-title" dir="auto">
          Unfollow {displayName}?
        </h2>
        <p id={bodyId} className="dialog-body">
          You follow them. The card moves to {STAGE_LABELS[to]} either way; unfollowing also sends one unfollow, counted in
          today&apos;s action budget. Escape leaves the card where it was.
        </p>
        <div className="dialog-actions">
          <button ref={keep} type="button" className="button button-quiet" onClick={() => onAnswer('keep')}>
            Keep following
          </button>
          <button type="button" className="button button-danger" onClick={() => onAnswer('unfollow')}>
            Unfollow
          </button>
        </div>
      </div>
    </div>,
    document.body,
  );
}

/** Mounted once under the top bar; tells App while it is open so the rest becomes inert. */
export function UnfollowConfirm({ onDialogChange }: { onDialogChange(open: boolean): void }) {
  const question = useUnfollowQuestion((s) => s.question);
  const open = question !== null;
  useEffect(() => {
    if (!open) return undefined;
    onDialogChange(true);
    return () => onDialogChange(false);
  }, [open, onDialogChange]);
  // Leaving the screen (another account, removal) must not leave a move waiting forever.
  useEffect(() => () => useUnfollowQuestion.getState().question?.answer('cancel'), []);
  if (!question) return null;
  return <UnfollowDialog key={question.displayName} displayName={question.displayName} to={question.to} onAnswer={question.answer} />;
}
