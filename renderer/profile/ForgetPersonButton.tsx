// "Forget this person": after a confirmation, every trace of them in this account goes (notes,
// tags, history, and their cached profile when no other account knows them). A decision is kept as
// a tombstone — network, id and stage, nothing else — so the next sync does not put them back in
// New; "Forget completely" keeps nothing. The dialog says which.
import { useRef, useState } from 'react';
import { STAGE_LABELS, type Stage } from '../../shared/domain';
import { call, toRapportError } from '../api/rapportClient';
import { ModalDialog } from '../dialogs/ModalDialog';
import { RemoteName } from '../safeHtml/RemoteHtml';
import { announce } from '../stores/announcerStore';
import { requestRefresh } from '../stores/boardSession';
import { showError, showInfo } from '../stores/toastStore';

interface ForgetPersonButtonProps {
  accountId: number;
  personId: number;
  displayName: string;
  stage: Stage;
  onForgotten(): void;
}

export function ForgetPersonButton({ accountId, personId, displayName, stage, onForgotten }: ForgetPersonButtonProps) {
  const [confirming, setConfirming] = useState(false);
  const [completely, setCompletely] = useState(false);
  const [busy, setBusy] = useState(false);
  const cancel = useRef<HTMLButtonElement | null>(null);
  const keepsDecision = stage !== 'new';

  const forget = async () => {
    setBusy(true);
    try {
      const { keptStage } = await call('forgetPerson', { accountId, personId, ...(keepsDecision && completely ? { completely: true } : {}) });
      setConfirming(false);
      const said = keptStage
        ? `Forgot ${displayName} · kept only that they are in ${STAGE_LABELS[keptStage]}`
        : `Forgot ${displayName}${keepsDecision ? ' completely' : ''}`;
      announce(said);
      showInfo(said);
      requestRefresh([personId]);
      onForgotten();
    } catch (error) {
      setBusy(false);
      setConfirming(false);
      announce(`Could not forget ${displayName}: ${toRapportError(error).message}`);
      showError(error);
    }
  };

  const body = keepsDecision
    ? completely
      ? `Their notes, tags, history and cached profile are removed, and so is your decision: a later sync may list them again in New.`
      : `Their notes, tags, history and cached profile are removed. Rapport keeps only their network id and that you put them in ${STAGE_LABELS[stage]}, so a later sync does not bring them back to New.`
    : 'Their notes, tags, history and cached profile are removed from Rapport (the profile stays if another account knows them). A later sync may list them again as a new follower.';

  return (
    <>
      <button
        type="button"
        className="button button-quiet forget-button"
        onClick={() => {
          setCompletely(false);
          setConfirming(true);
        }}
      >
        Forget this person
      </button>
      {confirming ? (
        <ModalDialog
          title={
            <>
              Forget <RemoteName name={displayName} />?
            </>
          }
          description={body}
          initialFocus={cancel}
          onDismiss={() => setConfirming(false)}
        >
          {keepsDecision ? (
            <label className="forget-completely">
              <input type="checkbox" checked={completely} onChange={(event) => setCompletely(event.target.checked)} />
              Forget completely, decision included
            </label>
          ) : null}
          <div className="dialog-actions">
            <button ref={cancel} type="button" className="button button-quiet" onClick={() => setConfirming(false)}>
              Cancel
            </button>
            <button type="button" className="button button-danger" disabled={busy} onClick={() => void forget()}>
              {keepsDecision && completely ? 'Forget completely' : 'Forget'}
            </button>
          </div>
        </ModalDialog>
      ) : null}
    </>
  );
}
