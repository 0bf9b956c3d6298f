// Signing out of a Mastodon account: revoke the token on the server (so a copy of it is useless
// too) and forget it here. The app registration stays, so the next sign-in skips registration.
// Forgetting locally happens even when the server cannot be reached: the user asked to sign out.
import type { HttpClient } from '../../net/httpClient';
import type { MastodonCredentialStore, MastodonGrant } from './mastodonCredentialStore';
import { discoverOAuthEndpoints } from './mastodonDiscovery';

export interface SignOutResult {
  /** False when the server could not be told; the token then lives until it expires or is revoked there. */
  revokedOnServer: boolean;
}

export async function signOutOfMastodon(http: HttpClient, credentials: MastodonCredentialStore, grant: MastodonGrant): Promise<SignOutResult> {
  let revokedOnServer = false;
  try {
    const client = await credentials.loadClient(grant.origin);
    const endpoints = await discoverOAuthEndpoints(http, grant.origin);
    if (client && endpoints.revocationEndpoint) {
      const response = await http.request(endpoints.revocationEndpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token: grant.accessToken, client_id: client.clientId, client_secret: client.clientSecret }).toString(),
      }, { retry: 'idempotent' }); // revoking twice is harmless (RFC 7009)
      revokedOnServer = response.ok;
    }
  } catch {
    revokedOnServer = false;
  } finally {
    await credentials.clearGrant(grant.origin, grant.accountId);
  }
  return { revokedOnServer };
}
