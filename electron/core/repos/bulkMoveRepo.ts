// Many stage moves at once ("select all matching" → Declined), and their undo. Stage changes,
// stage_changed events and cancelled follows are written set-based in one transaction, so 10,000
// people cost a handful of statements and a crash leaves all or none of them moved.
//
// A bulk move never touches the network. Moving people out of Connected cancels their follows still
// waiting in the outbox (nothing was sent yet), exactly as a single move out of Connected does;
// follows already sent stay, and nobody is unfollowed.
import type Database from 'better-sqlite3';
import type { Stage } from '../../../shared/domain';
import type { PeopleFilter } from '../../../shared/triageTypes';
import { buildPeopleFilterSql, PEOPLE_FROM_WITHOUT_PROFILES } from './peopleFilterSql';
import { perDatabase } from './perDatabase';

export type BulkSelection = { personIds: number[] } | { filter: PeopleFilter };

export interface StageEntry {
  personId: number;
  stage: Stage;
}

export interface BulkMoveOutcome {
  /** what each moved person left, in person_id order */
  from: StageEntry[];
  /** follows cancelled in the outbox because their person left Connected */
  cancelledActions: { id: number; personId: number }[];
  /** people of the selection that have a card on this account's board */
  selectedOnBoard: number;
}

const bulkStatements = perDatabase((db: Database.Database) => ({
  stagesOf: db.prepare(
    `SELECT person_id AS personId, stage FROM triage
     WHERE account_id = @accountId AND person_id IN (SELECT value FROM json_each(@ids)) ORDER BY person_id`,
  ),
  // As with one move, a deliberate move ends a snooze.
  update: db.prepare(
    `UPDATE triage SET stage = @to, changed_at = @at, snoozed_until = NULL
     WHERE account_id = @accountId AND person_id IN (SELECT value FROM json_each(@ids))`,
  ),
  events: db.prepare(
    `INSERT INTO events (account_id, person_id, kind, at, data)
     SELECT @accountId, json_extract(value, '$.personId'), 'stage_changed', @at,
            json_object('from', json_extract(value, '$.from'), 'to', json_extract(value, '$.to'), @how, 1)
     FROM json_each(@moves)`,
  ),
  cancelFollows: db.prepare(
    `DELETE FROM outbox
     WHERE account_id = @accountId AND kind = 'follow' AND status = 'queued'
       AND person_id IN (SELECT value FROM json_each(@ids))
     RETURNING id, person_id AS personId`,
  ),
}));

function selectionIds(db: Database.Database, accountId: number, selection: BulkSelection): number[] {
  if ('personIds' in selection) return [...new Set(selection.personIds)];
  const { from, where, params, readsProfiles } = buildPeopleFilterSql(selection.filter, accountId);
  // Only people with a card can change stage; people I follow who never followed me have none.
  return db
    .prepare(`SELECT r.person_id FROM ${readsProfiles ? from : PEOPLE_FROM_WITHOUT_PROFILES} WHERE ${where} AND t.person_id IS NOT NULL`)
    .pluck()
    .all(params) as number[];
}

export const bulkMoveRepo = perDatabase((db: Database.Database) => {
  const s = bulkStatements(db);

  const move = db.transaction((accountId: number, selection: BulkSelection, to: Stage, at: string): BulkMoveOutcome => {
    const current = s.stagesOf.all({ accountId, ids: JSON.stringify(selectionIds(db, accountId, selection)) }) as StageEntry[];
    const from = current.filter((entry) => entry.stage !== to);
    if (from.length === 0) return { from, cancelledActions: [], selectedOnBoard: current.length };
    const ids = JSON.stringify(from.map((entry) => entry.personId));
    s.update.run({ accountId, to, at, ids });
    s.events.run({
      accountId,
      at,
      how: 'bulk',
      moves: JSON.stringify(from.map((entry) => ({ personId: entry.personId, from: entry.stage, to }))),
    });
    const leftConnected = from.filter((entry) => entry.stage === 'connected').map((entry) => entry.personId);
    const cancelledActions =
      leftConnected.length === 0
        ? []
        : (s.cancelFollows.all({ accountId, ids: JSON.stringify(leftConnected) }) as { id: number; personId: number }[]);
    return { from, cancelledActions, selectedOnBoard: current.length };
  });

  const restore = db.transaction((accountId: number, entries: StageEntry[], at: string): StageEntry[] => {
    const wanted = new Map(entries.map((entry) => [entry.personId, entry.stage]));
    const current = s.stagesOf.all({ accountId, ids: JSON.stringify([...wanted.keys()]) }) as StageEntry[];
    // Someone moved to Connected since was followed one at a time, deliberately: undo leaves them.
    const moves = current
      .filter((entry) => entry.stage !== 'connected' && wanted.get(entry.personId) !== entry.stage)
      .map((entry) => ({ personId: entry.personId, from: entry.stage, to: wanted.get(entry.personId) as Stage }));
    if (moves.length === 0) return [];
    // One set-based UPDATE per target stage (at most three: undo never targets Connected).
    const byTarget = new Map<Stage, number[]>();
    for (const m of moves) {
      const ids = byTarget.get(m.to) ?? [];
      ids.push(m.personId);
      byTarget.set(m.to, ids);
    }
    for (const [to, ids] of byTarget) s.update.run({ accountId, to, at, ids: JSON.stringify(ids) });
    s.events.run({ accountId, at, how: 'undo', moves: JSON.stringify(moves) });
    return moves.map((m) => ({ personId: m.personId, stage: m.to }));
  });

  return {
    /** Moves the selection's cards to `to` (callers refuse Connected); people already there are skipped. */
    move(accountId: number, selection: BulkSelection, to: Stage, at: string): BulkMoveOutcome {
      return move(accountId, selection, to, at);
    },

    /** Puts people back in the given stages; returns who changed (with their new stage). */
    restore(accountId: number, entries: StageEntry[], at: string): StageEntry[] {
      return restore(accountId, entries, at);
    },
  };
});

export type BulkMoveRepo = ReturnType<typeof bulkMoveRepo>;
