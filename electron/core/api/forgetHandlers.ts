// forgetPerson: removes a person from this account (and from the machine when no other account
// knows them), including their cached media files; their decision stays as a tombstone unless
// they are forgotten completely (forgetRepo).
import { MediaCache, MediaRefusedError } from '../media/mediaCache';
import { accountsRepo } from '../repos/accountsRepo';
import { forgetRepo } from '../repos/forgetRepo';
import type { HandlerGroup } from './handlerTypes';
import { logError } from '../errorLog';

export const forgetHandlers: HandlerGroup = {
  forgetPerson: async ({ accountId, personId, completely }, ctx) => {
    accountsRepo(ctx.db).require(accountId);
    const outcome = forgetRepo(ctx.db).forget(accountId, personId, { completely: completely === true });
    const cache = new MediaCache(ctx.mediaDir);
    for (const file of outcome.orphanFiles) {
      try {
        await cache.remove(file);
      } catch (error) {
        // The rows are gone already; a file that cannot be deleted is left for the log, and a
        // stored path pointing outside the cache is data we will not act on.
        if (!(error instanceof MediaRefusedError)) logError('[rapport core] could not delete a cached file', error);
      }
    }
    ctx.emit('people.changed', { accountId, personIds: [personId] });
    if (outcome.actionIds.length > 0) {
      ctx.emit('outbox.changed', { accountId, actionIds: outcome.actionIds, personIds: [personId] });
    }
    return { forgotten: true, keptStage: outcome.keptStage };
  },
};
