// getTimeline: a person's history with me, newest first, one plain sentence per event.
import { accountsRepo } from '../repos/accountsRepo';
import { requireKnownPerson } from '../repos/knownPerson';
import { timelineRepo } from '../repos/timelineRepo';
import type { HandlerGroup } from './handlerTypes';

export const timelineHandlers: HandlerGroup = {
  getTimeline: ({ accountId, personId }, ctx) => {
    accountsRepo(ctx.db).require(accountId);
    requireKnownPerson(ctx.db, accountId, personId);
    return timelineRepo(ctx.db).of(accountId, personId);
  },
};
