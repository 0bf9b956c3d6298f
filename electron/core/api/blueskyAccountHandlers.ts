// addBlueskyAccount: sign in with a handle and an app password, keep only the sealed session
// (the password itself is never stored or logged), create the account (remote id = DID) and
// start its first sync through the same engine every network uses.
import { RapportError } from '../../../shared/api/errors';
import type { SecretKeeper } from '../accounts/secretKeeper';
import { asSignInStep } from '../auth/signInFailure';
import { BlueskySession } from '../providers/bluesky/blueskySession';
import { MemorySessionStore } from '../providers/bluesky/blueskySessionStore';
import { accountsRepo } from '../repos/accountsRepo';
import type { SyncEngine } from '../sync/syncEngine';
import type { SignInParamsOf } from '../../../shared/api/networks';
import type { Account } from '../../../shared/domain';
import type { SignInSteps } from '../networks/networkModule';
import type { CoreContext, HandlerGroup } from './handlerTypes';

/** Signing in to Bluesky with an app password: the account exists when begin answers. */
export function createBlueskySignIn(engine: SyncEngine, secrets: SecretKeeper): SignInSteps<'bluesky'> {
  const addAccount = ({ identifier, appPassword, serviceUrl }: SignInParamsOf<'bluesky'>, ctx: CoreContext): Promise<Account> =>
    asSignInStep('The Bluesky server', async () => {
      // Before the login: a machine that cannot keep the session must not spend a login attempt.
      await secrets.open();
      const http = engine.providers.http('Bluesky');
      const scratch = new MemorySessionStore();
      const session = await BlueskySession.signIn(http, scratch, { identifier, password: appPassword, serviceUrl });
      const did = session.did;
      const signedIn = await scratch.load();
      if (!did || !signedIn) throw new RapportError('AUTH_EXPIRED', 'Bluesky did not start a session; sign in again.');
      // Loaded here, not at import: @atproto/api is heavy and most cores never sign in to Bluesky.
      const { BlueskyProvider } = await import('../providers/bluesky/blueskyProvider');
      const self = await new BlueskyProvider({ session, http }).getSelf();

      const accounts = accountsRepo(ctx.db);
      const existed = accounts.list().some((a) => a.network === 'bluesky' && a.remoteId === did);
      const account = accounts.upsert(
        { network: 'bluesky', remoteId: did, handle: self.handle || signedIn.handle, displayName: self.displayName, serverUrl: signedIn.serviceUrl },
        new Date(ctx.now()).toISOString(),
      );
      try {
        // Signing in again replaces the old session; the provider is rebuilt from the sealed copy.
        await engine.cancelAndWait(account.id);
        engine.providers.drop(account.id);
        await (await engine.providers.blueskySessionStore(account.id)).save(signedIn);
      } catch (error) {
        if (!existed) accounts.remove(account.id, ctx.mediaDir);
        throw error;
      }
      ctx.emit('accounts.changed', { accounts: accounts.list() });
      if (!engine.isRunning(account.id)) engine.start(account.id);
      return accounts.require(account.id);
    });
  return { begin: async (params, ctx) => ({ status: 'signedIn', account: await addAccount(params, ctx) }) };
}

/** The older method; the window moves to beginSignIn({ network: 'bluesky' }). */
export function createBlueskyAccountHandlers(signIn: SignInSteps<'bluesky'>): HandlerGroup {
  return {
    addBlueskyAccount: async (input, ctx) => {
      const start = await signIn.begin({ network: 'bluesky', ...input }, ctx);
      if (start.status !== 'signedIn') throw new RapportError('INTERNAL', 'The Bluesky account was not created.');
      return start.account;
    },
  };
}
