// Which Provider serves an account. One instance per account for the life of the core, so a
// provider's session state (the sample network's in-memory follows, later a network's rate-limit
// clock) is shared by the sync, on-demand media and the outbox.
import type { Account } from '../../../shared/domain';
import { RapportError } from '../../../shared/api/errors';
import type { Provider } from '../providers/provider';
import { decodeSampleAccountConfig } from '../providers/sample/sampleAccountConfig';
import { SampleProvider } from '../providers/sample/sampleProvider';

export interface ProviderRegistryOptions {
  samplePageDelayMs?: number;
}

export class ProviderRegistry {
  private readonly providers = new Map<number, Provider>();

  constructor(private readonly options: ProviderRegistryOptions = {}) {}

  forAccount(account: Account): Provider {
    const cached = this.providers.get(account.id);
    if (cached) return cached;
    const provider = this.create(account);
    this.providers.set(account.id, provider);
    return provider;
  }

  /** Forgets an account's provider (the account was removed). */
  drop(accountId: number): void {
    this.providers.delete(accountId);
  }

  private create(account: Account): Provider {
    if (account.network === 'sample') {
      const config = decodeSampleAccountConfig(account.serverUrl);
      if (!config) throw new RapportError('INTERNAL', 'The sample account is missing its settings. Remove it and add it again.');
      return new SampleProvider({ ...config, pageDelayMs: this.options.samplePageDelayMs ?? 0 });
    }
    throw new RapportError('NETWORK_ERROR', `Syncing ${account.network} accounts is not available in this version.`);
  }
}
