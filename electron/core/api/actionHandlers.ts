// sendMessage, listActions, retryAction, cancelAction, markActionDone, getActionBudget,
// setActionBudget: the outbox as the UI sees it. Sending happens in the background
// (outbox/outboxWorker.ts); these only queue, look, and change what is queued. On a network that
// leaves actions to the person on its own pages, a message is recorded opened and its answer names
// the page (outbox/actionOnSite.ts); the person then marks it done.
import type { Account } from '../../../shared/domain';
import { RapportError } from '../../../shared/api/errors';
import { readActionBudget, requireBudget, writeActionBudget } from '../outbox/actionBudget';
import { markOpenedActionDone, queueOrOpen } from '../outbox/actionOnSite';
import { networkPolicy } from '../networks/networkRegistry';
import { accountsRepo } from '../repos/accountsRepo';
import { outboxRepo, publicAction, type StoredAction } from '../repos/outboxRepo';
import { triageRepo } from '../repos/triageRepo';
import type { CoreContext, HandlerGroup } from './handlerTypes';

function requireAction(ctx: CoreContext, actionId: number): StoredAction {
  const action = outboxRepo(ctx.db).get(actionId);
  if (!action || (action.kind as string) === 'note') throw new RapportError('NOT_FOUND', 'That action does not exist any more.');
  return action;
}

function announce(ctx: CoreContext, action: { id: number; accountId: number; personId: number }): void {
  ctx.emit('outbox.changed', { accountId: action.accountId, actionIds: [action.id], personIds: [action.personId] });
}

function accountOf(ctx: CoreContext, accountId: number): Account {
  return accountsRepo(ctx.db).require(accountId);
}

export const actionHandlers: HandlerGroup = {
  sendMessage: ({ accountId, personId, text }, ctx) => {
    const account = accountOf(ctx, accountId);
    if (!networkPolicy(account.network).canDm) {
      throw new RapportError('CONFLICT', `Rapport cannot send messages on ${account.network}.`);
    }
    if (triageRepo(ctx.db).stageOf(accountId, personId) === null) {
      throw new RapportError('NOT_FOUND', 'That person is not on this board any more.');
    }
    const { stored, summary } = ctx.db.transaction(() => {
      requireBudget(ctx.db, accountId, account.network, ctx.now());
      return queueOrOpen(ctx.db, account.network, { accountId, personId, kind: 'dm', text, at: new Date(ctx.now()).toISOString() });
    })();
    announce(ctx, stored);
    ctx.outbox?.kick(accountId);
    return { ...publicAction(stored), ...(summary.openUrl ? { openUrl: summary.openUrl } : {}) };
  },

  listActions: ({ accountId, personId }, ctx) => {
    accountOf(ctx, accountId);
    return outboxRepo(ctx.db).list(accountId, personId).map(publicAction);
  },

  retryAction: ({ actionId }, ctx) => {
    const action = requireAction(ctx, actionId);
    if (action.status === 'done') throw new RapportError('CONFLICT', 'That action is already done.');
    if (action.status === 'sending') throw new RapportError('CONFLICT', 'That action is being sent right now.');
    const repo = outboxRepo(ctx.db);
    if (!repo.retry(actionId, new Date(ctx.now()).toISOString())) {
      throw new RapportError('CONFLICT', 'That action changed meanwhile; look at it again.');
    }
    announce(ctx, action);
    ctx.outbox?.kick(action.accountId);
    return publicAction(repo.get(actionId) ?? action);
  },

  cancelAction: ({ actionId }, ctx) => {
    const action = requireAction(ctx, actionId);
    // An opened action the person did not do on the network's page is forgotten the same way.
    if ((action.status !== 'queued' && action.status !== 'opened') || !outboxRepo(ctx.db).cancel(actionId)) {
      throw new RapportError('CONFLICT', 'Only an action that is still waiting can be cancelled; this one was already sent or settled.');
    }
    announce(ctx, action);
    if (action.kind !== 'dm') ctx.emit('people.changed', { accountId: action.accountId, personIds: [action.personId] });
    return { cancelled: true };
  },

  markActionDone: ({ actionId }, ctx) => {
    const done = markOpenedActionDone(ctx.db, actionId, new Date(ctx.now()).toISOString());
    announce(ctx, done);
    if (done.kind !== 'dm') ctx.emit('people.changed', { accountId: done.accountId, personIds: [done.personId] });
    return publicAction(done);
  },

  getActionBudget: ({ accountId }, ctx) => {
    const account = accountOf(ctx, accountId);
    return readActionBudget(ctx.db, accountId, account.network, ctx.now());
  },

  setActionBudget: ({ accountId, limit }, ctx) => {
    const account = accountOf(ctx, accountId);
    writeActionBudget(ctx.db, accountId, account.network, limit);
    return readActionBudget(ctx.db, accountId, account.network, ctx.now());
  },
};
