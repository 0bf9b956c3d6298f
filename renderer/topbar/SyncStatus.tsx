// "Sync now" (and a full sync in a small menu); while a sync runs: a progress bar with the phase,
// done/total, pages, time left, and Cancel; after it: when it last finished, or why it failed.
import { ChevronDown, RefreshCw } from 'lucide-react';
import { unreadableSentence } from '../../shared/api/syncSummary';
import type { SyncPhase, SyncProgress } from '../../shared/domain';
import { useSecondsLeft, useSyncProgress, useSyncStore } from '../stores/syncStore';
import { formatGrouped } from '../format/numberFormat';
import { formatClockTime, formatRelative } from '../format/dateFormat';
import { formatTimeLeft } from './syncEta';
import { PopupMenu } from './PopupMenu';
import { useSyncReadEstimate } from './useSyncReadEstimate';

const PHASE_TEXT: Record<SyncPhase, string> = {
  followers: 'Reading followers',
  following: 'Reading who you follow',
  profiles: 'Fetching profiles',
  posts: 'Fetching recent posts',
  avatars: 'Caching avatars',
  done: 'Finishing',
};

function pagesText(pages: number): string {
  return pages === 1 ? '1 page' : `${formatGrouped(pages)} pages`;
}

function ProgressBar({ progress, secondsLeft, networkLabel }: { progress: SyncProgress; secondsLeft: number | null; networkLabel: string }) {
  // While the network's rate limit holds the sync, the bar says so and when it goes on.
  const phase = progress.waitingUntil
    ? `Waiting for ${networkLabel}'s rate limit · resumes at ${formatClockTime(progress.waitingUntil)}`
    : PHASE_TEXT[progress.phase];
  const known = progress.total !== null && progress.total > 0;
  const total = progress.total ?? 0;
  const percent = known ? Math.min(100, (progress.done / total) * 100) : null;
  const detail = known ? `${formatGrouped(progress.done)} of ${formatGrouped(total)}` : formatGrouped(progress.done);
  const eta = formatTimeLeft(secondsLeft);
  return (
    <div className="sync-progress">
      <div className="sync-progress-text">
        <span className="sync-phase" data-testid="sync-phase">
          {phase}
        </span>
        <span className="sync-count">{detail}</span>
      </div>
      <div
        className={percent === null ? 'progress is-indeterminate' : 'progress'}
        role="progressbar"
        aria-label="Sync progress"
        aria-valuemin={0}
        aria-valuenow={known ? progress.done : undefined}
        aria-valuemax={known ? total : undefined}
        aria-valuetext={`${phase}: ${detail}, ${pagesText(progress.pages)}. ${eta}`}
      >
        <div className="progress-fill" style={percent === null ? undefined : { width: `${percent}%` }} />
      </div>
      <div className="sync-progress-text sync-progress-meta">
        <span className="sync-pages">{pagesText(progress.pages)}</span>
        <span className="sync-eta" data-testid="sync-eta">
          {eta}
        </span>
      </div>
    </div>
  );
}

/** "Synced 5 minutes ago · 1 profile could not be read": the words beside (and on) Sync now. */
function lastSyncText(progress: SyncProgress | null, lastSyncedAt: string | null): string {
  let text: string;
  if (progress?.state === 'cancelled') text = 'Sync cancelled. Sync now picks up where it stopped.';
  else if (progress?.state === 'done') text = 'Synced just now';
  else text = lastSyncedAt ? `Synced ${formatRelative(lastSyncedAt)}` : 'Not synced yet';
  // Items the network sent outside its own rules were kept cut or left out: say how many.
  const unreadable = unreadableSentence(progress?.unreadable);
  return unreadable ? `${text} · ${unreadable}` : text;
}

function LastSync({ progress, lastSyncedAt }: { progress: SyncProgress | null; lastSyncedAt: string | null }) {
  if (progress?.state === 'failed') {
    return (
      <span className="sync-last sync-error" role="alert" data-testid="sync-error" title={progress.error?.code}>
        Sync failed: {progress.error?.message ?? 'the network did not answer as expected.'}
      </span>
    );
  }
  const text = lastSyncText(progress, lastSyncedAt);
  return (
    <span className="sync-last" role="status" title={text}>
      {text}
    </span>
  );
}

interface SyncStatusProps {
  accountId: number;
  lastSyncedAt: string | null;
  networkLabel: string;
  /** The network bills reads (X): the button says what a sync will read. */
  billsReads?: boolean;
}

export function SyncStatus({ accountId, lastSyncedAt, networkLabel, billsReads = false }: SyncStatusProps) {
  const progress = useSyncProgress(accountId);
  const secondsLeft = useSecondsLeft(accountId);
  const running = progress?.state === 'running';
  const readEstimate = useSyncReadEstimate(accountId, billsReads, running);
  const { start, cancel } = useSyncStore.getState();
  return (
    <div className="sync-status">
      {running && progress ? (
        <>
          <ProgressBar progress={progress} secondsLeft={secondsLeft} networkLabel={networkLabel} />
          <button type="button" className="button button-quiet" aria-label="Cancel sync" onClick={() => void cancel(accountId)}>
            Cancel
          </button>
        </>
      ) : (
        <>
          <LastSync progress={progress} lastSyncedAt={lastSyncedAt} />
          <div className="button-group">
            {/* Where the window is narrow the last-sync words step aside: the button says them on hover. */}
            <button
              type="button"
              className="button"
              title={readEstimate ?? lastSyncText(progress, lastSyncedAt)}
              onClick={() => void start(accountId)}
            >
              <RefreshCw size={14} aria-hidden="true" />
              Sync now
            </button>
            <PopupMenu
              label="More ways to sync"
              buttonClassName="button button-group-end"
              buttonContent={<ChevronDown size={14} aria-hidden="true" />}
              align="end"
              items={[{ key: 'full', label: 'Full sync (re-check everyone)', onSelect: () => void start(accountId, true) }]}
            />
          </div>
        </>
      )}
    </div>
  );
}
