// Removing a Mastodon account also revokes its token on the server, so a copy of it is useless.
// The grant is read while the account's rows still exist (accountRemoving), and the revocation
// runs after the local removal, in the background: the user asked to forget the account, and an
// unreachable server must not hold that up.
import type { Account } from '../../../../shared/domain';
import type { CoreBus } from '../../events/coreBus';
import type { ModulePorts } from '../networkModule';
import { loadMastodonGrant, MASTODON_SERVICE, mastodonAccountStore } from './mastodonAccountGrant';
import type { MastodonGrant } from './mastodonCredentialStore';
import { signOutOfMastodon } from './mastodonSignOut';

/** How long closing core waits for token revocations still in flight. */
const SIGN_OUT_GRACE_MS = 2_000;

export function attachMastodonSignOut(bus: CoreBus, ports: ModulePorts): () => Promise<void> {
  const grants = new Map<number, MastodonGrant>();
  const signOuts = new Set<Promise<unknown>>();

  /** The stored grant, or null (none stored, or the key cannot open it). */
  const grantOf = async (account: Account): Promise<MastodonGrant | null> => {
    if (account.network !== 'mastodon' || !ports.secretsAvailable) return null;
    try {
      return await loadMastodonGrant(ports, account);
    } catch {
      return null;
    }
  };

  bus.on('accountRemoving', async ({ account }) => {
    const grant = await grantOf(account);
    if (grant) grants.set(account.id, grant);
  });

  bus.on('accountRemoved', async ({ account }) => {
    const grant = grants.get(account.id);
    if (!grant) return;
    grants.delete(account.id);
    // signOutOfMastodon never throws; the registration it reads lives on in settings.
    const signOut = signOutOfMastodon(ports.http(MASTODON_SERVICE), await mastodonAccountStore(ports, account.id), grant);
    signOuts.add(signOut);
    void signOut.finally(() => signOuts.delete(signOut));
  });

  return async () => {
    // A revocation still out gets a short grace; quitting never waits on a slow server.
    let grace: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.allSettled([...signOuts]),
      new Promise<void>((resolve) => {
        grace = setTimeout(resolve, SIGN_OUT_GRACE_MS);
      }),
    ]);
    clearTimeout(grace);
  };
}
