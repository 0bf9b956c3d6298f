// What the database says about filters, tags, signals and bulk moves, read-only, for the triage
// e2e specs to hold the people list against.
import type { Stage } from '../../shared/domain';
import { withReadOnlyDb } from './readOnlyDb';

/**
 * A word (6+ letters) from followers' bios that FTS finds for between `min` and `max` people of
 * the account, with that count: what typing the word in search must show.
 */
export function bioWordFromDb(dbPath: string, accountId: number, min: number, max: number): { word: string; count: number } {
  return withReadOnlyDb(dbPath, (db) => {
    const bios = db
      .prepare(`SELECT p.bio FROM relationships r JOIN people p ON p.id = r.person_id WHERE r.account_id = ? AND p.bio != '' LIMIT 400`)
      .pluck()
      .all(accountId) as string[];
    const words = [...new Set(bios.flatMap((bio) => bio.toLowerCase().match(/\p{L}{6,}/gu) ?? []))];
    const count = db.prepare(
      `SELECT count(*) FROM relationships r WHERE r.account_id = @accountId
         AND r.person_id IN (SELECT rowid FROM people_fts WHERE people_fts MATCH @match)`,
    );
    for (const word of words) {
      const n = count.pluck().get({ accountId, match: `"${word}"*` }) as number;
      if (n >= min && n <= max) return { word, count: n };
    }
    throw new Error(`no bio word matches between ${min} and ${max} people`);
  });
}

/** Per signal, how many of the account's people show it. */
export function signalCountsFromDb(dbPath: string, accountId: number): Map<string, number> {
  return withReadOnlyDb(dbPath, (db) => {
    const rows = db.prepare('SELECT signal, count(*) AS n FROM triage_signals WHERE account_id = ? GROUP BY signal').all(accountId) as { signal: string; n: number }[];
    return new Map(rows.map((row) => [row.signal, row.n]));
  });
}

/** People carrying every tag and showing every signal listed (the filter's meaning), sorted. */
export function peopleWithFromDb(dbPath: string, accountId: number, tags: string[], signals: string[]): number[] {
  return withReadOnlyDb(dbPath, (db) => {
    const ids = db.prepare('SELECT person_id FROM relationships WHERE account_id = ?').pluck().all(accountId) as number[];
    const tagged = db.prepare(
      `SELECT 1 FROM person_tags pt JOIN tags g ON g.id = pt.tag_id WHERE pt.person_id = ? AND g.account_id = ? AND g.name = ? COLLATE NOCASE`,
    );
    const signalled = db.prepare('SELECT 1 FROM triage_signals WHERE person_id = ? AND account_id = ? AND signal = ?');
    return ids
      .filter((id) => tags.every((tag) => tagged.get(id, accountId, tag)) && signals.every((signal) => signalled.get(id, accountId, signal)))
      .sort((a, b) => a - b);
  });
}

/** People of the account showing `signal`, with their stage (null: no card). */
export function stagesWithSignalFromDb(dbPath: string, accountId: number, signal: string): Map<number, Stage | null> {
  return withReadOnlyDb(dbPath, (db) => {
    const rows = db
      .prepare(
        `SELECT s.person_id AS personId, t.stage FROM triage_signals s
         LEFT JOIN triage t ON t.account_id = s.account_id AND t.person_id = s.person_id
         WHERE s.account_id = ? AND s.signal = ?`,
      )
      .all(accountId, signal) as { personId: number; stage: Stage | null }[];
    return new Map(rows.map((row) => [row.personId, row.stage]));
  });
}

/** The distinct instants bulk stage changes were written at (one transaction writes one instant). */
export function bulkMoveInstantsFromDb(dbPath: string, accountId: number): string[] {
  return withReadOnlyDb(dbPath, (db) =>
    db
      .prepare(`SELECT DISTINCT at FROM events WHERE account_id = ? AND kind = 'stage_changed' AND json_extract(data, '$.bulk') = 1`)
      .pluck()
      .all(accountId) as string[],
  );
}

export function savedFilterNamesFromDb(dbPath: string, accountId: number): string[] {
  return withReadOnlyDb(dbPath, (db) => db.prepare('SELECT name FROM saved_filters WHERE account_id = ? ORDER BY name').pluck().all(accountId) as string[]);
}

/** Some followers of the account (lowest ids first), to tag. */
export function someFollowersFromDb(dbPath: string, accountId: number, n: number, offset = 0): number[] {
  return withReadOnlyDb(dbPath, (db) =>
    db.prepare('SELECT person_id FROM relationships WHERE account_id = ? AND follows_me = 1 ORDER BY person_id LIMIT ? OFFSET ?').pluck().all(accountId, n, offset) as number[],
  );
}

/** The account's people a search for `word` must find (FTS, the word as a prefix). */
export function searchMatchesFromDb(dbPath: string, accountId: number, word: string): Set<number> {
  return withReadOnlyDb(dbPath, (db) => {
    const ids = db
      .prepare(
        `SELECT r.person_id FROM relationships r WHERE r.account_id = ?
           AND r.person_id IN (SELECT rowid FROM people_fts WHERE people_fts MATCH ?)`,
      )
      .pluck()
      .all(accountId, `"${word}"*`) as number[];
    return new Set(ids);
  });
}
