// The token an X account's requests carry. A pasted bearer token never expires; an OAuth 2.0 user
// token lasts two hours, while a large account's sync spans many 15-minute windows, so it is
// renewed with its refresh token (offline.access) shortly before it runs out. X rotates refresh
// tokens: each renewal is stored sealed at once, and concurrent requests share one renewal.
import { RapportError } from '../../../../../shared/api/errors';
import type { SealedJsonStore } from '../../../secrets/sealedJsonStore';
import { xApi, type XApiTransport } from './xApiClient';
import type { StoredXCredential } from './xApiCredentials';

/** Renewed this long before it expires: a request (and its rate-limit wait) never outlives it. */
const RENEW_BEFORE_MS = 5 * 60_000;

export type XTokenSource = () => Promise<string>;

export function xAccessToken(initial: StoredXCredential, store: Pick<SealedJsonStore<StoredXCredential>, 'save'>, transport: XApiTransport): XTokenSource {
  let current = initial;
  let renewing: Promise<string> | null = null;

  const due = (): boolean => {
    if (current.kind !== 'oauth' || current.expiresAt === null || current.refreshToken === null) return false;
    return Date.parse(current.expiresAt) - transport.now() <= RENEW_BEFORE_MS;
  };

  async function renew(credential: Extract<StoredXCredential, { kind: 'oauth' }>): Promise<string> {
    const api = await xApi(transport, { clientId: credential.clientId });
    let grant;
    try {
      grant = await api.refreshOAuth2Token(credential.refreshToken as string);
    } catch (error) {
      if (error instanceof RapportError && error.code === 'AUTH_EXPIRED') {
        throw new RapportError('AUTH_EXPIRED', 'X no longer renews Rapport’s access for your app (it was revoked or the app changed). Sign in to X with your app again.');
      }
      throw error;
    }
    const next: StoredXCredential = {
      kind: 'oauth',
      clientId: credential.clientId,
      accessToken: grant.accessToken,
      refreshToken: grant.refreshToken ?? null,
      expiresAt: Number.isFinite(grant.expiresIn) ? new Date(transport.now() + grant.expiresIn * 1000).toISOString() : null,
    };
    await store.save(next);
    current = next;
    return next.accessToken;
  }

  return async () => {
    if (!due()) return current.kind === 'bearer' ? current.token : current.accessToken;
    if (current.kind !== 'oauth') return current.token;
    renewing ??= renew(current).finally(() => {
      renewing = null;
    });
    return renewing;
  };
}
