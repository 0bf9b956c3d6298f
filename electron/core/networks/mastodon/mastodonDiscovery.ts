// Finds an instance's OAuth endpoints. Mastodon ≥ 4.3 publishes RFC 8414 metadata at
// /.well-known/oauth-authorization-server, including whether it supports PKCE S256; older servers
// do not, and use the fixed /oauth/authorize and /oauth/token paths.
import { z } from 'zod';
import { RapportError } from '../../../../shared/api/errors';
import type { HttpClient } from '../../net/httpClient';

export interface OAuthEndpoints {
  authorizationEndpoint: string;
  tokenEndpoint: string;
  revocationEndpoint: string | null;
  /** True when the server said so; null when it published no metadata (older Mastodon). */
  pkceS256: boolean | null;
}

const metadataSchema = z.object({
  authorization_endpoint: z.string(),
  token_endpoint: z.string(),
  revocation_endpoint: z.string().optional(),
  code_challenge_methods_supported: z.array(z.string()).optional(),
});

export function defaultEndpoints(origin: string): OAuthEndpoints {
  return { authorizationEndpoint: `${origin}/oauth/authorize`, tokenEndpoint: `${origin}/oauth/token`, revocationEndpoint: `${origin}/oauth/revoke`, pkceS256: null };
}

/** An endpoint must be on the instance itself: the token endpoint receives our client secret. */
function onInstance(value: string, origin: string, name: string): string {
  let url: URL;
  try {
    url = new URL(value, origin);
  } catch {
    throw new RapportError('NETWORK_ERROR', `The server's sign-in settings are broken (${name} is not an address).`);
  }
  if (url.origin !== origin) throw new RapportError('NETWORK_ERROR', `The server's sign-in settings point to another site (${name}: ${url.host}); refusing to sign in there.`);
  return url.href;
}

export async function discoverOAuthEndpoints(http: HttpClient, origin: string, signal?: AbortSignal): Promise<OAuthEndpoints> {
  const response = await http.request(`${origin}/.well-known/oauth-authorization-server`, { headers: { accept: 'application/json' } }, { signal });
  if (!response.ok) return defaultEndpoints(origin);
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    return defaultEndpoints(origin);
  }
  const parsed = metadataSchema.safeParse(json);
  if (!parsed.success) return defaultEndpoints(origin);
  const meta = parsed.data;
  const methods = meta.code_challenge_methods_supported;
  if (methods && !methods.includes('S256')) {
    throw new RapportError('INVALID_INPUT', 'This Mastodon server does not support secure sign-in for apps (PKCE S256), so Rapport cannot connect to it.');
  }
  return {
    authorizationEndpoint: onInstance(meta.authorization_endpoint, origin, 'authorization_endpoint'),
    tokenEndpoint: onInstance(meta.token_endpoint, origin, 'token_endpoint'),
    revocationEndpoint: meta.revocation_endpoint ? onInstance(meta.revocation_endpoint, origin, 'revocation_endpoint') : null,
    pkceS256: methods ? true : null,
  };
}
