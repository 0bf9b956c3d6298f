// Checking a personal access token before anything is stored: who it signs in as (GET /user),
// and whether it may do what Rapport does. Classic tokens name their scopes in X-OAuth-Scopes;
// following needs user:follow (or the broader user). Fine-grained tokens name nothing, so the
// Followers read permission is tried on the list itself (one person); the write permission
// cannot be tried without following someone, and a missing one is said at the first follow.
import { Octokit } from '@octokit/rest';
import { RapportError } from '../../../../shared/api/errors';
import { GITHUB_TOKEN_PERMISSIONS } from '../../../../shared/api/networks/github';
import type { HttpClient } from '../../net/httpClient';
import type { GithubEndpoints } from './githubEndpoints';
import { githubError, statusOf } from './githubErrors';
import { githubFetch } from './githubFetch';
import { restUserSchema, type RestUser } from './githubSchemas';

export interface CheckedToken {
  user: RestUser;
  /** The scopes of a classic token; null for a fine-grained one. */
  scopes: string[] | null;
}

const silentLog = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

/** What a classic token's scopes lack for Rapport, or null when they suffice. */
export function missingScopes(scopes: readonly string[]): string[] {
  const has = (scope: string) => scopes.includes(scope);
  const missing: string[] = [];
  if (!has('user') && !has('user:follow')) missing.push('user:follow');
  return missing;
}

export async function checkGithubToken(http: HttpClient, endpoints: GithubEndpoints, token: string): Promise<CheckedToken> {
  if (/\s/.test(token)) throw new RapportError('INVALID_INPUT', 'A GitHub token has no spaces. Paste it again as GitHub shows it.');
  const octokit = new Octokit({ auth: token, baseUrl: endpoints.restBase, userAgent: 'Rapport', log: silentLog, request: { fetch: githubFetch(http) } });
  let user: RestUser;
  let scopes: string[] | null;
  try {
    const response = await octokit.request('GET /user');
    const parsed = restUserSchema.safeParse(response.data);
    if (!parsed.success) throw new RapportError('NETWORK_ERROR', 'GitHub answered in a way Rapport cannot read. Check the address and try again.');
    user = parsed.data;
    const header = response.headers['x-oauth-scopes'];
    scopes = typeof header === 'string' ? header.split(',').map((s) => s.trim()).filter(Boolean) : null;
  } catch (error) {
    if (statusOf(error) === 401) {
      throw new RapportError('AUTH_EXPIRED', 'GitHub did not accept this token: it is mistyped, expired or revoked. Create a new one and paste it here.');
    }
    throw githubError(error, 'check the token');
  }
  if (scopes !== null) {
    const missing = missingScopes(scopes);
    if (missing.length > 0) {
      throw new RapportError('AUTH_EXPIRED', `This token cannot follow people on GitHub: it lacks the ${missing.join(' and ')} scope. ${GITHUB_TOKEN_PERMISSIONS}`);
    }
  } else {
    try {
      await octokit.request('GET /user/followers', { per_page: 1 });
    } catch (error) {
      if (statusOf(error) === 403) {
        throw new RapportError('AUTH_EXPIRED', `This token may not read your followers. ${GITHUB_TOKEN_PERMISSIONS}`);
      }
      throw githubError(error, 'check the token');
    }
  }
  return { user, scopes };
}
