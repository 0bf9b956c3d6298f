// What the user can do with one person from their profile: write a message, see and retry
// actions. Placeholder until the composer lands.
import type { PersonProfile } from '../../shared/domain';

export function ProfileActions(_props: { profile: PersonProfile; accountId: number }) {
  return null;
}
