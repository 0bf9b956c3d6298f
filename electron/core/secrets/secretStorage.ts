// Where sealed secrets are kept. Storage only ever sees SecretBox envelopes, never plaintext.
import type Database from 'better-sqlite3';

export interface SecretStorage {
  get(name: string): Promise<string | null>;
  set(name: string, sealed: string): Promise<void>;
  delete(name: string): Promise<void>;
}

export class MemorySecretStorage implements SecretStorage {
  readonly values = new Map<string, string>();
  async get(name: string): Promise<string | null> {
    return this.values.get(name) ?? null;
  }
  async set(name: string, sealed: string): Promise<void> {
    this.values.set(name, sealed);
  }
  async delete(name: string): Promise<void> {
    this.values.delete(name);
  }
}

const KEY_PREFIX = 'secret:';

/**
 * Sealed secrets in the `settings` key/value table under `secret:<name>`, until a dedicated
 * `credentials (account_id INTEGER PRIMARY KEY REFERENCES accounts ON DELETE CASCADE, sealed TEXT
 * NOT NULL, updated_at TEXT NOT NULL)` table exists, which would also drop them with the account.
 */
export class SettingsSecretStorage implements SecretStorage {
  private readonly selectStmt: Database.Statement<[string], { value: string }>;
  private readonly upsertStmt: Database.Statement<[string, string]>;
  private readonly deleteStmt: Database.Statement<[string]>;

  constructor(db: Database.Database) {
    this.selectStmt = db.prepare('SELECT value FROM settings WHERE key = ?');
    this.upsertStmt = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
    this.deleteStmt = db.prepare('DELETE FROM settings WHERE key = ?');
  }

  async get(name: string): Promise<string | null> {
    return this.selectStmt.get(KEY_PREFIX + name)?.value ?? null;
  }

  async set(name: string, sealed: string): Promise<void> {
    this.upsertStmt.run(KEY_PREFIX + name, sealed);
  }

  async delete(name: string): Promise<void> {
    this.deleteStmt.run(KEY_PREFIX + name);
  }
}
