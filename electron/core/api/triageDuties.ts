// Duties of triage around handlers other groups own, attached in createCore (as attachSyncDuties
// does for the sync engine), so those groups stay unaware of snoozes and of card fields kept in
// other tables:
// - every board read and people query first wakes the account's due snoozes, so a card whose
//   snooze ended is back in New before columns are counted or paged;
// - cards leaving the board, search and people lists get their tags, last message and signal
//   chips, fetched once per page (cardExtras).
import type { PersonCard } from '../../../shared/domain';
import type { HandlerTable } from '../coreDispatch';
import { withCardExtras } from '../repos/cardExtras';
import type { CoreContext } from './handlerTypes';
import { wakeDueSnoozes } from './snoozeHandlers';

export function attachTriageDuties(table: HandlerTable): HandlerTable {
  const extras = <T extends PersonCard>(ctx: CoreContext, accountId: number, cards: T[]): T[] =>
    withCardExtras(ctx.db, accountId, cards, ctx.now());
  return {
    ...table,
    getBoardCounts: async (input, ctx) => {
      wakeDueSnoozes(ctx, input.accountId);
      return table.getBoardCounts(input, ctx);
    },
    getBoardPage: async (input, ctx) => {
      wakeDueSnoozes(ctx, input.accountId);
      const page = await table.getBoardPage(input, ctx);
      return { ...page, items: extras(ctx, input.accountId, page.items) };
    },
    queryPeople: async (input, ctx) => {
      wakeDueSnoozes(ctx, input.accountId);
      const page = await table.queryPeople(input, ctx);
      return { ...page, items: extras(ctx, input.accountId, page.items) };
    },
    searchPeople: async (input, ctx) => {
      const cards = await table.searchPeople(input, ctx);
      return extras(ctx, input.accountId, cards);
    },
  };
}
