// A removed account's sync stops before its rows go (they would vanish mid-walk), and its
// provider is forgotten afterwards (a new sign-in builds a fresh one).
import type { CoreBus } from '../events/coreBus';
import type { ProviderRegistry } from './providerRegistry';
import type { SyncEngine } from './syncEngine';

export function attachStopSyncOnRemoval(bus: CoreBus, engine: SyncEngine, providers: ProviderRegistry): void {
  bus.on('accountRemoving', ({ account }) => engine.cancelAndWait(account.id));
  bus.on('accountRemoved', ({ account }) => providers.drop(account.id));
}
