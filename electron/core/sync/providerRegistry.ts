// Which Provider serves an account. One instance per account for the life of the core, so a
// provider's session state (the sample network's in-memory follows, Bluesky's refreshed tokens
// and rate-limit clock) is shared by the sync, on-demand media and the outbox.
import type Database from 'better-sqlite3';
import type { Account } from '../../../shared/domain';
import { RapportError } from '../../../shared/api/errors';
import { AccountCredentialStorage } from '../accounts/credentialStorage';
import type { SecretKeeper } from '../accounts/secretKeeper';
import { HttpClient } from '../net/httpClient';
import type { HttpClientOptions } from '../net/httpClientOptions';
import { createMediaHttpClient } from '../net/mediaHttpClient';
import type { NetLogger } from '../net/netLogger';
import { BlueskySession } from '../providers/bluesky/blueskySession';
import { sealedBlueskySessionStore, type SessionStore } from '../providers/bluesky/blueskySessionStore';
import { accountCredentialStore } from '../auth/mastodonSecretPlaces';
import { MastodonProvider } from '../providers/mastodon/mastodonProvider';
import { localAccountId } from '../providers/mastodon/mastodonRemoteId';
import type { Provider } from '../providers/provider';
import { decodeSampleAccountConfig } from '../providers/sample/sampleAccountConfig';
import { SampleProvider } from '../providers/sample/sampleProvider';

export interface ProviderRegistryOptions {
  samplePageDelayMs?: number;
  db?: Database.Database;
  secrets?: SecretKeeper;
  /** HTTP settings for real networks (tests shorten waits); defaults are the production ones. */
  http?: HttpClientOptions;
  now?: () => number;
}

/**
 * Retries, rate-limit waits and failures go to core's stderr (the app's log). The HTTP layer only
 * ever passes scalar fields (no headers, bodies or queries), so no secret can reach it.
 */
const coreNetLogger: NetLogger = {
  debug: () => {},
  warn: (message, fields) => console.warn(`[rapport net] ${message}`, JSON.stringify(fields ?? {})),
};

export class ProviderRegistry {
  private readonly providers = new Map<number, Promise<Provider>>();
  private readonly httpClients = new Map<string, HttpClient>();
  private mediaClient: HttpClient | null = null;

  constructor(private readonly options: ProviderRegistryOptions = {}) {}

  forAccount(account: Account): Promise<Provider> {
    const cached = this.providers.get(account.id);
    if (cached) return cached;
    const provider = this.create(account);
    this.providers.set(account.id, provider);
    // A provider that could not be built (no session, key unreadable) is tried again next time.
    provider.catch(() => {
      if (this.providers.get(account.id) === provider) this.providers.delete(account.id);
    });
    return provider;
  }

  /** Forgets an account's provider (the account was removed or signed in again). */
  drop(accountId: number): void {
    this.providers.delete(accountId);
  }

  /** One HTTP client per network, so its rate-limit clock covers every account on that server. */
  http(serviceName: string): HttpClient {
    let client = this.httpClients.get(serviceName);
    if (!client) {
      client = new HttpClient({ serviceName, logger: coreNetLogger, ...this.options.http });
      this.httpClients.set(serviceName, client);
    }
    return client;
  }

  /**
   * One media client for every account (mediaHttpClient.ts): avatars come from hosts the profiles
   * name, not from the network, so they get no retries, public addresses only, and their own name
   * in the log.
   */
  mediaHttp(): HttpClient {
    this.mediaClient ??= createMediaHttpClient({ ...this.options.http, logger: coreNetLogger });
    return this.mediaClient;
  }

  /** The sealed session store of a Bluesky account. */
  async blueskySessionStore(accountId: number): Promise<SessionStore> {
    const { db, secrets } = this.options;
    if (!db || !secrets) throw new RapportError('INTERNAL', 'Core was started without secret storage.');
    const box = await secrets.open();
    return sealedBlueskySessionStore(new AccountCredentialStorage(db, accountId, this.options.now), box, String(accountId));
  }

  private async create(account: Account): Promise<Provider> {
    if (account.network === 'sample') {
      const config = decodeSampleAccountConfig(account.serverUrl);
      if (!config) throw new RapportError('INTERNAL', 'The sample account is missing its settings. Remove it and add it again.');
      return new SampleProvider({ ...config, pageDelayMs: this.options.samplePageDelayMs ?? 0 });
    }
    if (account.network === 'bluesky') {
      const http = this.http('Bluesky');
      const session = await BlueskySession.resume(http, await this.blueskySessionStore(account.id));
      if (!session) {
        throw new RapportError('AUTH_EXPIRED', `Rapport is no longer signed in to Bluesky as @${account.handle}. Sign in again with your app password.`);
      }
      // @atproto/api loads with the first Bluesky provider, not with core.
      const { BlueskyProvider } = await import('../providers/bluesky/blueskyProvider');
      return new BlueskyProvider({ session, http, media: this.mediaHttp() });
    }
    if (account.network === 'mastodon') return this.mastodon(account);
    throw new RapportError('NETWORK_ERROR', `Syncing ${account.network} accounts is not available in this version.`);
  }

  /**
   * A Mastodon account's provider from its sealed grant. Every instance shares one HTTP client:
   * rate-limit state is kept per host inside it, so two accounts on one server share one clock.
   */
  private async mastodon(account: Account): Promise<Provider> {
    const { db, secrets } = this.options;
    if (!db || !secrets) throw new RapportError('INTERNAL', 'Core was started without secret storage.');
    const signInAgain = `Rapport is no longer signed in to Mastodon as @${account.handle}. Sign in again.`;
    if (!account.serverUrl) throw new RapportError('AUTH_EXPIRED', signInAgain);
    const origin = new URL(account.serverUrl).origin;
    const box = await secrets.open();
    const grant = await accountCredentialStore(db, account.id, box, this.options.now).loadGrant(origin, localAccountId(new URL(origin).host, account.remoteId));
    if (!grant) throw new RapportError('AUTH_EXPIRED', signInAgain);
    return MastodonProvider.fromGrant(this.http('Mastodon'), grant, { media: this.mediaHttp() });
  }
}
