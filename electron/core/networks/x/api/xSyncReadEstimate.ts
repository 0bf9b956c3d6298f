// What the next API sync of an X account reads, said before it starts (X bills every user object):
// its followers and following as X last counted them, the account itself, and the people an
// archive knows only by id that the sync will ask about (not those X recently answered as suspended
// or not found); beside this month's reads and the cap. Known without a read.
import type { SyncReadEstimate } from '../../../../../shared/api/syncCostContract';
import type { Account } from '../../../../../shared/domain';
import type { ModulePorts } from '../../networkModule';
import { hasXCredential } from './xApiCredentials';
import { NAMING_MAX_PER_SYNC, unnamedPeople } from './xNameArchivePeople';
import { readLedger } from './xReadLedger';

const n = (value: number): string => value.toLocaleString('en-US');

export async function xSyncReadEstimate(account: Account, ports: ModulePorts): Promise<SyncReadEstimate | null> {
  if (!hasXCredential(ports.db, account.id)) return null;
  const ledger = readLedger(ports.db, account.id, ports.now());
  const unnamed = unnamedPeople(ports.db, account.id, ports.now(), NAMING_MAX_PER_SYNC).length;
  const users = ledger.lastSelf ? ledger.lastSelf.followers + ledger.lastSelf.following + 1 + unnamed : null;
  const parts = ledger.lastSelf ? [`${n(ledger.lastSelf.followers)} followers`, `${n(ledger.lastSelf.following)} following`, 'your account'] : [];
  if (unnamed > 0) parts.push(`${n(unnamed)} people your archive knows only by id`);
  const what = users === null ? 'A sync reads your followers and following from X' : `A full sync reads up to ${n(users)} users from X (${parts.join(', ')})`;
  let month: string;
  if (ledger.cap === null) month = `${n(ledger.reads)} read this month; no monthly cap is set.`;
  else {
    const left = Math.max(0, ledger.cap - ledger.reads);
    month = `${n(ledger.reads)} of your ${n(ledger.cap)} monthly cap read this month`;
    month += users !== null && users > left ? `: more than the ${n(left)} left, so the sync stops before crossing the cap.` : '.';
  }
  return { users, readThisMonth: ledger.reads, monthlyCap: ledger.cap, sentence: `${what}; ${month}` };
}
