// getSyncReadEstimate: asks the account's network module what a sync would read (networks that
// bill reads answer; the rest have no hook and answer null).
import { accountsRepo } from '../repos/accountsRepo';
import type { ModulePorts } from '../networks/networkModule';
import { networkModule } from '../networks/networkRegistry';
import type { HandlerGroup } from './handlerTypes';

export function createSyncCostHandlers(ports: ModulePorts): HandlerGroup {
  return {
    getSyncReadEstimate: async ({ accountId }, ctx) => {
      const account = accountsRepo(ctx.db).require(accountId);
      return (await networkModule(account.network)?.syncReadEstimate?.(account, ports)) ?? null;
    },
  };
}
