// People the window shows get what the sync's first pass did not cover, in the background: the
// avatars of cards just read, and a profile's avatar and recent posts when its drawer opens.
import type { CoreBus } from '../events/coreBus';
import type { SyncEngine } from './syncEngine';

export function attachOnDemandMedia(bus: CoreBus, engine: SyncEngine): void {
  bus.on('cardsRead', ({ accountId, cards }) => {
    const missing = cards.filter((c) => c.avatarUrl === null).map((c) => c.personId);
    if (missing.length > 0) return engine.ensureAvatars(accountId, missing);
  });
  bus.on('profileOpened', ({ accountId, profile }) => {
    if (profile.avatarUrl === null) return engine.ensureAvatars(accountId, [profile.personId]);
  });
  bus.on('profileOpened', ({ accountId, profile }) => {
    if (profile.recentPosts.length === 0) return engine.ensureRecentPosts(accountId, profile.personId);
  });
}
