// How numbers and spans of time read on a chip. English only for now, like the rest of the UI;
// Intl.NumberFormat is part of the language, not the DOM, so this stays runtime-neutral.

const grouped = new Intl.NumberFormat('en');
const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });

/** 7400 → "7,400"; from 100,000 on, compact ("120K", "1.2M") so a chip stays short. */
export function formatCount(n: number): string {
  return Math.abs(n) < 100_000 ? grouped.format(n) : compact.format(n);
}

/** 35.2 → "35×", 3.46 → "3.5×", 3 → "3×" */
export function formatRatio(ratio: number): string {
  const rounded = ratio >= 10 ? Math.round(ratio) : Math.round(ratio * 10) / 10;
  return `${grouped.format(rounded)}×`;
}

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

const DAYS_PER_MONTH = 365.25 / 12;

/**
 * A span of days as a person would say it: "5 days", "3 weeks", "8 months", "9 years".
 * Years round down (an account is "9 years" old until its tenth birthday); shorter units round
 * to nearest, so a 90-day gap reads "3 months", not "2 months".
 */
export function formatDuration(days: number): string {
  if (days < 1) return 'under a day';
  if (days < 14) return plural(Math.floor(days), 'day');
  if (days < 56) return plural(Math.round(days / 7), 'week');
  if (days < 730) return plural(Math.round(days / DAYS_PER_MONTH), 'month');
  return plural(Math.floor(days / 365.25), 'year');
}

/** The calendar day of an instant in UTC, "2026-03-02", so details do not depend on the viewer's zone. */
export function formatDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
