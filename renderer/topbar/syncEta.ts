// How long the current sync phase has left, from its rate so far: (done since the phase's first
// progress event) / (time since then), applied to what is left of the total.
import type { SyncPhase, SyncProgress } from '../../shared/domain';

/** The first progress event seen of one phase of one run: where its rate is measured from. */
export interface PhaseStart {
  runId: number;
  phase: SyncPhase;
  at: number;
  done: number;
}

/** Below this much measured time or progress a rate is noise, not a prediction. */
const MIN_ELAPSED_MS = 1500;
const MIN_PROGRESS = 1;

export function nextPhaseStart(previous: PhaseStart | undefined, progress: SyncProgress, now: number): PhaseStart {
  if (previous && previous.runId === progress.runId && previous.phase === progress.phase && progress.done >= previous.done) return previous;
  return { runId: progress.runId, phase: progress.phase, at: now, done: progress.done };
}

/**
 * Seconds left in the phase, or null while it cannot be told (no total yet, too early, stalled).
 * A rate-limit wait the network imposed is part of it: the time until it ends comes first.
 */
export function secondsLeft(start: PhaseStart, progress: SyncProgress, now: number): number | null {
  const working = workSecondsLeft(start, progress, now);
  const waitingUntil = progress.waitingUntil ? Date.parse(progress.waitingUntil) : Number.NaN;
  if (working === null || Number.isNaN(waitingUntil)) return working;
  return Math.max(0, waitingUntil - now) / 1000 + working;
}

function workSecondsLeft(start: PhaseStart, progress: SyncProgress, now: number): number | null {
  if (progress.state !== 'running' || progress.total === null || progress.total <= 0) return null;
  const elapsed = now - start.at;
  const gained = progress.done - start.done;
  if (elapsed < MIN_ELAPSED_MS || gained < MIN_PROGRESS) return null;
  const remaining = Math.max(0, progress.total - progress.done);
  return remaining / (gained / (elapsed / 1000));
}

export function formatTimeLeft(seconds: number | null): string {
  if (seconds === null) return 'Estimating time left…';
  if (seconds < 60) return 'Less than a minute left';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `About ${minutes} min left`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `About ${hours} h left` : `About ${hours} h ${rest} min left`;
}
