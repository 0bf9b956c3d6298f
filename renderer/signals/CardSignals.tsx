// A card's signal chips, tags and badges. Placeholder until the triage UI lands.
import type { PersonCard } from '../../shared/domain';

export function CardSignals(_props: { card: PersonCard }) {
  return null;
}
