// Test-only: a test core's own database, opened beside the running core (WAL allows a second
// connection) for one write, then closed. Core's opener, so its SQL functions (sort names) and
// triggers (search index) apply to what a test writes.
import path from 'node:path';
import type Database from 'better-sqlite3';
import { DATABASE_FILE } from '../../electron/core/createCore';
import { openDatabase } from '../../electron/core/db/openDatabase';
import { recomputeSignals } from '../../electron/core/signals/recomputeSignals';
import type { CoreApi } from './coreApi';

export function withCoreDatabase<T>(api: CoreApi, write: (db: Database.Database) => T): T {
  const db = openDatabase(path.join(api.dataDir, DATABASE_FILE));
  try {
    return write(db);
  } finally {
    db.close();
  }
}

/** Core's signals recompute over the test core's database, as a sync ends (null: everyone due). */
export function recomputeCoreSignals(api: CoreApi, accountId: number, personIds: number[] | null, now = new Date()): void {
  withCoreDatabase(api, (db) => recomputeSignals(db, accountId, personIds, now));
}
