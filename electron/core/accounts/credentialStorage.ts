// Sealed secrets of one account in the credentials table (migration 0004). Rows cascade from
// accounts, so removing an account removes its sign-in in the same DELETE. Only SecretBox
// envelopes are ever written here; the plaintext never reaches SQLite.
import type Database from 'better-sqlite3';
import { perDatabase } from '../repos/perDatabase';
import type { SecretStorage } from '../secrets/secretStorage';

const credentialStatements = perDatabase((db: Database.Database) => ({
  get: db.prepare('SELECT sealed FROM credentials WHERE account_id = ? AND name = ?'),
  set: db.prepare(
    `INSERT INTO credentials (account_id, name, sealed, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (account_id, name) DO UPDATE SET sealed = excluded.sealed, updated_at = excluded.updated_at`,
  ),
  delete: db.prepare('DELETE FROM credentials WHERE account_id = ? AND name = ?'),
}));

export class AccountCredentialStorage implements SecretStorage {
  constructor(
    private readonly db: Database.Database,
    private readonly accountId: number,
    private readonly now: () => number = Date.now,
  ) {}

  async get(name: string): Promise<string | null> {
    if (!this.db.open) return null;
    const row = credentialStatements(this.db).get.get(this.accountId, name) as { sealed: string } | undefined;
    return row?.sealed ?? null;
  }

  async set(name: string, sealed: string): Promise<void> {
    // A refresh can finish after the account was removed (or core closed): nothing to keep then.
    if (!this.db.open) return;
    const exists = this.db.prepare('SELECT 1 FROM accounts WHERE id = ?').get(this.accountId);
    if (!exists) return;
    credentialStatements(this.db).set.run(this.accountId, name, sealed, new Date(this.now()).toISOString());
  }

  async delete(name: string): Promise<void> {
    if (!this.db.open) return;
    credentialStatements(this.db).delete.run(this.accountId, name);
  }
}
