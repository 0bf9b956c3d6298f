// What core stored for a Bluesky account, read-only, for the Bluesky specs to hold the page and
// the fake against.
import { existsSync, readFileSync } from 'node:fs';
import { withReadOnlyDb } from './readOnlyDb';

/** The DID core keeps for a person (people.remote_id). */
export function remoteIdFromDb(dbPath: string, personId: number): string {
  return withReadOnlyDb(dbPath, (db) => {
    const row = db.prepare('SELECT remote_id AS remoteId FROM people WHERE id = ?').get(personId) as { remoteId: string } | undefined;
    if (!row) throw new Error(`no person ${personId} in the database`);
    return row.remoteId;
  });
}

export function personIdByRemoteIdFromDb(dbPath: string, remoteId: string): number | null {
  return withReadOnlyDb(dbPath, (db) => {
    const row = db.prepare("SELECT id FROM people WHERE network = 'bluesky' AND remote_id = ?").get(remoteId) as { id: number } | undefined;
    return row?.id ?? null;
  });
}

/**
 * Everything a sync writes for an account, summed up: if a failed sync left this the same, it
 * wrote nothing (people, edges, stages, events and the walk checkpoints).
 */
export interface SyncFootprint {
  people: number;
  followers: number;
  following: number;
  events: number;
  checkpoints: string;
}

export function syncFootprintFromDb(dbPath: string, accountId: number): SyncFootprint {
  return withReadOnlyDb(dbPath, (db) => {
    const n = (sql: string, ...args: unknown[]): number => (db.prepare(sql).get(...args) as { n: number }).n;
    const checkpoints = db
      .prepare('SELECT walk, generation, cursor, pages_done, items_done, done FROM sync_state WHERE account_id = ? ORDER BY walk')
      .all(accountId);
    return {
      people: n('SELECT count(*) AS n FROM people'),
      followers: n('SELECT count(*) AS n FROM relationships WHERE account_id = ? AND follows_me = 1', accountId),
      following: n('SELECT count(*) AS n FROM relationships WHERE account_id = ? AND i_follow = 1', accountId),
      events: n('SELECT count(*) AS n FROM events WHERE account_id = ?', accountId),
      checkpoints: JSON.stringify(checkpoints),
    };
  });
}

/** The database, its WAL and shared memory as raw bytes (latin1), to search for secrets. */
export function databaseBytesFromDisk(dbPath: string): string {
  return ['', '-wal', '-shm']
    .map((suffix) => dbPath + suffix)
    .filter((file) => existsSync(file))
    .map((file) => readFileSync(file).toString('latin1'))
    .join('\n');
}
