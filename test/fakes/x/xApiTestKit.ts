// A real core (in-process, real SQLite, a real data key) reading the fake X API on loopback, for
// the API tests and the bench: one account owner with generated followers and following.
import type { SignInParamsOf } from '../../../shared/api/networks/signInParams';
import type { Account } from '../../../shared/domain';
import { createCore } from '../../../electron/core/createCore';
import type { CoreHandle } from '../../../electron/core/coreTypes';
import { coreOptions, TEST_HTTP } from '../../core/blueskyCoreKit';
import type { VirtualClock } from '../../core/virtualClock';
import { makeTempDir, removeDir, signInAtOnce } from '../../core/coreTestKit';
import { FakeXApi } from './fakeXApi';

export const X_OWNER = { id: '4242', username: 'rapport_me', name: 'Me Myself' };

/** Follower ids newest first, distinct from following ids. */
export function xFollowerIds(count: number, start = 10_000_000): { count: number; id(index: number): string } {
  return { count, id: (i) => String(start + count - i) };
}

export interface XApiKit {
  fake: FakeXApi;
  dataDir: string;
  core: CoreHandle;
  /** The app-only bearer token the fake accepts. */
  token: string;
  reopen(): Promise<CoreHandle>;
  signIn(extra?: Partial<SignInParamsOf<'x'>>): Promise<Account>;
  close(): Promise<void>;
}

export async function startXApiCore(options: {
  followers: number;
  following?: number;
  label?: string;
  windowMs?: number;
  followerLimit?: number;
  port?: number;
  /** The HTTP layer's own longest wait: below the fake's window, the X module waits the window out. */
  maxRateLimitWaitMs?: number;
  /** Virtual time for core, its HTTP waits and the fake's windows: a 15-minute window passes at once. */
  clock?: VirtualClock;
}): Promise<XApiKit> {
  const fake = new FakeXApi();
  const clock = options.clock;
  if (clock) fake.clock = clock.now;
  if (options.windowMs !== undefined) fake.knobs.windowMs = options.windowMs;
  if (options.followerLimit !== undefined) {
    fake.knobs.limits.followers = options.followerLimit;
    fake.knobs.limits.following = options.followerLimit;
  }
  fake.state.addUser(X_OWNER.id, { username: X_OWNER.username, name: X_OWNER.name, public_metrics: { followers_count: options.followers, following_count: options.following ?? 0, tweet_count: 5, listed_count: 0 } });
  fake.state.setFollowers(X_OWNER.id, xFollowerIds(options.followers));
  fake.state.setFollowing(X_OWNER.id, xFollowerIds(options.following ?? 0, 90_000_000));
  const token = fake.state.issueAppToken('AAAAAAAAAAAAAAAAAAAAAfakeBearerToken0123456789');
  await fake.start();
  const dataDir = makeTempDir(options.label ?? 'x-api');
  const http = {
    ...TEST_HTTP,
    ...(options.maxRateLimitWaitMs !== undefined ? { maxRateLimitWaitMs: options.maxRateLimitWaitMs } : {}),
    ...(clock ? { now: clock.now, sleep: clock.sleep } : {}),
  };
  const open = () => createCore(coreOptions(dataDir, { allowLoopbackHttp: true, apiOrigins: { x: fake.url }, http, ...(clock ? { now: clock.now } : {}), ...(options.port ? { signInCallbackPort: options.port } : {}) }));
  const kit: XApiKit = {
    fake,
    dataDir,
    core: await open(),
    token,
    async reopen() {
      await kit.core.close();
      kit.core = await open();
      return kit.core;
    },
    signIn: (extra = {}) => signInAtOnce(kit.core, { network: 'x', bearerToken: token, username: X_OWNER.username, ...extra }),
    async close() {
      await kit.core.close();
      await fake.stop();
      removeDir(dataDir);
    },
  };
  return kit;
}
