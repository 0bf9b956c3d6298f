// listInteractions: a person's latest interactions with me (both directions), for Review and the
// profile. Only people this account knows are readable, like every per-person read.
// getReviewFirst: the new followers Review shows before the rest of New (they spoke to me first),
// with the same card extras as any board read.
import { accountsRepo } from '../repos/accountsRepo';
import { requireKnownPerson } from '../repos/knownPerson';
import { outboxRepo } from '../repos/outboxRepo';
import { personInteractions } from '../repos/personInteractionsRepo';
import { spokeBeforeFollowingCards } from '../repos/reviewFirstRepo';
import { cardsForWindow } from './cardReads';
import type { HandlerGroup } from './handlerTypes';
import { wakeDueSnoozes } from './snoozeHandlers';

/** Enough for Review's section without paging; the profile pages on for more. */
export const INTERACTIONS_DEFAULT_LIMIT = 20;
/** Review queues a dozen people ahead; this many first is plenty. */
export const REVIEW_FIRST_DEFAULT_LIMIT = 20;

export const interactionsHandlers: HandlerGroup = {
  listInteractions: ({ accountId, personId, limit, before }, ctx) => {
    accountsRepo(ctx.db).require(accountId);
    requireKnownPerson(ctx.db, accountId, personId);
    return personInteractions(ctx.db, accountId, personId, limit ?? INTERACTIONS_DEFAULT_LIMIT, before);
  },

  getReviewFirst: ({ accountId, limit }, ctx) => {
    wakeDueSnoozes(ctx, accountId);
    accountsRepo(ctx.db).require(accountId);
    const cards = spokeBeforeFollowingCards(ctx.db, accountId, limit ?? REVIEW_FIRST_DEFAULT_LIMIT);
    const actions = outboxRepo(ctx.db).latestFor(accountId, cards.map((card) => card.personId));
    const items = cards.map((card) => (actions.has(card.personId) ? { ...card, action: actions.get(card.personId) } : card));
    return cardsForWindow(ctx, accountId, items);
  },
};
