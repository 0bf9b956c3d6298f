// "Snoozed until 14 Mar" (or "until their next post"): shown wherever a snoozed person is listed
// (people list, Snoozed list, palette results), so nobody wonders why they are not on the board.
import type { PersonCard } from '../../shared/domain';
import { formatFullDate } from '../format/dateFormat';

const wakeDate = new Intl.DateTimeFormat('en', { day: 'numeric', month: 'short', year: 'numeric' });

/** When they come back to the board, in words. */
export function snoozeWakeText(snoozedUntil: NonNullable<PersonCard['snoozedUntil']>): string {
  if (snoozedUntil === 'nextPost') return 'until their next post';
  const date = new Date(snoozedUntil);
  return Number.isNaN(date.getTime()) ? '' : `until ${wakeDate.format(date)}`;
}

export function SnoozedBadge({ snoozedUntil }: { snoozedUntil: PersonCard['snoozedUntil'] }) {
  if (!snoozedUntil) return null;
  return (
    <span className="badge badge-snoozed" data-testid="snoozed-badge" title={snoozedUntil === 'nextPost' ? undefined : formatFullDate(snoozedUntil)}>
      Snoozed {snoozeWakeText(snoozedUntil)}
    </span>
  );
}
