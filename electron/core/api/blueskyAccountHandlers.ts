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
import type { HandlerGroup } from './handlerTypes';

export function createBlueskyAccountHandlers(engine: SyncEngine, secrets: SecretKeeper): HandlerGroup {
  return {
    addBlueskyAccount: ({ identifier, appPassword, serviceUrl }, ctx) => asSignInStep('The Bluesky server', async () => {
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
    }),
  };
}
