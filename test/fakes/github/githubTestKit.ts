// A GitHub provider wired to a running fake, for provider and engine tests: real HTTP on
// loopback through core's HttpClient, and a sleep that records the waits instead of waiting.
import { HttpClient } from '../../../electron/core/net/httpClient';
import { githubEndpoints } from '../../../electron/core/networks/github/githubEndpoints';
import { GithubProvider } from '../../../electron/core/networks/github/githubProvider';
import type { FakeGithub } from './fakeGithub';

export interface GithubKit {
  provider: GithubProvider;
  http: HttpClient;
  /** Every limit wait the provider asked for, in ms. */
  waits: number[];
}

export function githubProviderFor(fake: FakeGithub, options: { token?: string; enterprise?: boolean; now?: () => number } = {}): GithubKit {
  const waits: number[] = [];
  const sleep = async (ms: number) => {
    waits.push(ms);
  };
  const http = new HttpClient({ serviceName: 'GitHub', sleep, backoff: { baseMs: 1, capMs: 5 } });
  const provider = new GithubProvider({
    token: options.token ?? fake.issueToken(),
    endpoints: githubEndpoints(options.enterprise ? fake.enterpriseUrl : fake.url),
    http,
    sleep,
    ...(options.now ? { now: options.now } : {}),
  });
  return { provider, http, waits };
}
