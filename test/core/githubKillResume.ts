// Test-only scenario: SIGKILL the core process during a GitHub walk, start it again: it resumes
// from the checkpoint (a GraphQL cursor, which stays valid while the list changes) with fewer
// followers pages than a full walk, and ends in the state an uninterrupted sync reaches.
import { afterAll, describe, it } from 'vitest';
import type { Account } from '../../shared/domain';
import { createCore } from '../../electron/core/createCore';
import { FakeGithub, operationCount } from '../fakes/github/fakeGithub';
import { coreOptions } from './blueskyCoreKit';
import { makeTempDir, removeDir, signInAtOnce } from './coreTestKit';
import { expectSameEndState, killAndResume, syncUninterrupted } from './killResumeDriver';

export interface GithubKillResumeSize {
  followers: number;
  killAfter: number;
  latencyMs: number;
}

export function describeGithubKillResume(size: GithubKillResumeSize): void {
  const dirs: string[] = [];
  const fake = new FakeGithub();

  afterAll(async () => {
    await fake.stop();
    for (const dir of dirs) removeDir(dir);
  });

  describe(`SIGKILL during a ${size.followers.toLocaleString('en')}-follower GitHub walk`, () => {
    it('resumes from the checkpoint to the same end state', { timeout: 600_000 }, async () => {
      fake.state.generate({ followers: size.followers, following: 150 });
      fake.knobs.latencyMs = size.latencyMs;
      await fake.start();
      const token = fake.issueToken();
      const params = { network: 'github' as const, token, enterpriseUrl: fake.url };
      const dataDir = makeTempDir('github-kill');
      dirs.push(dataDir);
      await killAndResume({
        dataDir,
        followers: size.followers,
        fullWalkPages: Math.ceil(size.followers / 100),
        killAfter: size.killAfter,
        start: async (first) => {
          await first.callOk('beginSignIn', params);
        },
        listRequests: () => operationCount(fake, 'RapportFollowers'),
      });
      fake.knobs.latencyMs = 0;
      const referenceDir = makeTempDir('github-kill-reference');
      dirs.push(referenceDir);
      await syncUninterrupted(
        referenceDir,
        (dir) => createCore(coreOptions(dir)),
        (reference): Promise<Account> => signInAtOnce(reference, params),
      );
      expectSameEndState(dataDir, referenceDir, size.followers);
    });
  });
}
