// findPeople: the command palette's typo-tolerant person search, from the local cache only.
import { accountsRepo } from '../repos/accountsRepo';
import { FIND_DEFAULT_LIMIT, personFinder } from '../repos/personFinder';
import type { HandlerGroup } from './handlerTypes';

export const findPeopleHandlers: HandlerGroup = {
  findPeople: ({ accountId, query, limit }, ctx) => {
    accountsRepo(ctx.db).require(accountId);
    return personFinder(ctx.db).find(accountId, query, limit ?? FIND_DEFAULT_LIMIT);
  },
};
