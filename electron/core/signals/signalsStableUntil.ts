// Until when a person's signals stay what they are now if nothing but time moves. Signals read the
// clock only by comparing how long ago a date was with a number of days (account age, last post,
// posts in the recent window) and by ignoring dates not yet reached (events, posts), so between
// two instants of the form `date + days` the stored signals cannot change. The earliest such
// instant still ahead is stored as triage.signals_due_at; until then a recompute skips the person.
// Every date the inputs carry is paired with every duration a rule uses: a few candidates too many
// only bring a recompute forward, one too few would leave a stale chip.
import { DEFAULT_SIGNAL_THRESHOLDS, type SignalThresholds } from '../../../shared/signals';

const MS_PER_DAY = 86_400_000;

/** The dates in a person's signal inputs, as stored (ISO-8601 or null). */
export interface SignalDates {
  joinedAt: string | null;
  lastPostAt: string | null;
  postDates: readonly string[];
  eventDates: readonly string[];
}

/** Every span of days a signal compares an elapsed time with; 0 for "has this date come yet". */
export function signalDurationsDays(recentActivityWeeks: number, t: SignalThresholds = DEFAULT_SIGNAL_THRESHOLDS): number[] {
  return [0, t.inactiveDays, t.activeMaxDaysSinceLastPost, t.newAccountDays, t.establishedDays, recentActivityWeeks * 7];
}

/**
 * The first instant (ms) after `now` at which the signals may differ from those at `now`, or null
 * when none is ahead. Comparisons are both `<` and `<=` on whole milliseconds, so both `date +
 * days` and the millisecond after it are candidates.
 */
export function signalsStableUntil(dates: SignalDates, now: Date, durationsDays: readonly number[]): number | null {
  const nowMs = now.getTime();
  let until: number | null = null;
  const consider = (iso: string | null): void => {
    if (iso === null) return;
    const at = Date.parse(iso);
    if (Number.isNaN(at)) return;
    for (const days of durationsDays) {
      const edge = at + days * MS_PER_DAY;
      const candidate = edge > nowMs ? edge : edge + 1;
      if (candidate > nowMs && (until === null || candidate < until)) until = candidate;
    }
  };
  consider(dates.joinedAt);
  consider(dates.lastPostAt);
  for (const iso of dates.postDates) consider(iso);
  for (const iso of dates.eventDates) consider(iso);
  return until;
}
