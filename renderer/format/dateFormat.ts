// Dates in the drawer: "3 days ago" for posts, "March 2019" for when someone joined.
const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const relativeNarrow = new Intl.RelativeTimeFormat('en', { numeric: 'auto', style: 'narrow' });
const monthYear = new Intl.DateTimeFormat('en', { month: 'long', year: 'numeric' });
const fullDate = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });
const clockTime = new Intl.DateTimeFormat('en', { timeStyle: 'short' });

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

function parse(iso: string): Date | null {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

function relativeWith(format: Intl.RelativeTimeFormat, iso: string, now: number): string {
  const date = parse(iso);
  if (!date) return '';
  const seconds = Math.round((date.getTime() - now) / 1000);
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return 'just now';
}

export function formatRelative(iso: string, now: number = Date.now()): string {
  return relativeWith(relative, iso, now);
}

/** "2d ago", "last wk.": where a line has little room (a card). */
export function formatRelativeShort(iso: string, now: number = Date.now()): string {
  return relativeWith(relativeNarrow, iso, now);
}

export function formatMonthYear(iso: string): string {
  const date = parse(iso);
  return date ? monthYear.format(date) : '';
}

/** "2:05 PM": a time later today, such as when a rate-limit wait ends. */
export function formatClockTime(iso: string): string {
  const date = parse(iso);
  return date ? clockTime.format(date) : '';
}

export function formatFullDate(iso: string): string {
  const date = parse(iso);
  return date ? fullDate.format(date) : '';
}
