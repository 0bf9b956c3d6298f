// Stage moves: the stage, its changed_at and a stage_changed event are written in one
// transaction, so the timeline never disagrees with the board.
import type Database from 'better-sqlite3';
import type { Stage } from '../../../shared/domain';
import { perDatabase } from './perDatabase';

export interface MoveOutcome {
  from: Stage;
  to: Stage;
  /** false when the card already was in that stage: nothing written, no event. */
  changed: boolean;
}

export const triageRepo = perDatabase((db: Database.Database) => {
  const stageStatement = db.prepare('SELECT stage FROM triage WHERE account_id = ? AND person_id = ?');
  const updateStatement = db.prepare(
    // A deliberate move ends a snooze: the person is where the user just put them, not hidden.
    'UPDATE triage SET stage = @to, changed_at = @at, snoozed_until = NULL WHERE account_id = @accountId AND person_id = @personId',
  );
  const eventStatement = db.prepare(
    `INSERT INTO events (account_id, person_id, kind, at, data)
     VALUES (@accountId, @personId, 'stage_changed', @at, json_object('from', @from, 'to', @to))`,
  );

  const move = db.transaction((accountId: number, personId: number, to: Stage, at: string): MoveOutcome | null => {
    const row = stageStatement.get(accountId, personId) as { stage: Stage } | undefined;
    if (!row) return null;
    if (row.stage === to) return { from: to, to, changed: false };
    const params = { accountId, personId, from: row.stage, to, at };
    updateStatement.run(params);
    eventStatement.run(params);
    return { from: row.stage, to, changed: true };
  });

  return {
    /** Moves a card to `to`; null when the person has no card on this account's board. */
    move(accountId: number, personId: number, to: Stage, at: string): MoveOutcome | null {
      return move(accountId, personId, to, at);
    },

    stageOf(accountId: number, personId: number): Stage | null {
      const row = stageStatement.get(accountId, personId) as { stage: Stage } | undefined;
      return row?.stage ?? null;
    },
  };
});

export type TriageRepo = ReturnType<typeof triageRepo>;
