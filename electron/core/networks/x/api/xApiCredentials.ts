// Where an X account's developer-app credential lives: sealed (AES-GCM, core/secrets) in the
// account's credentials rows, so neither the database nor a log holds it in the clear, and removing
// the account removes it in the same DELETE. An archive-imported account has none: it is read from
// archives only until the person signs in with their app.
import { z } from 'zod';
import { AccountCredentialStorage } from '../../../accounts/credentialStorage';
import { SealedJsonStore } from '../../../secrets/sealedJsonStore';
import type { ProviderPorts } from '../../networkModule';

export type StoredXCredential =
  /** A bearer token pasted from the developer portal: app-only, read-only. */
  | { kind: 'bearer'; token: string }
  /** OAuth 2.0 with PKCE on the person's own app (a public client: no secret). */
  | { kind: 'oauth'; clientId: string; accessToken: string; refreshToken: string | null; expiresAt: string | null };

const storedSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('bearer'), token: z.string().min(1) }),
  z.object({ kind: z.literal('oauth'), clientId: z.string().min(1), accessToken: z.string().min(1), refreshToken: z.string().nullable(), expiresAt: z.string().nullable() }),
]);

export async function xCredentialStore(ports: ProviderPorts, accountId: number): Promise<SealedJsonStore<StoredXCredential>> {
  const { db, box } = await ports.sealed();
  return new SealedJsonStore(new AccountCredentialStorage(db, accountId, ports.now), box, `x-api:${accountId}`, storedSchema);
}

/** Whether the account reads through the API (a credential is stored), without opening it. */
export function hasXCredential(db: { prepare(sql: string): { get(...args: unknown[]): unknown } }, accountId: number): boolean {
  return db.prepare('SELECT 1 FROM credentials WHERE account_id = ? AND name = ?').get(accountId, `x-api:${accountId}`) !== undefined;
}
