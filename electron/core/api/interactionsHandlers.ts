// listInteractions: a person's latest interactions with me (both directions), for Review and the
// profile. Only people this account knows are readable, like every per-person read.
import { accountsRepo } from '../repos/accountsRepo';
import { requireKnownPerson } from '../repos/knownPerson';
import { personInteractions } from '../repos/personInteractionsRepo';
import type { HandlerGroup } from './handlerTypes';

/** Enough for Review's section without paging; the profile pages on for more. */
export const INTERACTIONS_DEFAULT_LIMIT = 20;

export const interactionsHandlers: HandlerGroup = {
  listInteractions: ({ accountId, personId, limit, before }, ctx) => {
    accountsRepo(ctx.db).require(accountId);
    requireKnownPerson(ctx.db, accountId, personId);
    return personInteractions(ctx.db, accountId, personId, limit ?? INTERACTIONS_DEFAULT_LIMIT, before);
  },
};
