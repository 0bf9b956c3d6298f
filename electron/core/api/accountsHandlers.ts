// listAccounts, removeAccount. Adding accounts is each network module's sign-in
// (signInHandlers.ts routes to it). Removal tells the bus before and after, so a running sync
// stops before its rows go and a network can sign out on its server.
import { RapportError } from '../../../shared/api/errors';
import { accountsRepo } from '../repos/accountsRepo';
import type { HandlerGroup } from './handlerTypes';

export const accountsHandlers: HandlerGroup = {
  listAccounts: (_input, ctx) => accountsRepo(ctx.db).list(),

  removeAccount: async ({ accountId }, ctx) => {
    const repo = accountsRepo(ctx.db);
    const account = repo.get(accountId);
    if (account) await ctx.bus.run('accountRemoving', { account });
    if (!account || !repo.remove(accountId, ctx.mediaDir).removed) {
      throw new RapportError('NOT_FOUND', 'That account was already removed.');
    }
    ctx.emit('accounts.changed', { accounts: repo.list() });
    ctx.bus.emit('accountRemoved', { account });
    return { removed: true };
  },
};
