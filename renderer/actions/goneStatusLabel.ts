// What a card says about an account that went away, in the network's own terms: "Deactivated",
// "Deleted", "Suspended", "Taken down", "Moved to @x". Rows synced before reasons were kept say
// "Account gone". None of these is an unfollow, and the wording never suggests one.
import type { GoneReason, PersonCard } from '../../shared/domain';
import { formatFullDate } from '../format/dateFormat';

const SHORT: Record<GoneReason, string> = {
  deactivated: 'Deactivated',
  deleted: 'Deleted',
  suspended: 'Suspended',
  takendown: 'Taken down',
  moved: 'Moved',
};

const LONG: Record<GoneReason, string> = {
  deactivated: 'They deactivated their account; it may come back.',
  deleted: 'They deleted their account.',
  suspended: 'Their account is suspended.',
  takendown: 'The network took their account down.',
  moved: 'They moved to another account.',
};

/** The pill's words, without the moved-to handle (shown apart, as remote text). */
export function goneStatusText(card: Pick<PersonCard, 'goneReason'>): string {
  return card.goneReason ? SHORT[card.goneReason] : 'Account gone';
}

/** The handle a moved account points at, with one leading @, or null. */
export function movedToHandle(card: Pick<PersonCard, 'goneReason' | 'movedTo'>): string | null {
  if (card.goneReason !== 'moved' || !card.movedTo) return null;
  return `@${card.movedTo.replace(/^@+/, '')}`;
}

/** The hover text: what happened, to whom it moved, and when Rapport noticed. */
export function goneStatusTitle(card: Pick<PersonCard, 'goneReason' | 'movedTo' | 'goneAt'>): string {
  const what = card.goneReason ? LONG[card.goneReason] : 'Deactivated, suspended or deleted.';
  const moved = movedToHandle(card);
  const where = moved ? ` Now ${moved}.` : '';
  const when = card.goneAt ? ` Noticed ${formatFullDate(card.goneAt)}.` : '';
  return `${what}${where}${when} Not an unfollow.`;
}
