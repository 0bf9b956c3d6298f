// getStats: follower growth, the stage funnel, weekly flows and totals, from SQLite alone.
import { accountsRepo } from '../repos/accountsRepo';
import { DEFAULT_STATS_WEEKS, statsRepo } from '../repos/statsRepo';
import type { HandlerGroup } from './handlerTypes';

export const statsHandlers: HandlerGroup = {
  getStats: ({ accountId, weeks }, ctx) => {
    accountsRepo(ctx.db).require(accountId);
    return statsRepo(ctx.db).stats(accountId, weeks ?? DEFAULT_STATS_WEEKS, ctx.now());
  },
};
