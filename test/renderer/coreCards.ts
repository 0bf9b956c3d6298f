// Test-only: a person's card as core answers it (the people list's query), for tests that render
// one card's parts on their own. Cards come from core, so what they show is what core stores.
import type { PersonCard } from '../../shared/domain';
import type { CoreApi } from './coreApi';

export async function cardFromCore(api: CoreApi, personId: number, accountId = 1): Promise<PersonCard> {
  const page = await api.core.call('queryPeople', { accountId, filter: {}, sort: 'newest', limit: 500 });
  if (!page.ok) throw new Error(page.error.message);
  const card = (page.value as { items: PersonCard[] }).items.find((c) => c.personId === personId);
  if (!card) throw new Error(`core has no card for person ${personId}`);
  return card;
}
