// Signing in to Bluesky with a handle and an app password: keep only the sealed session (the
// password itself is never stored or logged), create the account (remote id = DID) and start its
// first sync through the same engine every network uses.
import { RapportError } from '../../../../shared/api/errors';
import type { SignInParamsOf } from '../../../../shared/api/networks/signInParams';
import type { Account } from '../../../../shared/domain';
import { asSignInStep } from '../../auth/signInFailure';
import { accountsRepo } from '../../repos/accountsRepo';
import type { ModulePorts, SignInSteps } from '../networkModule';
import { BLUESKY_SERVICE, blueskyAccountSessionStore } from './blueskyAccountSession';
import { BlueskySession } from './blueskySession';
import { MemorySessionStore } from './blueskySessionStore';

/** Signing in to Bluesky with an app password: the account exists when begin answers. */
export function createBlueskySignIn(ports: ModulePorts): SignInSteps<'bluesky'> {
  const addAccount = ({ identifier, appPassword, serviceUrl }: SignInParamsOf<'bluesky'>): Promise<Account> =>
    asSignInStep('The Bluesky server', async () => {
      // Before the login: a machine that cannot keep the session must not spend a login attempt.
      await ports.secrets.open();
      const http = ports.http(BLUESKY_SERVICE);
      const scratch = new MemorySessionStore();
      const session = await BlueskySession.signIn(http, scratch, { identifier, password: appPassword, serviceUrl });
      const did = session.did;
      const signedIn = await scratch.load();
      if (!did || !signedIn) throw new RapportError('AUTH_EXPIRED', 'Bluesky did not start a session; sign in again.');
      // Loaded here, not at import: @atproto/api is heavy and most cores never sign in to Bluesky.
      const { BlueskyProvider } = await import('./blueskyProvider');
      const self = await new BlueskyProvider({ session, http }).getSelf();

      const accounts = accountsRepo(ports.db);
      const existed = accounts.list().some((a) => a.network === 'bluesky' && a.remoteId === did);
      const account = accounts.upsert(
        { network: 'bluesky', remoteId: did, handle: self.handle || signedIn.handle, displayName: self.displayName, serverUrl: signedIn.serviceUrl },
        new Date(ports.now()).toISOString(),
      );
      try {
        // Signing in again replaces the old session; the provider is rebuilt from the sealed copy.
        await ports.sync.cancelAndWait(account.id);
        ports.sync.dropProvider(account.id);
        await (await blueskyAccountSessionStore(ports, account.id)).save(signedIn);
      } catch (error) {
        if (!existed) accounts.remove(account.id, ports.mediaDir);
        throw error;
      }
      ports.emit('accounts.changed', { accounts: accounts.list() });
      if (!ports.sync.isRunning(account.id)) ports.sync.start(account.id);
      return accounts.require(account.id);
    });
  return { begin: async (params) => ({ status: 'signedIn', account: await addAccount(params) }) };
}
