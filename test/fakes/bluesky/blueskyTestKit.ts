// Shared set-up for the Bluesky tests: a started fake, a signed-in session and the real provider,
// with a log capture so tests can prove no secret is ever logged.
import { BlueskyProvider } from '../../../electron/core/networks/bluesky/blueskyProvider';
import { BlueskySession } from '../../../electron/core/networks/bluesky/blueskySession';
import { MemorySessionStore } from '../../../electron/core/networks/bluesky/blueskySessionStore';
import type { HttpClient } from '../../../electron/core/net/httpClient';
import type { HttpClientOptions } from '../../../electron/core/net/httpClientOptions';
import { recordingHttpClient } from '../recordingHttpClient';
import { FakeBluesky } from './fakeBluesky';

export interface BlueskyKit {
  fake: FakeBluesky;
  http: HttpClient;
  store: MemorySessionStore;
  session: BlueskySession;
  provider: BlueskyProvider;
  logLines: string[];
  /** Waits the fake sleep was asked for (the real timer is not used unless `realTimers`). */
  sleeps: number[];
  close(): Promise<void>;
}

export async function startBlueskyKit(
  options: { followers?: number; follows?: number; realTimers?: boolean; http?: HttpClientOptions; now?: () => number } = {},
): Promise<BlueskyKit> {
  const fake = new FakeBluesky({ handle: 'me.bsky.social', password: 'app-pass-word-1234', now: options.now });
  if (options.followers || options.follows) fake.state.generate({ followers: options.followers ?? 0, follows: options.follows ?? 0, seed: 7 });
  await fake.start();
  const { http, logLines, sleeps } = recordingHttpClient('Bluesky', options);
  const store = new MemorySessionStore();
  const session = await BlueskySession.signIn(http, store, { identifier: 'me.bsky.social', password: 'app-pass-word-1234', serviceUrl: fake.url });
  const provider = new BlueskyProvider({ session, http });
  return { fake, http, store, session, provider, logLines, sleeps, close: () => fake.stop() };
}
