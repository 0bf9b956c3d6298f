// What the database says, read-only, to check the board against: the UI must show what SQL has.
import type { Stage, StageCounts } from '../../shared/domain';
import { STAGES } from '../../shared/domain';
import { withReadOnlyDb } from './readOnlyDb';

/** Cards per stage, straight from the triage table (one row per follower the account has seen). */
export function stageCountsFromDb(dbPath: string, accountId: number): StageCounts {
  return withReadOnlyDb(dbPath, (db) => {
    const rows = db
      .prepare(
        'SELECT stage, count(*) AS n FROM triage WHERE account_id = ? GROUP BY stage',
      )
      .all(accountId) as { stage: Stage; n: number }[];
    const counts = Object.fromEntries(STAGES.map((s) => [s, 0])) as StageCounts;
    for (const row of rows) counts[row.stage] = row.n;
    return counts;
  });
}

export function stageFromDb(dbPath: string, accountId: number, personId: number): Stage | null {
  return withReadOnlyDb(dbPath, (db) => {
    const row = db.prepare('SELECT stage FROM triage WHERE account_id = ? AND person_id = ?').get(accountId, personId) as
      | { stage: Stage }
      | undefined;
    return row?.stage ?? null;
  });
}

export function stageChangeEventsFromDb(dbPath: string, accountId: number, personId: number): number {
  return withReadOnlyDb(dbPath, (db) => {
    const row = db
      .prepare("SELECT count(*) AS n FROM events WHERE account_id = ? AND person_id = ? AND kind = 'stage_changed'")
      .get(accountId, personId) as { n: number };
    return row.n;
  });
}

export interface StoredPerson {
  id: number;
  displayName: string;
  bio: string;
  posts: number;
}

export function peopleFromDb(dbPath: string, personIds: number[]): Map<number, StoredPerson> {
  return withReadOnlyDb(dbPath, (db) => {
    const query = db.prepare(
      `SELECT p.id AS id, p.display_name AS displayName, p.bio AS bio,
              (SELECT count(*) FROM posts WHERE person_id = p.id) AS posts
         FROM people p WHERE p.id = ?`,
    );
    const found = new Map<number, StoredPerson>();
    for (const id of personIds) {
      const row = query.get(id) as StoredPerson | undefined;
      if (row) found.set(id, row);
    }
    return found;
  });
}

/**
 * How many cards come before this person in the New column under the "newest" sort (larger
 * sort_rank = newer follower = higher up): how deep a user has scrolled, in cards.
 */
export function newestSortDepthFromDb(dbPath: string, accountId: number, stage: Stage, personId: number): number {
  return withReadOnlyDb(dbPath, (db) => {
    const row = db
      .prepare(
        `SELECT count(*) AS n FROM triage
          WHERE account_id = @accountId AND stage = @stage
            AND sort_rank > (SELECT sort_rank FROM triage WHERE account_id = @accountId AND person_id = @personId)`,
      )
      .get({ accountId, stage, personId }) as { n: number };
    return row.n;
  });
}

export interface SortKeys {
  followers: number;
  name: string;
}

/** The keys the board sorts by, per person, as core stored them for this account. */
export function sortKeysFromDb(dbPath: string, accountId: number, personIds: number[]): SortKeys[] {
  return withReadOnlyDb(dbPath, (db) => {
    const query = db.prepare(
      'SELECT sort_followers AS followers, sort_name AS name FROM triage WHERE account_id = ? AND person_id = ?',
    );
    return personIds.map((id) => {
      const row = query.get(accountId, id) as SortKeys | undefined;
      if (!row) throw new Error(`person ${id} has no triage row`);
      return row;
    });
  });
}

/** The key the first card of a column must carry: most followers, or the first name A→Z. */
export function firstSortKeyFromDb(dbPath: string, accountId: number, stage: Stage, sort: 'followers' | 'name'): number | string {
  return withReadOnlyDb(dbPath, (db) => {
    const sql =
      sort === 'followers'
        ? 'SELECT max(sort_followers) AS k FROM triage WHERE account_id = ? AND stage = ?'
        : 'SELECT min(sort_name) AS k FROM triage WHERE account_id = ? AND stage = ?';
    return (db.prepare(sql).get(accountId, stage) as { k: number | string }).k;
  });
}

export function accountRowsFromDb(dbPath: string): { accounts: number; triage: number; relationships: number } {
  return withReadOnlyDb(dbPath, (db) => ({
    accounts: (db.prepare('SELECT count(*) AS n FROM accounts').get() as { n: number }).n,
    triage: (db.prepare('SELECT count(*) AS n FROM triage').get() as { n: number }).n,
    relationships: (db.prepare('SELECT count(*) AS n FROM relationships').get() as { n: number }).n,
  }));
}
