// getProfile, searchPeople: everything comes from the local cache; nothing here touches a network.
// What should follow a read (an avatar or recent posts still to fetch, a network's profile extras)
// reacts to the bus: profileOpened, cardsRead.
import { RapportError } from '../../../shared/api/errors';
import { accountsRepo } from '../repos/accountsRepo';
import { peopleRepo } from '../repos/peopleRepo';
import { searchRepo, SEARCH_DEFAULT_LIMIT } from '../repos/searchRepo';
import { cardsForWindow } from './cardReads';
import type { HandlerGroup } from './handlerTypes';

export const peopleHandlers: HandlerGroup = {
  getProfile: ({ accountId, personId }, ctx) => {
    accountsRepo(ctx.db).require(accountId);
    const profile = peopleRepo(ctx.db).profile(accountId, personId);
    if (!profile) throw new RapportError('NOT_FOUND', 'That person is not on this board any more.');
    ctx.bus.emit('profileOpened', { accountId, profile });
    return profile;
  },

  searchPeople: ({ accountId, query, limit }, ctx) => {
    accountsRepo(ctx.db).require(accountId);
    return cardsForWindow(ctx, accountId, searchRepo(ctx.db).search(accountId, query, limit ?? SEARCH_DEFAULT_LIMIT));
  },
};
