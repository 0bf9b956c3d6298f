// unfollowPerson: one unfollow, asked for by the user for one person (the not-following-back
// view), queued through the outbox after the daily budget check. Never more than one per call.
import type Database from 'better-sqlite3';
import { RapportError } from '../../../shared/api/errors';
import type { Account, ActionSummary } from '../../../shared/domain';
import { requireBudget } from '../outbox/actionBudget';
import { queueOrOpen } from '../outbox/actionOnSite';
import { networkPolicy } from '../networks/networkRegistry';
import { accountsRepo } from '../repos/accountsRepo';
import { actionSummary, outboxRepo, publicAction } from '../repos/outboxRepo';
import type { HandlerGroup } from './handlerTypes';

interface Queued {
  action: ActionSummary;
  /** false when an unfollow of this person was already waiting: nothing new was queued */
  fresh: boolean;
}

function queueUnfollow(db: Database.Database, account: Account, personId: number, nowMs: number): Queued {
  return db.transaction((): Queued => {
    const outbox = outboxRepo(db);
    const waiting = outbox.pending(account.id, personId, 'unfollow');
    if (waiting) return { action: actionSummary(publicAction(waiting)), fresh: false };
    const edge = db
      .prepare('SELECT i_follow AS iFollow FROM relationships WHERE account_id = ? AND person_id = ?')
      .get(account.id, personId) as { iFollow: number } | undefined;
    if (!edge) throw new RapportError('NOT_FOUND', 'That person is not known to this account any more.');
    // A follow still waiting in the outbox is undone by cancelling it (moving the card out of
    // Connected), not by sending an unfollow for a follow the network never saw.
    if (edge.iFollow !== 1) throw new RapportError('CONFLICT', 'You do not follow this person, so there is nothing to unfollow.');
    requireBudget(db, account.id, account.network, nowMs);
    const at = new Date(nowMs).toISOString();
    // On a network that leaves it to the person, this opens its page instead (action.openUrl).
    return { action: queueOrOpen(db, account.network, { accountId: account.id, personId, kind: 'unfollow', at }).summary, fresh: true };
  })();
}

export const unfollowHandlers: HandlerGroup = {
  unfollowPerson: ({ accountId, personId }, ctx) => {
    const account = accountsRepo(ctx.db).require(accountId);
    if (!networkPolicy(account.network).canFollow) {
      throw new RapportError('CONFLICT', 'Rapport cannot unfollow people on this network; do it in the network’s own app.');
    }
    const queued = queueUnfollow(ctx.db, account, personId, ctx.now());
    if (queued.fresh) {
      ctx.emit('outbox.changed', { accountId, actionIds: [queued.action.id], personIds: [personId] });
      ctx.outbox?.kick(accountId);
    }
    return queued.action;
  },
};
