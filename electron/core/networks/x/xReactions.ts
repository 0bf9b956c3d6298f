// X's reactions to core events: a removed account's import state goes with it, so an account added
// later (SQLite may give it the same id) starts from its own first import, not from a stranger's
// snapshot date.
import type { CoreBus } from '../../events/coreBus';
import type { ModulePorts } from '../networkModule';
import { forgetImportState } from './archive/archiveImportState';

export function attachXReactions(bus: CoreBus, ports: ModulePorts): void {
  bus.on('accountRemoved', ({ account }) => {
    if (account.network === 'x' && ports.db.open) forgetImportState(ports.db, account.id);
  });
}
