// The state of a card's latest network action (queued, sending, done, failed + retry) and of the
// relationship itself (gone, unfollowed you, requested). Placeholder until the outbox UI lands.
import type { PersonCard } from '../../shared/domain';

export function CardStatus(_props: { card: PersonCard; accountId: number }) {
  return null;
}
