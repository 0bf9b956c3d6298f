// listAccounts, removeAccount. Adding accounts belongs to each network's own handlers
// (addSampleAccount lives with the sample network).
import { RapportError } from '../../../shared/api/errors';
import { accountsRepo } from '../repos/accountsRepo';
import type { HandlerGroup } from './handlerTypes';

export const accountsHandlers: HandlerGroup = {
  listAccounts: (_input, ctx) => accountsRepo(ctx.db).list(),

  removeAccount: ({ accountId }, ctx) => {
    const repo = accountsRepo(ctx.db);
    if (!repo.remove(accountId, ctx.mediaDir).removed) {
      throw new RapportError('NOT_FOUND', 'That account was already removed.');
    }
    ctx.emit('accounts.changed', { accounts: repo.list() });
    return { removed: true };
  },
};
