// "Forget this person": after a confirmation, every trace of them in this account goes (stage,
// notes, tags, history, and their cached profile when no other account knows them).
import { useState } from 'react';
import { call, toRapportError } from '../api/rapportClient';
import { ConfirmDialog } from '../dialogs/ConfirmDialog';
import { RemoteName } from '../safeHtml/RemoteHtml';
import { announce } from '../stores/announcerStore';
import { requestRefresh } from '../stores/boardSession';
import { showError } from '../stores/toastStore';

interface ForgetPersonButtonProps {
  accountId: number;
  personId: number;
  displayName: string;
  onForgotten(): void;
}

export function ForgetPersonButton({ accountId, personId, displayName, onForgotten }: ForgetPersonButtonProps) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);

  const forget = async () => {
    setBusy(true);
    try {
      await call('forgetPerson', { accountId, personId });
      setConfirming(false);
      announce(`Forgot ${displayName}`);
      requestRefresh([personId]);
      onForgotten();
    } catch (error) {
      setBusy(false);
      setConfirming(false);
      announce(`Could not forget ${displayName}: ${toRapportError(error).message}`);
      showError(error);
    }
  };

  return (
    <>
      <button type="button" className="button button-quiet forget-button" onClick={() => setConfirming(true)}>
        Forget this person
      </button>
      {confirming ? (
        <ConfirmDialog
          title={
            <>
              Forget <RemoteName name={displayName} />?
            </>
          }
          body="Their stage, notes, tags and history are removed from Rapport, and their cached profile too unless another account knows them. A later sync may list them again as a new follower."
          confirmLabel="Forget"
          busy={busy}
          onConfirm={() => void forget()}
          onCancel={() => setConfirming(false)}
        />
      ) : null}
    </>
  );
}
