// Where an existing Mastodon account's grant is read from: its sealed credentials rows (the app
// registration, per instance, lives in settings; see mastodonSecretPlaces.ts).
import type { Account } from '../../../../shared/domain';
import type { ProviderPorts } from '../networkModule';
import type { MastodonCredentialStore, MastodonGrant } from './mastodonCredentialStore';
import { localAccountId } from './mastodonRemoteId';
import { accountCredentialStore } from './mastodonSecretPlaces';

/** The HTTP client's service name: every instance shares one client, rate limits kept per host. */
export const MASTODON_SERVICE = 'Mastodon';

export async function mastodonAccountStore(ports: ProviderPorts, accountId: number): Promise<MastodonCredentialStore> {
  const { db, box } = await ports.sealed();
  return accountCredentialStore(db, accountId, box, ports.now);
}

/** The stored grant, or null when none is stored for the account's server and id. */
export async function loadMastodonGrant(ports: ProviderPorts, account: Account): Promise<MastodonGrant | null> {
  if (!account.serverUrl) return null;
  const origin = new URL(account.serverUrl).origin;
  return (await mastodonAccountStore(ports, account.id)).loadGrant(origin, localAccountId(new URL(origin).host, account.remoteId));
}
