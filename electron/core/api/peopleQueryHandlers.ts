// queryPeople: the people list, search results and the not-following-back view, read from the
// local database only. Cards carry each person's latest outbox action here, as board pages do;
// due snoozes wake first, and tags, last message and signal chips are added per page (cardReads.ts).
import { accountsRepo } from '../repos/accountsRepo';
import { outboxRepo } from '../repos/outboxRepo';
import { peopleQueryRepo } from '../repos/peopleQueryRepo';
import { cardsForWindow } from './cardReads';
import type { HandlerGroup } from './handlerTypes';
import { wakeDueSnoozes } from './snoozeHandlers';

export const peopleQueryHandlers: HandlerGroup = {
  queryPeople: ({ accountId, filter, sort, limit, offset }, ctx) => {
    wakeDueSnoozes(ctx, accountId);
    accountsRepo(ctx.db).require(accountId);
    const page = peopleQueryRepo(ctx.db).page({ accountId, filter, sort, limit, offset });
    const actions = outboxRepo(ctx.db).latestFor(
      accountId,
      page.items.map((card) => card.personId),
    );
    const items = page.items.map((card) => (actions.has(card.personId) ? { ...card, action: actions.get(card.personId) } : card));
    return { ...page, items: cardsForWindow(ctx, accountId, items) };
  },
};
