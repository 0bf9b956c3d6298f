// Labels of the stats charts: short dates on axes, full dates in tooltips, grouped numbers.
const shortDate = new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric', timeZone: 'UTC' });
const longDate = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' });

/** "Mar 4" for an ISO day (YYYY-MM-DD, a calendar day: formatted in UTC so it never shifts). */
export function formatDay(day: string): string {
  const time = Date.parse(`${day.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(time) ? day : shortDate.format(time);
}

export function formatLongDay(day: string): string {
  const time = Date.parse(`${day.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(time) ? day : longDate.format(time);
}

export function formatWeek(weekStart: string): string {
  return `Week of ${formatLongDay(weekStart)}`;
}
