// Where a GitHub account's API lives: api.github.com, or a GitHub Enterprise Server at
// https://HOST/api/v3 (REST) and https://HOST/api/graphql (GraphQL). People paste the address
// they know, so "ghe.example.com", "https://ghe.example.com" and ".../api/v3" all work.
import { RapportError } from '../../../../shared/api/errors';

export const GITHUB_DOT_COM_API = 'https://api.github.com';

export interface GithubEndpoints {
  /** REST root, without a trailing slash (octokit's baseUrl). */
  restBase: string;
  /** What @octokit/graphql appends /graphql to. */
  graphqlBase: string;
  /** Where people's profiles open in the browser. */
  webBase: string;
  /** True for a GitHub Enterprise Server. */
  enterprise: boolean;
}

/**
 * The endpoints for an optional Enterprise address. Plain http is accepted only for this machine
 * (the test fakes); the HTTP layer refuses it anywhere else, and always in the app.
 */
export function githubEndpoints(address: string | null | undefined): GithubEndpoints {
  const trimmed = (address ?? '').trim();
  if (trimmed === '' || /^(https:\/\/)?(api\.)?github\.com\/?$/i.test(trimmed)) {
    return { restBase: GITHUB_DOT_COM_API, graphqlBase: GITHUB_DOT_COM_API, webBase: 'https://github.com', enterprise: false };
  }
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
  } catch {
    throw new RapportError('INVALID_INPUT', `"${trimmed.slice(0, 80)}" is not a GitHub Enterprise address. Enter it as https://github.example.com.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new RapportError('INVALID_INPUT', 'A GitHub Enterprise address starts with https://.');
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new RapportError('INVALID_INPUT', 'Enter only the GitHub Enterprise address (https://github.example.com), without a name, password or query.');
  }
  const path = url.pathname.replace(/\/+$/, '');
  // The fakes serve github.com's layout at the root of a loopback origin; a real server is Enterprise.
  if (path === '' && isLoopback(url.hostname)) {
    return { restBase: url.origin, graphqlBase: url.origin, webBase: url.origin, enterprise: false };
  }
  if (path !== '' && path !== '/api/v3' && path !== '/api') {
    throw new RapportError('INVALID_INPUT', 'A GitHub Enterprise address is the server itself (https://github.example.com) or its API (…/api/v3).');
  }
  return { restBase: `${url.origin}/api/v3`, graphqlBase: `${url.origin}/api`, webBase: url.origin, enterprise: true };
}

function isLoopback(hostname: string): boolean {
  return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
}
