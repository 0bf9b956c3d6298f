// Shared set-up for the Mastodon tests: a started fake, an access token for its user (issued
// directly, without the browser dance — the sign-in tests do that), and the real provider over
// the real HTTP layer, with sleeps recorded instead of waited unless `realTimers`.
import type { HttpClient } from '../../../electron/core/net/httpClient';
import type { HttpClientOptions } from '../../../electron/core/net/httpClientOptions';
import { recordingHttpClient } from '../recordingHttpClient';
import { MastodonProvider } from '../../../electron/core/networks/mastodon/mastodonProvider';
import { FakeMastodon } from './fakeMastodon';
import type { GenerateMastodonOptions } from './fakeMastodonState';

export interface MastodonKit {
  fake: FakeMastodon;
  http: HttpClient;
  provider: MastodonProvider;
  accessToken: string;
  logLines: string[];
  sleeps: number[];
  /** The remote id the provider uses for a fake account id. */
  remoteId(accountId: string): string;
  close(): Promise<void>;
}

export async function startMastodonKit(
  options: Partial<GenerateMastodonOptions> & { realTimers?: boolean; http?: HttpClientOptions; scopes?: string } = {},
): Promise<MastodonKit> {
  const fake = new FakeMastodon({ username: 'me', domain: 'fake.mastodon.test' });
  if (options.followers || options.following) {
    fake.state.generate({
      followers: options.followers ?? 0,
      following: options.following ?? 0,
      mutualShare: options.mutualShare,
      lockedShare: options.lockedShare,
      hostile: options.hostile,
      seed: options.seed ?? 7,
    });
  }
  await fake.start();
  const { http, logLines, sleeps } = recordingHttpClient('Mastodon', options);
  const accessToken = fake.issueToken(options.scopes);
  const provider = new MastodonProvider({ http, origin: fake.url, accessToken, accountId: fake.state.self.id });
  const host = new URL(fake.url).host;
  return { fake, http, provider, accessToken, logLines, sleeps, remoteId: (id) => `${host}:${id}`, close: () => fake.stop() };
}
