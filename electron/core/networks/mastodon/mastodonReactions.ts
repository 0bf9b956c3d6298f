// What a Mastodon account does around core's generic methods, subscribed to core's bus:
// - a profile opened in the drawer gets its banner, custom emoji, familiar followers and a
//   waiting follow request re-checked (mastodonProfileDuties.ts);
// - a saved note is mirrored to the server's private account note when note sync is on
//   (noteSyncDuty.ts);
// - a removed account's token is revoked on its server (mastodonSignOutReaction.ts).
import type { CoreBus } from '../../events/coreBus';
import { accountsRepo } from '../../repos/accountsRepo';
import type { ModuleCloser, ModulePorts } from '../networkModule';
import { MastodonProfileDuties } from './mastodonProfileDuties';
import { attachMastodonSignOut } from './mastodonSignOutReaction';
import { attachNoteSync } from './noteSyncDuty';

export function attachMastodonReactions(bus: CoreBus, ports: ModulePorts): ModuleCloser {
  const profiles = new MastodonProfileDuties({
    db: ports.db,
    mediaDir: ports.mediaDir,
    emit: ports.emit,
    now: ports.now,
    providerFor: ports.providerFor,
  });
  bus.on('profileOpened', ({ accountId, profile }) => {
    const account = accountsRepo(ports.db).get(accountId);
    if (account) profiles.ensure(account, profile.personId);
  });
  attachNoteSync(bus, ports);
  const closeSignOut = attachMastodonSignOut(bus, ports);
  return async () => {
    await closeSignOut();
    await profiles.close();
  };
}
