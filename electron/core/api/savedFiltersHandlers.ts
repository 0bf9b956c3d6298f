// listSavedFilters, saveFilter, deleteSavedFilter: the sidebar's named filters, kept in SQLite so
// they survive restarts.
import { RapportError } from '../../../shared/api/errors';
import { accountsRepo } from '../repos/accountsRepo';
import { savedFiltersRepo } from '../repos/savedFiltersRepo';
import type { HandlerGroup } from './handlerTypes';

export const savedFiltersHandlers: HandlerGroup = {
  listSavedFilters: ({ accountId }, ctx) => {
    accountsRepo(ctx.db).require(accountId);
    return savedFiltersRepo(ctx.db).list(accountId);
  },

  saveFilter: ({ accountId, name, filter }, ctx) => {
    accountsRepo(ctx.db).require(accountId);
    return savedFiltersRepo(ctx.db).save(accountId, name, filter, new Date(ctx.now()).toISOString());
  },

  deleteSavedFilter: ({ filterId }, ctx) => {
    if (!savedFiltersRepo(ctx.db).delete(filterId)) {
      throw new RapportError('NOT_FOUND', 'That saved filter does not exist any more.');
    }
    return { deleted: true };
  },
};
