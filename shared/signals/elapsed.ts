// Time arithmetic for signals. `now` is always passed in: signals must give the same chips for
// the same input, in tests and when re-rendered.

const MS_PER_DAY = 86_400_000;

/** Milliseconds since the epoch, or null for a missing or unparsable date. */
export function parseInstant(iso: string | null): number | null {
  if (iso === null) return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : ms;
}

/** Whole and fractional days from `thenMs` to `now`; a date in the future counts as 0. */
export function daysSince(thenMs: number, now: Date): number {
  return Math.max(0, (now.getTime() - thenMs) / MS_PER_DAY);
}
