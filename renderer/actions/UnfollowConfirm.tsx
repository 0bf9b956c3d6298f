// The "Unfollow <name>?" question, asked by boardMoves when a card I follow leaves Connected.
// Focus starts on "Keep following": unfollowing is never the default. Escape (or a click beside
// the dialog) leaves the card where it was.
import { useEffect } from 'react';
import { STAGE_LABELS } from '../../shared/domain';
import { ConfirmDialog } from '../dialogs/ConfirmDialog';
import { RemoteName } from '../safeHtml/RemoteName';
import { useUnfollowQuestion, type UnfollowAnswer } from './unfollowQuestion';

function UnfollowDialog({ displayName, to, onAnswer }: { displayName: string; to: keyof typeof STAGE_LABELS; onAnswer(answer: UnfollowAnswer): void }) {
  return (
    <ConfirmDialog
      role="alertdialog"
      title={
        <>
          Unfollow <RemoteName name={displayName} />?
        </>
      }
      body={`You follow them. The card moves to ${STAGE_LABELS[to]} either way; unfollowing also sends one unfollow, counted in today's action budget. Escape leaves the card where it was.`}
      cancelLabel="Keep following"
      confirmLabel="Unfollow"
      onConfirm={() => onAnswer('unfollow')}
      onCancel={() => onAnswer('keep')}
      onDismiss={() => onAnswer('cancel')}
    />
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
