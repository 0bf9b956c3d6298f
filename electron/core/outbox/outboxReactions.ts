// A sync that went through proves the network is back: actions waiting out an outage go now.
import type { CoreBus } from '../events/coreBus';
import type { OutboxWorker } from './outboxWorker';

export function attachOutboxReactions(bus: CoreBus, outbox: OutboxWorker): void {
  bus.on('syncFinished', ({ progress }) => {
    if (progress.state === 'done') outbox.networkBack(progress.accountId);
  });
}
