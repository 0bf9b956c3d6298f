// "They spoke to me before they followed": a reply, mention, quote (any conversation kind) toward
// me dated before the follow. The follow's date is the network's when it gives one (Bluesky's
// follow record); networks whose follower lists carry no date (Mastodon, GitHub) tell it through
// their follow notification, so the latest one stands in. Neither known: nothing is claimed.
// Needs @accountId; the caller names its people and relationships aliases. The follow date bounds
// the index range of interactions_by_person, so it is computed once per person.
import { CONVERSATION_KINDS } from '../../../shared/interactions';

const CONVERSATION_SQL = CONVERSATION_KINDS.map((kind) => `'${kind}'`).join(', ');

export function spokeBeforeFollowingSql(person: string, rel: string): string {
  // The counts keep the latest follow notification's date (one primary-key lookup, kept beyond retention).
  const followedAt = `coalesce(${rel}.followed_me_at,
    (SELECT c.last_at FROM interaction_counts c
     WHERE c.account_id = @accountId AND c.person_remote_id = ${person}.remote_id AND c.direction = 'theirs' AND c.kind = 'follow'))`;
  return `EXISTS (SELECT 1 FROM interactions i
    WHERE i.account_id = @accountId AND i.person_remote_id = ${person}.remote_id
      AND i.direction = 'theirs' AND i.kind IN (${CONVERSATION_SQL}) AND i.at < ${followedAt})`;
}
