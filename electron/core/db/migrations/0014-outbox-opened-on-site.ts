// 0014 — an outbox action can be 'opened': on a network whose rules leave every follow and
// message to the person (X), Rapport opens the network's own page for it instead of sending it,
// and the row waits, counted against the daily budget, until the person marks it done or the next
// read of the network shows it. Only the status CHECK changes, which SQLite can alter by a rebuild.
import type Database from 'better-sqlite3';
import type { Migration } from '../migration';
import { rebuildTable } from '../rebuildTable';

const OLD_CHECK = "CHECK (status IN ('queued', 'sending', 'done', 'failed'))";
const NEW_CHECK = "CHECK (status IN ('queued', 'sending', 'done', 'failed', 'opened'))";

function withOpenedStatus(createSql: string): string {
  if (createSql.split(OLD_CHECK).length !== 2) throw new Error('0014: outbox has no single status CHECK to widen.');
  return createSql.replace(OLD_CHECK, NEW_CHECK);
}

export const outboxOpenedOnSite: Migration = {
  version: 14,
  name: 'outbox-opened-on-site',
  // rebuildTable refuses to run with foreign keys on (nothing references outbox, but the rule is general).
  foreignKeys: 'off',
  up(db: Database.Database): void {
    rebuildTable(db, 'outbox', withOpenedStatus);
  },
};

export default outboxOpenedOnSite;
