// addSampleAccount: the "Explore with sample data" path. It creates an ordinary account on the
// sample network and starts its first sync through the same engine every network uses.
import { RapportError } from '../../../shared/api/errors';
import { encodeSampleAccountConfig, SAMPLE_DEFAULTS } from '../providers/sample/sampleAccountConfig';
import { accountsRepo } from '../repos/accountsRepo';
import type { SyncEngine } from '../sync/syncEngine';
import type { SignInParamsOf } from '../../../shared/api/networks';
import type { Account } from '../../../shared/domain';
import type { SignInSteps } from '../networks/networkModule';
import type { CoreContext, HandlerGroup } from './handlerTypes';

/** Signing in to the sample network: creates the account at once and starts its first sync. */
export function createSampleSignIn(engine: SyncEngine): SignInSteps<'sample'> {
  const addAccount = (input: SignInParamsOf<'sample'>, ctx: CoreContext): Account => {
    const accounts = accountsRepo(ctx.db);
    // One at a time: two boards of invented people would only confuse.
    if (accounts.list().some((a) => a.network === 'sample')) {
      throw new RapportError('CONFLICT', 'A sample account already exists. Remove it first to start over.');
    }
    const seed = input.seed ?? SAMPLE_DEFAULTS.seed;
    const createdAt = ctx.now();
    const account = accounts.upsert(
      {
        network: 'sample',
        remoteId: `s${seed}-self`,
        handle: 'sample',
        displayName: 'Sample account',
        serverUrl: encodeSampleAccountConfig({
          seed,
          followers: input.followers ?? SAMPLE_DEFAULTS.followers,
          following: input.following ?? SAMPLE_DEFAULTS.following,
          anchorMs: createdAt,
        }),
      },
      new Date(createdAt).toISOString(),
    );
    ctx.emit('accounts.changed', { accounts: accounts.list() });
    engine.start(account.id);
    return account;
  };
  return { begin: async (params, ctx) => ({ status: 'signedIn', account: addAccount(params, ctx) }) };
}

/** The older method; the window moves to beginSignIn({ network: 'sample' }). */
export function createSampleAccountHandlers(signIn: SignInSteps<'sample'>): HandlerGroup {
  return {
    addSampleAccount: async (input, ctx) => {
      const start = await signIn.begin({ network: 'sample', ...input }, ctx);
      if (start.status !== 'signedIn') throw new RapportError('INTERNAL', 'The sample account was not created.');
      return start.account;
    },
  };
}
