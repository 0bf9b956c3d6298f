// getBoardCounts, getBoardPage, moveCard: the board's reads and its one write. Reads first wake
// the account's due snoozes; pages leave with their card extras (cardReads.ts). A move may queue a
// follow or unfollow (outbox/moveActions.ts); the outbox then sends it in the background.
import { RapportError } from '../../../shared/api/errors';
import { moveWithActions } from '../outbox/moveActions';
import { accountsRepo } from '../repos/accountsRepo';
import { boardRepo } from '../repos/boardRepo';
import { outboxRepo } from '../repos/outboxRepo';
import { peopleRepo } from '../repos/peopleRepo';
import { cardsForWindow } from './cardReads';
import type { HandlerGroup } from './handlerTypes';
import { wakeDueSnoozes } from './snoozeHandlers';

export const boardHandlers: HandlerGroup = {
  getBoardCounts: ({ accountId }, ctx) => {
    wakeDueSnoozes(ctx, accountId);
    accountsRepo(ctx.db).require(accountId);
    return boardRepo(ctx.db).counts(accountId);
  },

  getBoardPage: (input, ctx) => {
    wakeDueSnoozes(ctx, input.accountId);
    accountsRepo(ctx.db).require(input.accountId);
    const page = boardRepo(ctx.db).page(input);
    const actions = outboxRepo(ctx.db).latestFor(
      input.accountId,
      page.items.map((card) => card.personId),
    );
    const items = page.items.map((card) => (actions.has(card.personId) ? { ...card, action: actions.get(card.personId) } : card));
    return { ...page, items: cardsForWindow(ctx, input.accountId, items) };
  },

  /**
   * The bulk step after a first import: every follower still in New becomes Evaluated, so New
   * holds only people who follow from now on. Stages only; it never follows anyone.
   */
  markExistingFollowersEvaluated: ({ accountId }, ctx) => {
    accountsRepo(ctx.db).require(accountId);
    const at = new Date(ctx.now()).toISOString();
    const moved = ctx.db.transaction(() => {
      ctx.db
        .prepare(
          `INSERT INTO events (account_id, person_id, kind, at, data)
           SELECT account_id, person_id, 'stage_changed', ?, json_object('from', 'new', 'to', 'evaluated', 'bulk', 1)
           FROM triage WHERE account_id = ? AND stage = 'new'`,
        )
        .run(at, accountId);
      return ctx.db.prepare("UPDATE triage SET stage = 'evaluated', changed_at = ? WHERE account_id = ? AND stage = 'new'").run(at, accountId)
        .changes;
    })();
    if (moved > 0) ctx.emit('people.changed', { accountId, personIds: null });
    return { moved };
  },

  moveCard: ({ accountId, personId, stage, unfollow }, ctx) => {
    const account = accountsRepo(ctx.db).require(accountId);
    const moved = moveWithActions(ctx.db, { account, personId, stage, unfollow, nowMs: ctx.now() });
    const card = moved && peopleRepo(ctx.db).card(accountId, personId);
    if (!moved || !card) throw new RapportError('NOT_FOUND', 'That person is not on this board any more.');
    if (moved.outcome.changed) ctx.emit('people.changed', { accountId, personIds: [personId] });
    if (moved.changedActionIds.length > 0) {
      ctx.emit('outbox.changed', { accountId, actionIds: moved.changedActionIds, personIds: [personId] });
      ctx.outbox?.kick(accountId);
    }
    return {
      card,
      counts: boardRepo(ctx.db).counts(accountId),
      from: moved.outcome.from,
      ...(moved.action ? { action: moved.action } : {}),
    };
  },
};
