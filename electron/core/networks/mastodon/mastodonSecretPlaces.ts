// Where each Mastodon secret is kept. The app registration (client id and secret) belongs to an
// instance, not to an account, and is reused by every sign-in there: it lives sealed in the
// settings table. The access token belongs to one account: it lives sealed in that account's
// credentials rows, so removing the account removes it in the same DELETE. During a sign-in the
// account row does not exist yet, so the grant waits in memory until the account is created.
import type Database from 'better-sqlite3';
import { AccountCredentialStorage } from '../../accounts/credentialStorage';
import type { SecretBox } from '../../secrets/secretBox';
import { MemorySecretStorage, SettingsSecretStorage, type SecretStorage } from '../../secrets/secretStorage';
import { MastodonCredentialStore } from './mastodonCredentialStore';

const CLIENT_PREFIX = 'mastodon-client:';

/** Registrations to the settings table, everything else (the grant) to `grants`. */
class MastodonSecretStorage implements SecretStorage {
  private readonly settings: SettingsSecretStorage;

  constructor(
    db: Database.Database,
    private readonly grants: SecretStorage,
  ) {
    this.settings = new SettingsSecretStorage(db);
  }

  private target(name: string): SecretStorage {
    return name.startsWith(CLIENT_PREFIX) ? this.settings : this.grants;
  }

  get(name: string): Promise<string | null> {
    return this.target(name).get(name);
  }

  set(name: string, sealed: string): Promise<void> {
    return this.target(name).set(name, sealed);
  }

  delete(name: string): Promise<void> {
    return this.target(name).delete(name);
  }
}

/** The store one sign-in works with: nothing of the grant reaches disk until the account exists. */
export function signInCredentialStore(db: Database.Database, box: SecretBox): MastodonCredentialStore {
  return new MastodonCredentialStore(new MastodonSecretStorage(db, new MemorySecretStorage()), box);
}

/** The sealed grant of an existing Mastodon account (credentials table, cascades with the account). */
export function accountCredentialStore(db: Database.Database, accountId: number, box: SecretBox, now?: () => number): MastodonCredentialStore {
  return new MastodonCredentialStore(new MastodonSecretStorage(db, new AccountCredentialStorage(db, accountId, now)), box);
}
