// Where a GitHub account's token lives: sealed (AES-GCM, see core/secrets) in the account's
// credentials rows, so neither the database nor a log holds it in the clear, and removing the
// account removes it in the same DELETE. The Enterprise address travels with it.
import { z } from 'zod';
import { AccountCredentialStorage } from '../../accounts/credentialStorage';
import { SealedJsonStore } from '../../secrets/sealedJsonStore';
import type { ProviderPorts } from '../networkModule';

/** The HTTP client's service name: one rate-limit clock for every GitHub account. */
export const GITHUB_SERVICE = 'GitHub';

export interface StoredGithubToken {
  token: string;
  /** The Enterprise address as entered, or null for github.com. */
  enterpriseUrl: string | null;
}

const storedTokenSchema = z.object({ token: z.string().min(1), enterpriseUrl: z.string().nullable() });

export async function githubTokenStore(ports: ProviderPorts, accountId: number): Promise<SealedJsonStore<StoredGithubToken>> {
  const { db, box } = await ports.sealed();
  return new SealedJsonStore(new AccountCredentialStorage(db, accountId, ports.now), box, `github-token:${accountId}`, storedTokenSchema);
}
