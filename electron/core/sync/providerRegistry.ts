// Which Provider serves an account. One instance per account for the life of the core, so a
// provider's session state (the sample network's in-memory follows, refreshed tokens and
// rate-limit clocks) is shared by the sync, on-demand media and the outbox. Each network's module
// builds its providers; this registry only caches them and owns the shared HTTP clients.
import type Database from 'better-sqlite3';
import type { Account } from '../../../shared/domain';
import { RapportError } from '../../../shared/api/errors';
import type { SecretKeeper } from '../accounts/secretKeeper';
import { HttpClient } from '../net/httpClient';
import type { HttpClientOptions } from '../net/httpClientOptions';
import { createMediaHttpClient } from '../net/mediaHttpClient';
import type { NetLogger } from '../net/netLogger';
import { RateLimitWaits } from '../net/rateLimitWaits';
import type { NetworkSettings, ProviderPorts } from '../networks/networkModule';
import { networkModule } from '../networks/networkRegistry';
import type { Provider } from '../networks/provider';

export interface ProviderRegistryOptions {
  db?: Database.Database;
  secrets?: SecretKeeper;
  /** HTTP settings for real networks (tests shorten waits); defaults are the production ones. */
  http?: HttpClientOptions;
  now?: () => number;
  settings?: NetworkSettings;
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
  /** Every network client reports its rate-limit waits here; a sync watches its own. */
  readonly limitWaits = new RateLimitWaits();

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
      client = new HttpClient({ serviceName, logger: coreNetLogger, limitWaits: this.limitWaits, ...this.options.http });
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

  private portsObject: ProviderPorts | null = null;

  /** What a module may use to build a provider. */
  get ports(): ProviderPorts {
    const { db, secrets, now = Date.now, settings = {} } = this.options;
    this.portsObject ??= {
      now,
      http: (serviceName) => this.http(serviceName),
      mediaHttp: () => this.mediaHttp(),
      sealed: async () => {
        if (!db || !secrets) throw new RapportError('INTERNAL', 'Core was started without secret storage.');
        return { db, box: await secrets.open() };
      },
      secretsAvailable: secrets?.available === true,
      settings,
      db,
    };
    return this.portsObject;
  }

  private async create(account: Account): Promise<Provider> {
    const module = networkModule(account.network);
    if (!module) throw new RapportError('NETWORK_ERROR', `Syncing ${account.network} accounts is not available in this version.`);
    return module.createProvider(account, this.ports);
  }
}
