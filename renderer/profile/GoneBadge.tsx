// The drawer's word for an account that went away ("Deactivated", "Moved to @x"), beside the
// relationship badges, with what happened and when in its hover text. Same words as the card.
import type { PersonCard } from '../../shared/domain';
import { goneStatusText, goneStatusTitle, movedToHandle } from '../actions/goneStatusLabel';

export function GoneBadge({ person }: { person: Pick<PersonCard, 'goneAt' | 'goneReason' | 'movedTo'> }) {
  if (!person.goneAt) return null;
  const movedTo = movedToHandle(person);
  return (
    <span className="badge badge-gone" data-testid="gone-badge" title={goneStatusTitle(person)}>
      {goneStatusText(person)}
      {movedTo ? (
        <>
          {' to '}
          <bdi>{movedTo}</bdi>
        </>
      ) : null}
    </span>
  );
}
