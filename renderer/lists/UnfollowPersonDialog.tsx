// "Unfollow <name>?" for the not-following-back list: one person, one deliberate answer. Focus
// starts on "Keep following": unfollowing is never the default.
import { ConfirmDialog } from '../dialogs/ConfirmDialog';
import { RemoteName } from '../safeHtml/RemoteHtml';

interface UnfollowPersonDialogProps {
  displayName: string;
  busy: boolean;
  onUnfollow(): void;
  onKeep(): void;
}

export function UnfollowPersonDialog({ displayName, busy, onUnfollow, onKeep }: UnfollowPersonDialogProps) {
  return (
    <ConfirmDialog
      role="alertdialog"
      title={
        <>
          Unfollow <RemoteName name={displayName} />?
        </>
      }
      body="They do not follow you. Rapport sends one unfollow, counted in today's action budget; it waits in the outbox if you are offline."
      cancelLabel="Keep following"
      confirmLabel="Unfollow"
      busy={busy}
      onConfirm={onUnfollow}
      onCancel={onKeep}
    />
  );
}
