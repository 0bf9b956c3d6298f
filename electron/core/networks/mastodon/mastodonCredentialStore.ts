// Where Mastodon secrets live between runs, always sealed (SecretBox → SecretStorage): the app
// registration per instance (client id and secret, reused for every sign-in there) and the access
// token per signed-in account. Neither the database nor a log ever holds them in the clear.
import { z } from 'zod';
import { SealedJsonStore } from '../../secrets/sealedJsonStore';
import type { SecretBox } from '../../secrets/secretBox';
import type { SecretStorage } from '../../secrets/secretStorage';

export interface MastodonClientRegistration {
  origin: string;
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  /** The scopes the app was registered with (a superset of what each sign-in asks for). */
  scopes: string;
}

export interface MastodonGrant {
  origin: string;
  /** The signed-in account's instance-local id. */
  accountId: string;
  /** user@domain. */
  acct: string;
  accessToken: string;
  /** Scopes the server granted, space separated. */
  scope: string;
  createdAt: string;
}

const clientSchema = z.object({
  origin: z.url(),
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
  redirectUris: z.array(z.string()),
  scopes: z.string(),
});

const grantSchema = z.object({
  origin: z.url(),
  accountId: z.string().min(1),
  acct: z.string().min(1),
  accessToken: z.string().min(1),
  scope: z.string(),
  createdAt: z.string(),
});

export class MastodonCredentialStore {
  constructor(
    private readonly storage: SecretStorage,
    private readonly box: SecretBox,
  ) {}

  private clientStore(origin: string): SealedJsonStore<MastodonClientRegistration> {
    return new SealedJsonStore(this.storage, this.box, `mastodon-client:${origin}`, clientSchema);
  }

  private grantStore(origin: string, accountId: string): SealedJsonStore<MastodonGrant> {
    return new SealedJsonStore(this.storage, this.box, `mastodon-token:${origin}:${accountId}`, grantSchema);
  }

  loadClient(origin: string): Promise<MastodonClientRegistration | null> {
    return this.clientStore(origin).load();
  }

  saveClient(client: MastodonClientRegistration): Promise<void> {
    return this.clientStore(client.origin).save(client);
  }

  clearClient(origin: string): Promise<void> {
    return this.clientStore(origin).clear();
  }

  loadGrant(origin: string, accountId: string): Promise<MastodonGrant | null> {
    return this.grantStore(origin, accountId).load();
  }

  saveGrant(grant: MastodonGrant): Promise<void> {
    return this.grantStore(grant.origin, grant.accountId).save(grant);
  }

  clearGrant(origin: string, accountId: string): Promise<void> {
    return this.grantStore(origin, accountId).clear();
  }
}
