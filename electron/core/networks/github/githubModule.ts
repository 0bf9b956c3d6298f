// GitHub as a module: token sign-in, the token sealed per account, and the provider over octokit
// (loaded with the first GitHub provider, not with core).
import { RapportError } from '../../../../shared/api/errors';
import { githubContract } from '../../../../shared/api/networks/github';
import type { NetworkModule } from '../networkModule';
import { githubEndpoints } from './githubEndpoints';
import { GITHUB_POLICY } from './githubPolicy';
import { createGithubSignIn } from './githubSignIn';
import { GITHUB_SERVICE, githubTokenStore } from './githubTokenStore';

export const githubModule: NetworkModule<'github'> = {
  id: 'github',
  label: githubContract.label,
  policy: GITHUB_POLICY,
  async createProvider(account, ports) {
    const stored = await (await githubTokenStore(ports, account.id)).load();
    if (!stored) throw new RapportError('AUTH_EXPIRED', `Rapport is no longer signed in to GitHub as @${account.handle}. Sign in again with a token.`);
    const { GithubProvider } = await import('./githubProvider');
    return new GithubProvider({
      token: stored.token,
      endpoints: githubEndpoints(stored.enterpriseUrl),
      http: ports.http(GITHUB_SERVICE),
      media: ports.mediaHttp(),
    });
  },
  createSignIn: createGithubSignIn,
  /** A GitHub Enterprise server's profile pages (github.com is on main's fixed list). */
  externalHosts: (account) => (account.serverUrl ? [new URL(account.serverUrl).host] : []),
};
