// getProfile, searchPeople: everything comes from the local cache; nothing here touches a network.
import { RapportError } from '../../../shared/api/errors';
import { accountsRepo } from '../repos/accountsRepo';
import { peopleRepo } from '../repos/peopleRepo';
import { searchRepo, SEARCH_DEFAULT_LIMIT } from '../repos/searchRepo';
import type { HandlerGroup } from './handlerTypes';

export const peopleHandlers: HandlerGroup = {
  getProfile: ({ accountId, personId }, ctx) => {
    accountsRepo(ctx.db).require(accountId);
    const profile = peopleRepo(ctx.db).profile(accountId, personId);
    if (!profile) throw new RapportError('NOT_FOUND', 'That person is not on this board any more.');
    return profile;
  },

  searchPeople: ({ accountId, query, limit }, ctx) => {
    accountsRepo(ctx.db).require(accountId);
    return searchRepo(ctx.db).search(accountId, query, limit ?? SEARCH_DEFAULT_LIMIT);
  },
};
