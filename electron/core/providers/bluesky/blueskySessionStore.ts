// Where a Bluesky session lives between runs. Core persists it encrypted (see
// electron/core/secrets/encryptedSessionStore.ts); tests may keep it in memory.

/** What we keep of a createSession / refreshSession answer: enough to resume without a login. */
export interface StoredBlueskySession {
  did: string;
  handle: string;
  accessJwt: string;
  refreshJwt: string;
  /** The PDS (or entryway) every request goes to. */
  serviceUrl: string;
}

export interface SessionStore {
  load(): Promise<StoredBlueskySession | null>;
  save(session: StoredBlueskySession): Promise<void>;
  clear(): Promise<void>;
}

export class MemorySessionStore implements SessionStore {
  private session: StoredBlueskySession | null = null;
  saves = 0;
  async load(): Promise<StoredBlueskySession | null> {
    return this.session ? { ...this.session } : null;
  }
  async save(session: StoredBlueskySession): Promise<void> {
    this.saves++;
    this.session = { ...session };
  }
  async clear(): Promise<void> {
    this.session = null;
  }
}
