// People waiting in New across accounts: exactly the board's New count per account (snoozed
// people are off the board, so they do not wait), so the tray, the badge and the board agree.
// Its own two counts rather than the board's all-stage counts: only New is read, through the
// (account_id, stage, …) index, and the snoozed ones through the partial index triage_snoozed.
import type Database from 'better-sqlite3';
import type { WaitingCount } from '../../../shared/api/desktopEvents';
import { accountsRepo } from '../repos/accountsRepo';
import { perDatabase } from '../repos/perDatabase';

const statements = perDatabase((db: Database.Database) => ({
  waiting: db
    .prepare(
      `SELECT (SELECT count(*) FROM triage WHERE account_id = @accountId AND stage = 'new')
            - (SELECT count(*) FROM triage WHERE account_id = @accountId AND stage = 'new' AND snoozed_until IS NOT NULL)`,
    )
    .pluck(),
}));

export function countWaiting(db: Database.Database): WaitingCount {
  const byAccount = accountsRepo(db)
    .list()
    .map((account) => ({ accountId: account.id, waiting: statements(db).waiting.get({ accountId: account.id }) as number }));
  return { total: byAccount.reduce((sum, a) => sum + a.waiting, 0), byAccount };
}
