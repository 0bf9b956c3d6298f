// Signing in to GitHub with a personal access token: check it (who it signs in as, whether it may
// follow) before anything is stored, then create the account (remote id = the numeric user id,
// which survives a rename), seal the token, and start the first sync.
import type { SignInParamsOf } from '../../../../shared/api/networks/signInParams';
import type { Account } from '../../../../shared/domain';
import { asSignInStep } from '../../auth/signInFailure';
import { accountsRepo } from '../../repos/accountsRepo';
import type { ModulePorts, SignInSteps } from '../networkModule';
import { githubEndpoints } from './githubEndpoints';
import { GITHUB_SERVICE, githubTokenStore } from './githubTokenStore';

export function createGithubSignIn(ports: ModulePorts): SignInSteps<'github'> {
  const addAccount = ({ token, enterpriseUrl }: SignInParamsOf<'github'>): Promise<Account> => {
    // Plain http is refused by the HTTP layer (anywhere but this machine, and always in the app).
    const endpoints = githubEndpoints(enterpriseUrl);
    return asSignInStep(endpoints.enterprise ? 'The GitHub Enterprise server' : 'GitHub', async () => {
      // Before the check: a machine that cannot keep the token must not be asked for one.
      await ports.secrets.open();
      // @octokit/rest comes with the first GitHub sign-in or provider, never with core itself.
      const { checkGithubToken } = await import('./githubTokenCheck');
      const { user } = await checkGithubToken(ports.http(GITHUB_SERVICE), endpoints, token);
      const accounts = accountsRepo(ports.db);
      const remoteId = String(user.id);
      const existed = accounts.list().some((a) => a.network === 'github' && a.remoteId === remoteId);
      const account = accounts.upsert(
        { network: 'github', remoteId, handle: user.login, displayName: user.name ?? '', serverUrl: endpoints.enterprise ? endpoints.webBase : null },
        new Date(ports.now()).toISOString(),
      );
      try {
        // Signing in again replaces the old token; the provider is rebuilt from the sealed copy.
        await ports.sync.cancelAndWait(account.id);
        ports.sync.dropProvider(account.id);
        await (await githubTokenStore(ports, account.id)).save({ token, enterpriseUrl: enterpriseUrl ?? null });
      } catch (error) {
        if (!existed) accounts.remove(account.id, ports.mediaDir);
        throw error;
      }
      ports.emit('accounts.changed', { accounts: accounts.list() });
      if (!ports.sync.isRunning(account.id)) ports.sync.start(account.id);
      return accounts.require(account.id);
    });
  };
  return { begin: async (params) => ({ status: 'signedIn', account: await addAccount(params) }) };
}
