// People I follow who follow this person, where the network tells us (its known followers).
import { useId } from 'react';
import type { PersonProfile } from '../../shared/domain';
import { formatGrouped } from '../format/numberFormat';
import { Avatar } from '../people/Avatar';
import { formatHandle } from '../people/personIdentity';
import { RemoteName } from '../safeHtml/RemoteHtml';

const SHOWN = 5;

export function SharedConnections({ profile }: { profile: PersonProfile }) {
  const people = profile.sharedConnections ?? [];
  const total = profile.sharedConnectionsCount ?? people.length;
  const titleId = useId();
  if (total === 0) return null;
  const more = total - Math.min(people.length, SHOWN);
  return (
    <section className="profile-section" aria-labelledby={titleId}>
      <h3 id={titleId} className="profile-section-title">
        Followed by {formatGrouped(total)} {total === 1 ? 'person' : 'people'} you follow
      </h3>
      <ul className="shared-connections">
        {people.slice(0, SHOWN).map((person) => (
          <li key={person.handle} className="shared-connection">
            <Avatar avatarUrl={person.avatarUrl} displayName={person.displayName} handle={person.handle} size={24} />
            <RemoteName name={person.displayName || formatHandle(person.handle)} />
          </li>
        ))}
        {more > 0 ? <li className="muted">and {formatGrouped(more)} more</li> : null}
      </ul>
    </section>
  );
}
