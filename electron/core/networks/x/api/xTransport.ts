// Where X's API lives for this core and which HTTP client carries each rate-limit family. One
// client per family and per core (ports.http keeps them by service name), so the window X counts
// for follower lists covers every X account signed in with the same app.
import type { ProviderPorts } from '../../networkModule';
import { X_PUBLIC_PLACE, type XApiTransport, type XLimitFamily } from './xApiClient';

/** Service names, as errors say them ("X (followers) asked us to slow down"). */
const SERVICE_OF: Record<XLimitFamily, string> = { followers: 'X (followers)', following: 'X (following)', users: 'X' };

export function xTransport(ports: Pick<ProviderPorts, 'http' | 'now' | 'settings'>): XApiTransport {
  const fake = ports.settings.apiOrigins?.x;
  return {
    place: fake ? { api: fake, web: fake } : X_PUBLIC_PLACE,
    http: (family) => ports.http(SERVICE_OF[family]),
    now: ports.now,
  };
}
