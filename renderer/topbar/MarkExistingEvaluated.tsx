// After a first sync everyone who already followed me sits in New. One deliberate action moves
// them all to Evaluated (seen before Rapport), so New holds only people who arrive from now on.
// It only changes stages on this computer: nobody is followed or messaged.
import { useState } from 'react';
import { CheckCheck, MoreHorizontal } from 'lucide-react';
import type { Account } from '../../shared/domain';
import { call } from '../api/rapportClient';
import { useBoardStore } from '../stores/boardStore';
import { useSyncProgress } from '../stores/syncStore';
import { requestRefresh } from '../stores/boardSession';
import { useToastStore, showError } from '../stores/toastStore';
import { announce } from '../stores/announcerStore';
import { ConfirmDialog } from '../dialogs/ConfirmDialog';
import { formatGrouped } from '../format/numberFormat';
import { PopupMenu } from './PopupMenu';

function followersText(n: number): string {
  return n === 1 ? '1 follower' : `${formatGrouped(n)} followers`;
}

export function MarkExistingEvaluated({ account, onDialogChange }: { account: Account; onDialogChange(open: boolean): void }) {
  const newCount = useBoardStore((s) => (s.accountId === account.id ? (s.counts?.new ?? null) : null));
  const progress = useSyncProgress(account.id);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const synced = account.lastSyncedAt !== null || progress?.state === 'done';
  if (!synced || newCount === null || newCount === 0) return null;

  const setOpen = (open: boolean) => {
    setConfirming(open);
    onDialogChange(open);
  };
  const confirm = async () => {
    setBusy(true);
    try {
      const { moved } = await call('markExistingFollowersEvaluated', { accountId: account.id });
      const sentence = `Moved ${followersText(moved)} to Evaluated.`;
      useToastStore.getState().push('info', sentence);
      announce(sentence);
      requestRefresh(null);
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
      setOpen(false);
    }
  };

  return (
    <>
      <PopupMenu
        label="Board actions"
        buttonClassName="icon-button"
        buttonContent={<MoreHorizontal size={16} aria-hidden="true" />}
        align="end"
        items={[
          {
            key: 'mark-evaluated',
            label: (
              <>
                <CheckCheck size={14} aria-hidden="true" />
                Mark existing followers Evaluated…
              </>
            ),
            onSelect: () => setOpen(true),
          },
        ]}
      />
      {confirming ? (
        <ConfirmDialog
          title={`Mark ${followersText(newCount)} Evaluated?`}
          body={`All ${followersText(newCount)} now in New move to Evaluated, as people who followed you before you started triaging. Nobody is followed, unfollowed or messaged; new followers keep arriving in New.`}
          confirmLabel="Mark Evaluated"
          busy={busy}
          onConfirm={() => void confirm()}
          onCancel={() => setOpen(false)}
        />
      ) : null}
    </>
  );
}
