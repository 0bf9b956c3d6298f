// Mastodon as a module: OAuth sign-in on the instance's own page, a sealed grant per account, the
// provider over the instance's REST API, its HTML and custom emoji (sanitize/), and its reactions
// to core's events (mastodonReactions.ts).
import { RapportError } from '../../../../shared/api/errors';
import { mastodonContract } from '../../../../shared/api/networks/mastodon';
import type { NetworkModule } from '../networkModule';
import { loadMastodonGrant, MASTODON_SERVICE } from './mastodonAccountGrant';
import { mastodonExternalHosts } from './mastodonExternalHosts';
import { mastodonPolicy } from './mastodonPolicy';
import { attachMastodonReactions } from './mastodonReactions';
import { createMastodonSignIn } from './mastodonSignInSteps';

export const mastodonModule: NetworkModule<'mastodon'> = {
  id: 'mastodon',
  label: mastodonContract.label,
  policy: mastodonPolicy,
  /**
   * From the sealed grant. Every instance shares one HTTP client: rate-limit state is kept per
   * host inside it, so two accounts on one server share one clock.
   */
  async createProvider(account, ports) {
    const grant = await loadMastodonGrant(ports, account);
    if (!grant) throw new RapportError('AUTH_EXPIRED', `Rapport is no longer signed in to Mastodon as @${account.handle}. Sign in again.`);
    // masto is loaded with the first Mastodon provider, not with core (most cores never need it).
    const { MastodonProvider } = await import('./mastodonProvider');
    return MastodonProvider.fromGrant(ports.http(MASTODON_SERVICE), grant, { media: ports.mediaHttp() });
  },
  createSignIn: (ports) => createMastodonSignIn(ports),
  externalHosts: mastodonExternalHosts,
  attach: attachMastodonReactions,
};
