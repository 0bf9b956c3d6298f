// Actions on a network whose rules leave every follow and message to the person (X): the module
// names its own page for the action (NetworkModule.actionPage), the outbox records it 'opened' —
// counted against the daily budget from that moment, never sent by the worker — and the window
// opens the page. The person then marks it done, or the next read of the network shows it.
//
// Generic: nothing here names a network; a module without actionPage queues as before.
import type Database from 'better-sqlite3';
import type { ActionSummary, Network } from '../../../shared/domain';
import { RapportError } from '../../../shared/api/errors';
import { networkModule } from '../networks/networkRegistry';
import { actionSummary, outboxRepo, publicAction, type NewAction, type StoredAction } from '../repos/outboxRepo';
import { perDatabase } from '../repos/perDatabase';

const statements = perDatabase((db: Database.Database) => ({
  remoteId: db.prepare('SELECT remote_id AS remoteId FROM people WHERE id = ?'),
  followed: db.prepare(
    `INSERT INTO relationships (account_id, person_id, i_follow, i_followed_at) VALUES (@accountId, @personId, 1, @at)
     ON CONFLICT (account_id, person_id) DO UPDATE SET i_follow = 1, i_followed_at = coalesce(i_followed_at, @at), follow_requested = 0`,
  ),
  unfollowed: db.prepare('UPDATE relationships SET i_follow = 0, follow_ref = NULL, follow_requested = 0 WHERE account_id = ? AND person_id = ?'),
  event: db.prepare("INSERT INTO events (account_id, person_id, kind, at, data) VALUES (?, ?, ?, ?, json_object('actionId', ?))"),
  // What a read of the network now shows settles what was opened: a follow that exists, an
  // unfollow that took. Messages cannot be read back this way and wait for the person.
  confirmable: db.prepare(
    `SELECT o.id FROM outbox o JOIN relationships r ON r.account_id = o.account_id AND r.person_id = o.person_id
     WHERE o.account_id = ? AND o.status = 'opened'
       AND ((o.kind = 'follow' AND r.i_follow = 1) OR (o.kind = 'unfollow' AND r.i_follow = 0))`,
  ),
}));

/** Whether the network's actions are opened on its own pages rather than sent. */
export function opensActionsOnSite(network: Network): boolean {
  return networkModule(network)?.actionPage !== undefined;
}

/**
 * Queues the action, or on a network that opens its actions on its own pages records it opened
 * and answers the page to open. Call inside the caller's transaction, after the budget check.
 */
export function queueOrOpen(db: Database.Database, network: Network, action: NewAction): { stored: StoredAction; summary: ActionSummary } {
  const page = networkModule(network)?.actionPage;
  const outbox = outboxRepo(db);
  if (!page || action.kind === 'note') {
    const stored = outbox.enqueue(action);
    return { stored, summary: actionSummary(publicAction(stored)) };
  }
  const row = statements(db).remoteId.get(action.personId) as { remoteId: string } | undefined;
  if (!row) throw new RapportError('NOT_FOUND', 'That person is not on this board any more.');
  const openUrl = page({ kind: action.kind, remoteId: row.remoteId, ...(action.text !== undefined ? { text: action.text } : {}) });
  const stored = outbox.enqueueOpened(action);
  return { stored, summary: { ...actionSummary(publicAction(stored)), openUrl } };
}

/** Records an opened action as done: the relationship and the timeline say what the person did. */
function recordDone(db: Database.Database, action: StoredAction, at: string): boolean {
  if (!outboxRepo(db).markOpenedDone(action.id, at)) return false;
  const s = statements(db);
  const { accountId, personId } = action;
  if (action.kind === 'follow') s.followed.run({ accountId, personId, at });
  if (action.kind === 'unfollow') s.unfollowed.run(accountId, personId);
  const kind = action.kind === 'follow' ? 'i_followed' : action.kind === 'unfollow' ? 'i_unfollowed' : 'dm_sent';
  s.event.run(accountId, personId, kind, at, action.id);
  return true;
}

/** The person says they did it on the network's page: opened → done. CONFLICT for any other state. */
export function markOpenedActionDone(db: Database.Database, actionId: number, at: string): StoredAction {
  const outbox = outboxRepo(db);
  return db.transaction((): StoredAction => {
    const action = outbox.get(actionId);
    if (!action || action.kind === 'note') throw new RapportError('NOT_FOUND', 'That action does not exist any more.');
    if (action.status === 'done') return action;
    if (action.status !== 'opened' || !recordDone(db, action, at)) {
      throw new RapportError('CONFLICT', 'Only an action opened on the network’s own page can be marked done.');
    }
    return outbox.get(actionId) ?? action;
  })();
}

/**
 * After a read of the network (an archive import, an API sync) stored what is true now: opened
 * follows and unfollows it shows are done. Answers the ids that changed, for outbox.changed.
 * The read already wrote the relationship, so only the action and its timeline entry change.
 */
export function confirmOpenedActions(db: Database.Database, accountId: number, at: string): { actionIds: number[]; personIds: number[] } {
  const outbox = outboxRepo(db);
  const s = statements(db);
  return db.transaction(() => {
    const actionIds: number[] = [];
    const personIds: number[] = [];
    for (const { id } of s.confirmable.all(accountId) as { id: number }[]) {
      const action = outbox.get(id);
      if (!action || !outbox.markOpenedDone(id, at)) continue;
      actionIds.push(id);
      personIds.push(action.personId);
    }
    return { actionIds, personIds };
  })();
}
