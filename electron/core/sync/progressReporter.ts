// Turns the engine's many small progress updates into at most a few events per second, the rate
// a progress bar needs; phase changes and the final state always go out at once.
import type { SyncProgress } from '../../../shared/domain';

/** Minimum milliseconds between two routine progress events of one sync. */
export const PROGRESS_INTERVAL_MS = 200;
/** Minimum milliseconds between two people.changed events of one sync. */
export const PEOPLE_CHANGED_INTERVAL_MS = 300;

export type Clock = () => number;

export class ProgressReporter {
  private snapshot: SyncProgress;
  private lastProgressAt = -Infinity;
  private lastPeopleAt = -Infinity;
  private peoplePending = false;
  private progressPending = false;

  constructor(
    initial: SyncProgress,
    private readonly emitProgress: (progress: SyncProgress) => void,
    private readonly emitPeopleChanged: () => void,
    private readonly clock: Clock = () => performance.now(),
  ) {
    this.snapshot = initial;
  }

  get current(): SyncProgress {
    return this.snapshot;
  }

  update(change: Partial<SyncProgress>): void {
    const phaseChanged = change.phase !== undefined && change.phase !== this.snapshot.phase;
    const stateChanged = change.state !== undefined && change.state !== this.snapshot.state;
    // A rate-limit wait starting or ending is news the user should see at once.
    const waitChanged = change.waitingUntil !== undefined && change.waitingUntil !== (this.snapshot.waitingUntil ?? null);
    this.snapshot = { ...this.snapshot, ...change };
    const now = this.clock();
    if (phaseChanged || stateChanged || waitChanged || now - this.lastProgressAt >= PROGRESS_INTERVAL_MS) {
      this.lastProgressAt = now;
      this.progressPending = false;
      this.emitProgress(this.snapshot);
    } else {
      this.progressPending = true;
    }
  }

  /** Notes that committed rows changed; the board hears about it at a throttled pace. */
  peopleChanged(): void {
    this.peoplePending = true;
    const now = this.clock();
    if (now - this.lastPeopleAt >= PEOPLE_CHANGED_INTERVAL_MS) this.flushPeople(now);
  }

  /** Sends whatever is still held back (end of a sync). */
  flush(): void {
    if (this.peoplePending) this.flushPeople(this.clock());
    if (this.progressPending) {
      this.progressPending = false;
      this.lastProgressAt = this.clock();
      this.emitProgress(this.snapshot);
    }
  }

  private flushPeople(now: number): void {
    this.peoplePending = false;
    this.lastPeopleAt = now;
    this.emitPeopleChanged();
  }
}
