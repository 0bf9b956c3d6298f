// X's reactions to core events: a removed account's import state, read ledger and remembered lookup
// misses go with it, so an account added later (SQLite may give it the same id) starts from its own
// first import, not from a stranger's snapshot date, reads or misses. After an API sync, the people
// an archive knows only by id are named through the API (api/xNameArchivePeople.ts).
import { accountsRepo } from '../../repos/accountsRepo';
import type { CoreBus } from '../../events/coreBus';
import type { ModulePorts } from '../networkModule';
import { forgetImportState } from './archive/archiveImportState';
import { hasXCredential } from './api/xApiCredentials';
import { forgetAllMisses } from './api/xLookupMisses';
import { nameArchivePeople } from './api/xNameArchivePeople';
import { forgetLedger } from './api/xReadLedger';

export function attachXReactions(bus: CoreBus, ports: ModulePorts): void {
  bus.on('accountRemoved', ({ account }) => {
    if (account.network !== 'x' || !ports.db.open) return;
    forgetImportState(ports.db, account.id);
    forgetLedger(ports.db, account.id);
    forgetAllMisses(ports.db, account.id);
  });
  bus.on('syncFinished', async ({ progress }) => {
    if (progress.state !== 'done' || !ports.db.open) return;
    const account = accountsRepo(ports.db).list().find((a) => a.id === progress.accountId);
    if (account?.network !== 'x' || !hasXCredential(ports.db, account.id)) return;
    const provider = await ports.providerFor(account);
    const { XApiProvider } = await import('./api/xApiProvider');
    if (!(provider instanceof XApiProvider)) return;
    const changed = await nameArchivePeople(ports.db, account, provider, ports.now);
    if (changed > 0 && ports.db.open) ports.emit('people.changed', { accountId: account.id, personIds: null });
  });
}
