// Removing an account after a confirmation, in the words its network chooses.
import { useState } from 'react';
import { Trash2 } from 'lucide-react';
import type { Account } from '../../shared/domain';
import { useAccountsStore } from '../stores/accountsStore';
import { ConfirmDialog } from '../dialogs/ConfirmDialog';
import { RemoteText } from '../safeHtml/RemoteText';
import { uiOf } from '../networks/registry';

export function RemoveAccountButton({ account, onDialogChange }: { account: Account; onDialogChange(open: boolean): void }) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const { removal } = uiOf(account.network);
  const label = removal?.buttonLabel ?? 'Remove account';
  const setOpen = (open: boolean) => {
    setConfirming(open);
    onDialogChange(open);
  };
  const confirm = async () => {
    setBusy(true);
    const removed = await useAccountsStore.getState().remove(account.id);
    setBusy(false);
    if (!removed) setOpen(false);
    else onDialogChange(false);
  };
  return (
    <>
      <button type="button" className="icon-button" aria-label={label} title={label} onClick={() => setOpen(true)}>
        <Trash2 size={16} aria-hidden="true" />
      </button>
      {confirming ? (
        <ConfirmDialog
          title={
            removal ? (
              removal.question
            ) : (
              <>
                Remove <RemoteText text={account.handle} />?
              </>
            )
          }
          body="Its followers, board decisions and cached profiles are deleted from this computer. Nothing changes on the network."
          confirmLabel="Remove"
          busy={busy}
          onConfirm={() => void confirm()}
          onCancel={() => setOpen(false)}
        />
      ) : null}
    </>
  );
}
