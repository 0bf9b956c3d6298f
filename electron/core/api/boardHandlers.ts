// getBoardCounts, getBoardPage, moveCard: the board's reads and its one write.
import { RapportError } from '../../../shared/api/errors';
import { accountsRepo } from '../repos/accountsRepo';
import { boardRepo } from '../repos/boardRepo';
import { peopleRepo } from '../repos/peopleRepo';
import { triageRepo } from '../repos/triageRepo';
import type { HandlerGroup } from './handlerTypes';

export const boardHandlers: HandlerGroup = {
  getBoardCounts: ({ accountId }, ctx) => {
    accountsRepo(ctx.db).require(accountId);
    return boardRepo(ctx.db).counts(accountId);
  },

  getBoardPage: (input, ctx) => {
    accountsRepo(ctx.db).require(input.accountId);
    return boardRepo(ctx.db).page(input);
  },

  moveCard: ({ accountId, personId, stage }, ctx) => {
    accountsRepo(ctx.db).require(accountId);
    const outcome = triageRepo(ctx.db).move(accountId, personId, stage, new Date(ctx.now()).toISOString());
    const card = outcome && peopleRepo(ctx.db).card(accountId, personId);
    if (!outcome || !card) throw new RapportError('NOT_FOUND', 'That person is not on this board any more.');
    if (outcome.changed) ctx.emit('people.changed', { accountId, personIds: [personId] });
    return { card, counts: boardRepo(ctx.db).counts(accountId), from: outcome.from };
  },
};
