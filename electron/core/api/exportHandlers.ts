// exportPeople: the account's people (optionally filtered like the people list) as CSV or JSON.
import { accountsRepo } from '../repos/accountsRepo';
import { exportRepo } from '../repos/exportRepo';
import { exportFile } from './exportFormats';
import type { HandlerGroup } from './handlerTypes';

export const exportHandlers: HandlerGroup = {
  exportPeople: ({ accountId, format, filter }, ctx) => {
    const account = accountsRepo(ctx.db).require(accountId);
    const rows = exportRepo(ctx.db).rows(accountId, filter ?? {});
    return exportFile(account, format, rows, ctx.now());
  },
};
