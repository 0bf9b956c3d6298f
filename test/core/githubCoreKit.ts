// A real core (in-process) against the fake GitHub on loopback, with a real data key and real
// SQLite: sign in with a token through the contract, as the window does.
import type { Account } from '../../shared/domain';
import { createCore } from '../../electron/core/createCore';
import type { CoreHandle } from '../../electron/core/coreTypes';
import { FakeGithub } from '../fakes/github/fakeGithub';
import { coreOptions } from './blueskyCoreKit';
import { makeTempDir, removeDir, signInAtOnce, syncEnd } from './coreTestKit';

export interface GithubCoreKit {
  fake: FakeGithub;
  dataDir: string;
  core: CoreHandle;
  token: string;
  signIn(token?: string): Promise<Account>;
  close(): Promise<void>;
}

export async function startGithubCore(options: { followers?: number; following?: number; label?: string } = {}): Promise<GithubCoreKit> {
  const fake = new FakeGithub();
  fake.state.generate({ followers: options.followers ?? 120, following: options.following ?? 30 });
  await fake.start();
  const token = fake.issueToken();
  const dataDir = makeTempDir(options.label ?? 'github-core');
  const core = await createCore(coreOptions(dataDir));
  return {
    fake,
    dataDir,
    core,
    token,
    signIn: async (which = token) => {
      const account = await signInAtOnce(core, { network: 'github', token: which, enterpriseUrl: fake.url });
      const end = await syncEnd(core, account.id);
      if (end.state !== 'done') throw new Error(`first GitHub sync ended ${end.state}: ${end.error?.message ?? ''}`);
      return account;
    },
    close: async () => {
      await core.close();
      await fake.stop();
      removeDir(dataDir);
    },
  };
}
