// The sample network as a module: invented people from a seeded generator, kept in the account's
// settings so a restarted core rebuilds the very same network.
import { RapportError } from '../../../../shared/api/errors';
import { sampleContract } from '../../../../shared/api/networks/sample';
import type { NetworkModule } from '../networkModule';
import { decodeSampleAccountConfig } from './sampleAccountConfig';
import { sampleFollowsFromOutbox } from './sampleFollowLedger';
import { samplePolicy } from './samplePolicy';
import { SampleProvider } from './sampleProvider';
import { createSampleSignIn } from './sampleSignIn';

export const sampleModule: NetworkModule<'sample'> = {
  id: 'sample',
  label: sampleContract.label,
  policy: samplePolicy,
  async createProvider(account, ports) {
    const config = decodeSampleAccountConfig(account.serverUrl);
    if (!config) throw new RapportError('INTERNAL', 'The sample account is missing its settings. Remove it and add it again.');
    // Follows made through Rapport, so a restarted core knows them (no phantom unfollow).
    const follows = ports.db ? sampleFollowsFromOutbox(ports.db, account.id) : undefined;
    return new SampleProvider({ ...config, pageDelayMs: ports.settings.samplePageDelayMs ?? 0, follows });
  },
  createSignIn: createSampleSignIn,
};
