// Test-only scenario: SIGKILL the core process during a Bluesky walk, start it again: it resumes
// from the checkpoint (fewer list requests than a full walk) and ends in the state an
// uninterrupted sync of the same fake reaches. Run small by blueskyKillResume.test.ts and at
// 50,000 followers by blueskyKillResume.soak.test.ts.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Account } from '../../shared/domain';
import { createCore } from '../../electron/core/createCore';
import { FakeBluesky } from '../fakes/bluesky/fakeBluesky';
import { coreOptions, FAKE_APP_PASSWORD, FAKE_HANDLE } from './blueskyCoreKit';
import { makeTempDir, removeDir, signInAtOnce } from './coreTestKit';
import { expectSameEndState, killAndResume, syncUninterrupted } from './killResumeDriver';

export interface BlueskyKillResumeSize {
  followers: number;
  /** Kill once the first core reports this many followers done. */
  killAfter: number;
  /** The fake's latency during the interrupted walk: keeps it long enough to catch. */
  latencyMs: number;
}

/** Registers the scenario's test at the given size. */
export function describeBlueskyKillResume(size: BlueskyKillResumeSize): void {
  const FOLLOWERS = size.followers;
  const FULL_WALK_PAGES = Math.ceil(FOLLOWERS / 100);
  const dirs: string[] = [];
  const fake = new FakeBluesky({ handle: FAKE_HANDLE, password: FAKE_APP_PASSWORD });

  afterAll(async () => {
    await fake.stop();
    for (const dir of dirs) removeDir(dir);
  });

  describe(`SIGKILL during a ${FOLLOWERS.toLocaleString('en')}-follower Bluesky walk`, () => {
    it('resumes from the checkpoint to the same end state', { timeout: 600_000 }, async () => {
      fake.state.generate({ followers: FOLLOWERS, follows: 300, seed: 11 });
      // A little latency keeps the walk long enough to be caught in the middle; it changes no data.
      fake.knobs.latencyMs = size.latencyMs;
      await fake.start();
      const input = { identifier: FAKE_HANDLE, appPassword: FAKE_APP_PASSWORD, serviceUrl: fake.url };

      const dataDir = makeTempDir('bsky-kill');
      dirs.push(dataDir);
      await killAndResume({
        dataDir,
        followers: FOLLOWERS,
        fullWalkPages: FULL_WALK_PAGES,
        killAfter: size.killAfter,
        start: async (first) => {
          await first.callOk('beginSignIn', { network: 'bluesky', ...input });
        },
        afterKill: () => {
          // Under Node the data key lives beside the database, readable by its owner only.
          if (process.platform !== 'win32') expect(fs.statSync(path.join(dataDir, 'secret.key')).mode & 0o777).toBe(0o600);
        },
        listRequests: () => fake.countOf('app.bsky.graph.getFollowers'),
      });
      expect(fake.countOf('com.atproto.server.createSession')).toBe(1);

      // The same fake, synced without interruption.
      fake.knobs.latencyMs = 0;
      const referenceDir = makeTempDir('bsky-kill-reference');
      dirs.push(referenceDir);
      await syncUninterrupted(
        referenceDir,
        (dir) => createCore(coreOptions(dir)),
        (reference): Promise<Account> => signInAtOnce(reference, { network: 'bluesky', ...input }),
      );
      expectSameEndState(dataDir, referenceDir, FOLLOWERS);
    });
  });
}
