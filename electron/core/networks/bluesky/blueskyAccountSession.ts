// Where an existing Bluesky account's session is kept: sealed in its credentials rows, so
// removing the account removes it in the same DELETE.
import { AccountCredentialStorage } from '../../accounts/credentialStorage';
import type { ProviderPorts } from '../networkModule';
import { sealedBlueskySessionStore, type SessionStore } from './blueskySessionStore';

/** The HTTP client's service name: one rate-limit clock for every Bluesky account. */
export const BLUESKY_SERVICE = 'Bluesky';

export async function blueskyAccountSessionStore(ports: ProviderPorts, accountId: number): Promise<SessionStore> {
  const { db, box } = await ports.sealed();
  return sealedBlueskySessionStore(new AccountCredentialStorage(db, accountId, ports.now), box, String(accountId));
}
