// What a stage move does on the network. One move queues at most one action, never a bulk:
// - to Connected, someone I do not follow, on a network that can follow → one follow;
// - out of Connected, someone I follow, only with an explicit `unfollow` → one unfollow (the UI
//   asks; a drag alone never unfollows anyone);
// - out of Connected while that person's follow is still queued → the follow is cancelled, which
//   is how undo of a move to Connected works.
// The stage change and the queued action are written in one transaction, after the budget check.
// On a network that leaves actions to the person on its own pages, the follow or unfollow is
// recorded 'opened' instead of queued and `action.openUrl` names the page (actionOnSite.ts).
import type Database from 'better-sqlite3';
import type { Account, ActionSummary, Stage } from '../../../shared/domain';
import { RapportError } from '../../../shared/api/errors';
import { outboxRepo } from '../repos/outboxRepo';
import { perDatabase } from '../repos/perDatabase';
import { triageRepo, type MoveOutcome } from '../repos/triageRepo';
import { requireBudget } from './actionBudget';
import { queueOrOpen } from './actionOnSite';
import { networkPolicy } from '../networks/networkRegistry';

export interface MoveRequest {
  account: Account;
  personId: number;
  stage: Stage;
  unfollow?: boolean;
  nowMs: number;
}

export interface MoveWithAction {
  outcome: MoveOutcome;
  /** The action the move queued, if any. */
  action: ActionSummary | null;
  /** Ids of actions whose state changed (queued or cancelled), for outbox.changed. */
  changedActionIds: number[];
}

const moveStatements = perDatabase((db: Database.Database) => ({
  // A follow request waiting for a locked account counts as followed: moving the card to Connected
  // again must not ask twice, and an explicit unfollow withdraws the request.
  iFollow: db.prepare(
    'SELECT max(i_follow, follow_requested) AS iFollow FROM relationships WHERE account_id = ? AND person_id = ?',
  ),
}));

export function moveWithActions(db: Database.Database, request: MoveRequest): MoveWithAction | null {
  const { account, personId, stage, nowMs } = request;
  const at = new Date(nowMs).toISOString();
  const policy = networkPolicy(account.network);
  const outbox = outboxRepo(db);
  const triage = triageRepo(db);

  return db.transaction((): MoveWithAction | null => {
    const from = triage.stageOf(account.id, personId);
    if (from === null) return null;
    const row = moveStatements(db).iFollow.get(account.id, personId) as { iFollow: number } | undefined;
    const iFollow = row?.iFollow === 1;
    const changedActionIds: number[] = [];
    let action: ActionSummary | null = null;

    const pendingFollow = outbox.pending(account.id, personId, 'follow');
    const pendingUnfollow = outbox.pending(account.id, personId, 'unfollow');
    if (stage === 'connected' && from !== 'connected' && policy.canFollow && !iFollow && !pendingFollow) {
      requireBudget(db, account.id, account.network, nowMs);
      action = queueOrOpen(db, account.network, { accountId: account.id, personId, kind: 'follow', at }).summary;
      changedActionIds.push(action.id);
    } else if (stage !== 'connected' && from === 'connected') {
      // An opened follow the person takes back is forgotten like a queued one.
      if (pendingFollow && (pendingFollow.status === 'queued' || pendingFollow.status === 'opened') && outbox.cancel(pendingFollow.id)) {
        changedActionIds.push(pendingFollow.id);
      } else if (request.unfollow === true && policy.canFollow && (iFollow || pendingFollow) && !pendingUnfollow) {
        requireBudget(db, account.id, account.network, nowMs);
        action = queueOrOpen(db, account.network, { accountId: account.id, personId, kind: 'unfollow', at }).summary;
        changedActionIds.push(action.id);
      }
    } else if (request.unfollow === true && stage !== 'connected' && iFollow && policy.canFollow && !pendingUnfollow) {
      // Not in Connected but followed (e.g. a declined follower I follow): the explicit ask still counts.
      requireBudget(db, account.id, account.network, nowMs);
      action = queueOrOpen(db, account.network, { accountId: account.id, personId, kind: 'unfollow', at }).summary;
      changedActionIds.push(action.id);
    }
    const outcome = triage.move(account.id, personId, stage, at);
    if (!outcome) throw new RapportError('NOT_FOUND', 'That person is not on this board any more.');
    return { outcome, action, changedActionIds };
  })();
}
