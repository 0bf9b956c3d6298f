// Where a Bluesky session lives between runs. Core persists it sealed (AES-GCM, see
// electron/core/secrets/) so neither the database nor a log ever holds a token in the clear.
import { z } from 'zod';
import { SealedJsonStore } from '../../secrets/sealedJsonStore';
import type { SecretBox } from '../../secrets/secretBox';
import type { SecretStorage } from '../../secrets/secretStorage';

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

const storedSessionSchema = z.object({
  did: z.string().startsWith('did:'),
  handle: z.string(),
  accessJwt: z.string().min(1),
  refreshJwt: z.string().min(1),
  serviceUrl: z.url(),
});

/**
 * The store core uses: the session sealed under `bluesky-session:<accountKey>` (an account id, or
 * the DID before the account row exists).
 */
export function sealedBlueskySessionStore(storage: SecretStorage, box: SecretBox, accountKey: string): SessionStore {
  return new SealedJsonStore<StoredBlueskySession>(storage, box, `bluesky-session:${accountKey}`, storedSessionSchema);
}
