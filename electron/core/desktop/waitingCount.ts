// People waiting in New across accounts: the board's own New count per account (snoozed people
// are off the board, so they do not wait), so the tray, the badge and the board always agree.
import type Database from 'better-sqlite3';
import type { WaitingCount } from '../../../shared/api/desktopEvents';
import { accountsRepo } from '../repos/accountsRepo';
import { boardRepo } from '../repos/boardRepo';

export function countWaiting(db: Database.Database): WaitingCount {
  const byAccount = accountsRepo(db)
    .list()
    .map((account) => ({ accountId: account.id, waiting: boardRepo(db).counts(account.id).new }));
  return { total: byAccount.reduce((sum, a) => sum + a.waiting, 0), byAccount };
}
