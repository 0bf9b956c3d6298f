// "Sync now", and while a sync runs: a progress bar with the phase, done/total and Cancel.
import { RefreshCw } from 'lucide-react';
import type { SyncPhase, SyncProgress } from '../../shared/domain';
import { useSyncProgress, useSyncStore } from '../stores/syncStore';
import { formatGrouped } from '../format/numberFormat';
import { formatRelative } from '../format/dateFormat';

const PHASE_TEXT: Record<SyncPhase, string> = {
  followers: 'Reading followers',
  following: 'Reading who you follow',
  profiles: 'Fetching profiles',
  posts: 'Fetching recent posts',
  avatars: 'Caching avatars',
  done: 'Finishing',
};

function ProgressBar({ progress }: { progress: SyncProgress }) {
  const known = progress.total !== null && progress.total > 0;
  const total = progress.total ?? 0;
  const percent = known ? Math.min(100, (progress.done / total) * 100) : null;
  const detail = known ? `${formatGrouped(progress.done)} of ${formatGrouped(total)}` : formatGrouped(progress.done);
  return (
    <div className="sync-progress">
      <div className="sync-progress-text">
        <span className="sync-phase">{PHASE_TEXT[progress.phase]}</span>
        <span className="sync-count">{detail}</span>
      </div>
      <div
        className={percent === null ? 'progress is-indeterminate' : 'progress'}
        role="progressbar"
        aria-label="Sync progress"
        aria-valuemin={0}
        aria-valuenow={known ? progress.done : undefined}
        aria-valuemax={known ? total : undefined}
        aria-valuetext={`${PHASE_TEXT[progress.phase]}: ${detail}`}
      >
        <div className="progress-fill" style={percent === null ? undefined : { width: `${percent}%` }} />
      </div>
    </div>
  );
}

export function SyncStatus({ accountId, lastSyncedAt }: { accountId: number; lastSyncedAt: string | null }) {
  const progress = useSyncProgress(accountId);
  const running = progress?.state === 'running';
  const { start, cancel } = useSyncStore.getState();
  return (
    <div className="sync-status">
      {running && progress ? (
        <>
          <ProgressBar progress={progress} />
          <button type="button" className="button button-quiet" aria-label="Cancel sync" onClick={() => void cancel(accountId)}>
            Cancel
          </button>
        </>
      ) : (
        <>
          <span className="sync-last" role="status">
            {lastSummary(progress, lastSyncedAt)}
          </span>
          <button type="button" className="button" onClick={() => void start(accountId)}>
            <RefreshCw size={14} aria-hidden="true" />
            Sync now
          </button>
        </>
      )}
    </div>
  );
}

function lastSummary(progress: SyncProgress | null, lastSyncedAt: string | null): string {
  if (progress?.state === 'failed') return `Sync failed: ${progress.error?.message ?? 'unknown error'}`;
  if (progress?.state === 'cancelled') return 'Sync cancelled';
  if (progress?.state === 'done') return 'Synced just now';
  return lastSyncedAt ? `Synced ${formatRelative(lastSyncedAt)}` : 'Not synced yet';
}
