// Test-only scenario: SIGKILL the core process during a Mastodon walk, start it again: it resumes
// from the checkpoint (fewer list requests than a full walk) and ends in the state an
// uninterrupted sync of the same fake reaches. Run small by mastodonKillResume.test.ts and at
// 20,000 followers by mastodonKillResume.soak.test.ts. The sign-in happens in-process (the fake
// is plain http on loopback, which only a test core accepts); the forked cores then work from the
// sealed grant.
import { afterAll, describe, it } from 'vitest';
import { createCore } from '../../electron/core/createCore';
import { FakeMastodon } from '../fakes/mastodon/fakeMastodon';
import { makeTempDir, removeDir } from './coreTestKit';
import { expectSameEndState, killAndResume, syncUninterrupted } from './killResumeDriver';
import { mastodonCoreOptions, signInThroughCore } from './mastodonCoreKit';

const FOLLOWERS_ROUTE = 'GET /api/v1/accounts/:id/followers';

export interface MastodonKillResumeSize {
  followers: number;
  /** Kill once the first core reports this many followers done. */
  killAfter: number;
  /** The fake's latency during the interrupted walk: keeps it long enough to catch. */
  latencyMs: number;
}

/** Registers the scenario's test at the given size. */
export function describeMastodonKillResume(size: MastodonKillResumeSize): void {
  const FOLLOWERS = size.followers;
  const FULL_WALK_PAGES = Math.ceil(FOLLOWERS / 80);
  const dirs: string[] = [];
  const fake = new FakeMastodon({ username: 'me', domain: 'fake.mastodon.test' });

  afterAll(async () => {
    await fake.stop();
    for (const dir of dirs) removeDir(dir);
  });

  describe(`SIGKILL during a ${FOLLOWERS.toLocaleString('en')}-follower Mastodon walk`, () => {
    it('resumes from the checkpoint to the same end state', { timeout: 600_000 }, async () => {
      fake.state.generate({ followers: FOLLOWERS, following: 200, lockedShare: 0, seed: 13 });
      // Latency keeps the walk long enough to be caught in the middle; it changes no data.
      fake.knobs.latencyMs = 15;
      await fake.start();

      const dataDir = makeTempDir('masto-kill');
      dirs.push(dataDir);
      // Sign in, then close at once: the first walk stays 'running', and the forked core resumes it.
      const signingIn = await createCore(mastodonCoreOptions(dataDir));
      await signInThroughCore(signingIn, fake);
      await signingIn.close();

      fake.knobs.latencyMs = size.latencyMs;
      await killAndResume({
        dataDir,
        followers: FOLLOWERS,
        fullWalkPages: FULL_WALK_PAGES,
        killAfter: size.killAfter,
        listRequests: () => fake.countOf(FOLLOWERS_ROUTE),
      });

      // The same fake, synced without interruption.
      fake.knobs.latencyMs = 0;
      const referenceDir = makeTempDir('masto-kill-reference');
      dirs.push(referenceDir);
      await syncUninterrupted(
        referenceDir,
        (dir) => createCore(mastodonCoreOptions(dir)),
        (reference) => signInThroughCore(reference, fake),
      );
      expectSameEndState(dataDir, referenceDir, FOLLOWERS);
    });
  });
}
