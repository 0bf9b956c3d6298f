// queryPeople: the people list, search results and the not-following-back view, read from the
// local database only. Cards carry each person's latest outbox action here, as board pages do;
// tags, last message and signal chips are added per page by the triage duties (cardExtras).
import { accountsRepo } from '../repos/accountsRepo';
import { outboxRepo } from '../repos/outboxRepo';
import { peopleQueryRepo } from '../repos/peopleQueryRepo';
import type { HandlerGroup } from './handlerTypes';

export const peopleQueryHandlers: HandlerGroup = {
  queryPeople: ({ accountId, filter, sort, limit, offset }, ctx) => {
    accountsRepo(ctx.db).require(accountId);
    const page = peopleQueryRepo(ctx.db).page({ accountId, filter, sort, limit, offset });
    const actions = outboxRepo(ctx.db).latestFor(
      accountId,
      page.items.map((card) => card.personId),
    );
    if (actions.size === 0) return page;
    return { ...page, items: page.items.map((card) => ({ ...card, ...(actions.has(card.personId) ? { action: actions.get(card.personId) } : {}) })) };
  },
};
