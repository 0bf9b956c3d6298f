// The filter bar's date fields (YYYY-MM-DD, the user's day) and the filter's ISO instants: a
// "from" day starts at local midnight, a "to" day ends at its last millisecond, both inclusive.
function localDay(day: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Number.isNaN(date.getTime()) ? null : date;
}

export function dayStartIso(day: string): string | undefined {
  return localDay(day)?.toISOString();
}

export function dayEndIso(day: string): string | undefined {
  const date = localDay(day);
  if (!date) return undefined;
  date.setDate(date.getDate() + 1);
  return new Date(date.getTime() - 1).toISOString();
}

/** The local day of an ISO instant, for a date field. */
export function isoToDay(iso: string | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
