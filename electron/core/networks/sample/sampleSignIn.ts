// Signing in to the sample network: the "Explore with sample data" path. It creates an ordinary
// account on the sample network and starts its first sync through the same engine every network
// uses.
import { RapportError } from '../../../../shared/api/errors';
import type { SignInParamsOf } from '../../../../shared/api/networks/signInParams';
import type { Account } from '../../../../shared/domain';
import { accountsRepo } from '../../repos/accountsRepo';
import type { ModulePorts, SignInSteps } from '../networkModule';
import { encodeSampleAccountConfig, SAMPLE_DEFAULTS } from './sampleAccountConfig';

/** Signing in to the sample network: creates the account at once and starts its first sync. */
export function createSampleSignIn(ports: ModulePorts): SignInSteps<'sample'> {
  const addAccount = (input: SignInParamsOf<'sample'>): Account => {
    const accounts = accountsRepo(ports.db);
    // One at a time: two boards of invented people would only confuse.
    if (accounts.list().some((a) => a.network === 'sample')) {
      throw new RapportError('CONFLICT', 'A sample account already exists. Remove it first to start over.');
    }
    const seed = input.seed ?? SAMPLE_DEFAULTS.seed;
    const createdAt = ports.now();
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
    ports.emit('accounts.changed', { accounts: accounts.list() });
    ports.sync.start(account.id);
    return account;
  };
  return { begin: async (params) => ({ status: 'signedIn', account: addAccount(params) }) };
}
