// The interactions retention setting: read it, and change it — a shorter retention deletes the
// rows already past it at once (every account, one transaction), so what the user chose is what
// the disk holds. Counts stay, so the cards keep their totals.
import { DEFAULT_INTERACTION_RETENTION_DAYS, interactionCutoff, interactionRetentionDays, setInteractionRetentionDays } from '../repos/interactionRetention';
import { accountsRepo } from '../repos/accountsRepo';
import { interactionsRepo } from '../repos/interactionsRepo';
import type { HandlerGroup } from './handlerTypes';

export const interactionRetentionHandlers: HandlerGroup = {
  getInteractionRetention: (_input, ctx) => ({ days: interactionRetentionDays(ctx.db), defaultDays: DEFAULT_INTERACTION_RETENTION_DAYS }),

  setInteractionRetention: ({ days }, ctx) => {
    ctx.db.transaction(() => {
      setInteractionRetentionDays(ctx.db, days);
      const cutoff = interactionCutoff(ctx.db, ctx.now());
      for (const account of accountsRepo(ctx.db).list()) interactionsRepo(ctx.db).purgeOlderThan(account.id, cutoff);
    })();
    return { days, defaultDays: DEFAULT_INTERACTION_RETENTION_DAYS };
  },
};
