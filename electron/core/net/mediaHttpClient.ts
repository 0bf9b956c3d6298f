// The HTTP client for remote images (avatars, banners, emoji), one per core. Media URLs come from
// strangers' profiles, so it differs from a network's API client on purpose:
// - it connects only to public addresses, checked on the socket's own lookup (guardedTransport)
//   and on every redirect hop, so no profile can point Rapport at the user's router or machine;
// - it never retries: an avatar that failed is remembered by the media cache and skipped, so a
//   dead image host costs one attempt, not five per avatar;
// - its errors and log lines name the media host, not the network whose profile linked it.
// The test allowance (loopback, for the fakes) follows `httpsOnly`: off in the app.
import { guardedFetch } from './guardedTransport';
import { HttpClient } from './httpClient';
import type { HttpClientOptions } from './httpClientOptions';
import { addressAllowed, bareHost, type AddressPolicy } from './ipAddressPolicy';
import { isIP } from 'node:net';

/** An image that takes longer than this is not worth holding a download slot for. */
export const MEDIA_TIMEOUT_MS = 15_000;

export function mediaAddressPolicy(options: HttpClientOptions): AddressPolicy {
  return options.httpsOnly ? 'public' : 'public-or-loopback';
}

export function createMediaHttpClient(options: HttpClientOptions = {}): HttpClient {
  const policy = mediaAddressPolicy(options);
  return new HttpClient({
    timeoutMs: Math.min(options.timeoutMs ?? MEDIA_TIMEOUT_MS, MEDIA_TIMEOUT_MS),
    maxBodyBytes: options.maxBodyBytes,
    now: options.now,
    counter: options.counter,
    logger: options.logger,
    httpsOnly: options.httpsOnly,
    maxRetries: 0,
    // Deliberately not options.fetch: media always goes through the guarded transport.
    fetch: guardedFetch({ policy, resolveAll: options.resolveAll }),
    refuseUrl: (url) => {
      const host = bareHost(url.hostname);
      if (isIP(host) !== 0 && !addressAllowed(host, policy)) return `Refused media at ${host}: not a public internet address.`;
      if (policy === 'public' && (host === 'localhost' || host.endsWith('.localhost'))) return `Refused media at ${host}: this machine.`;
      return null;
    },
  });
}
