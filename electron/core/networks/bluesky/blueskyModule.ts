// Bluesky as a module: app-password sign-in, a sealed session per account, and the provider
// over @atproto/api (loaded with the first Bluesky provider, not with core).
import { RapportError } from '../../../../shared/api/errors';
import { blueskyContract } from '../../../../shared/api/networks/bluesky';
import type { NetworkModule } from '../networkModule';
import { BLUESKY_SERVICE, blueskyAccountSessionStore } from './blueskyAccountSession';
import { blueskyPolicy } from './blueskyPolicy';
import { BlueskySession } from './blueskySession';
import { createBlueskySignIn } from './blueskySignIn';

export const blueskyModule: NetworkModule<'bluesky'> = {
  id: 'bluesky',
  label: blueskyContract.label,
  policy: blueskyPolicy,
  async createProvider(account, ports) {
    const http = ports.http(BLUESKY_SERVICE);
    const session = await BlueskySession.resume(http, await blueskyAccountSessionStore(ports, account.id));
    if (!session) {
      throw new RapportError('AUTH_EXPIRED', `Rapport is no longer signed in to Bluesky as @${account.handle}. Sign in again with your app password.`);
    }
    const { BlueskyProvider } = await import('./blueskyProvider');
    return new BlueskyProvider({ session, http, media: ports.mediaHttp() });
  },
  createSignIn: createBlueskySignIn,
};
