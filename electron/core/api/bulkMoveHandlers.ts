// bulkMove and restoreStages: many stage moves in one transaction, and their undo. Stages only —
// a bulk move never follows, unfollows or messages anyone, and Connected is refused, because
// each follow is one deliberate choice.
import { RapportError } from '../../../shared/api/errors';
import { accountsRepo } from '../repos/accountsRepo';
import { boardRepo } from '../repos/boardRepo';
import { bulkMoveRepo } from '../repos/bulkMoveRepo';
import { peopleQueryRepo } from '../repos/peopleQueryRepo';
import type { CoreContext, HandlerGroup } from './handlerTypes';

export const CONNECTED_REFUSAL =
  'Follows stay one at a time: move people to Connected one by one, so each follow is a deliberate choice.';

/** The most one bulk move takes: what one restoreStages call can put back. */
export const BULK_MOVE_MAX = 50_000;

/** Small sets are named so open drawers and lists refresh only what changed; large ones reload. */
const NAMED_CHANGE_MAX = 500;

function announce(ctx: CoreContext, accountId: number, personIds: number[]): void {
  if (personIds.length === 0) return;
  ctx.emit('people.changed', { accountId, personIds: personIds.length <= NAMED_CHANGE_MAX ? personIds : null });
}

export const bulkMoveHandlers: HandlerGroup = {
  bulkMove: ({ accountId, selection, stage }, ctx) => {
    accountsRepo(ctx.db).require(accountId);
    if (stage === 'connected') throw new RapportError('CONFLICT', CONNECTED_REFUSAL);
    if ('filter' in selection) {
      const matching = peopleQueryRepo(ctx.db).count(accountId, selection.filter);
      if (matching > BULK_MOVE_MAX) {
        throw new RapportError(
          'INVALID_INPUT',
          `That filter matches ${matching.toLocaleString('en-US')} people; move at most ${BULK_MOVE_MAX.toLocaleString('en-US')} at a time, so the move can be undone. Narrow the filter and move the rest in a second step.`,
        );
      }
    }
    const at = new Date(ctx.now()).toISOString();
    const outcome = bulkMoveRepo(ctx.db).move(accountId, selection, stage, at);
    if ('personIds' in selection && outcome.selectedOnBoard === 0) {
      throw new RapportError('NOT_FOUND', 'None of the selected people are on this account’s board any more.');
    }
    announce(
      ctx,
      accountId,
      outcome.from.map((entry) => entry.personId),
    );
    if (outcome.cancelledActions.length > 0) {
      ctx.emit('outbox.changed', {
        accountId,
        actionIds: outcome.cancelledActions.map((a) => a.id),
        personIds: outcome.cancelledActions.map((a) => a.personId),
      });
    }
    return { moved: outcome.from.length, counts: boardRepo(ctx.db).counts(accountId), from: outcome.from };
  },

  restoreStages: ({ accountId, entries }, ctx) => {
    accountsRepo(ctx.db).require(accountId);
    const restored = bulkMoveRepo(ctx.db).restore(accountId, entries, new Date(ctx.now()).toISOString());
    announce(
      ctx,
      accountId,
      restored.map((entry) => entry.personId),
    );
    return { restored: restored.length, counts: boardRepo(ctx.db).counts(accountId) };
  },
};
