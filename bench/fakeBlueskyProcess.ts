// The fake Bluesky in a process of its own, for bench/syncBench.ts: the engine's process then does
// only what core does in the app (HTTP, parsing, SQLite), and time it spends waiting on the fake
// shows up as idle time, like waiting on the real network would.
//
// Parent → child: { type: 'stop' }. Child → parent: { type: 'ready', url } once listening, or
// { type: 'failed', message }. Graph size comes in argv: <followers> <follows> <knownFollowersEvery>,
// then optionally the origin profiles name for their avatars (an unreachable one, for the bench).
import { FakeBluesky } from '../test/fakes/bluesky/fakeBluesky';

export const BENCH_HANDLE = 'bench.bsky.social';
export const BENCH_APP_PASSWORD = 'benc-hben-chbe-nchb';

export type FromFakeProcess = { type: 'ready'; url: string } | { type: 'failed'; message: string };

async function main(): Promise<void> {
  const [followers, follows, knownFollowersEvery] = process.argv.slice(2, 5).map(Number);
  const fake = new FakeBluesky({ handle: BENCH_HANDLE, password: BENCH_APP_PASSWORD });
  fake.knobs.avatarOrigin = process.argv[5] ?? null;
  fake.state.generate({ followers: followers ?? 0, follows: follows ?? 0, seed: 42, knownFollowersEvery: knownFollowersEvery ?? 0 });
  const url = await fake.start();
  process.on('message', (message: unknown) => {
    if ((message as { type?: unknown } | null)?.type === 'stop') void fake.stop().then(() => process.exit(0));
  });
  process.on('disconnect', () => void fake.stop().then(() => process.exit(0)));
  process.send?.({ type: 'ready', url } satisfies FromFakeProcess);
}

if (process.send) {
  main().catch((error: unknown) => {
    process.send?.({ type: 'failed', message: error instanceof Error ? error.message : String(error) } satisfies FromFakeProcess);
    process.exit(1);
  });
}
