// After a complete walk, edges still stamped with an older generation were not in the list any
// more. That alone does not prove an unfollow: lists can be inconsistent while being paged, and a
// deactivated or suspended account vanishes from every list without having unfollowed anyone.
// So each candidate is re-checked with getRelationships before anything is recorded.
import type Database from 'better-sqlite3';
import type { Provider, RemoteRelationship } from '../providers/provider';
import { perDatabase } from '../repos/perDatabase';
import type { WalkName } from '../repos/syncStateRepo';

interface Candidate {
  personId: number;
  remoteId: string;
}

export interface RemovalOutcome {
  /** Edges that really ended (unfollowed me / I no longer follow). */
  ended: number;
  /** People found deactivated, suspended or gone. */
  gone: number;
  /** Candidates the network still reports as following: kept and re-stamped. */
  confirmed: number;
}

const removalStatements = perDatabase((db: Database.Database) => ({
  staleFollowers: db.prepare(
    `SELECT r.person_id AS personId, p.remote_id AS remoteId FROM relationships r JOIN people p ON p.id = r.person_id
     WHERE r.account_id = ? AND r.follows_me = 1 AND r.seen_generation < ? ORDER BY r.person_id LIMIT ?`,
  ),
  staleFollowing: db.prepare(
    `SELECT r.person_id AS personId, p.remote_id AS remoteId FROM relationships r JOIN people p ON p.id = r.person_id
     WHERE r.account_id = ? AND r.i_follow = 1 AND r.following_generation < ? ORDER BY r.person_id LIMIT ?`,
  ),
  confirmFollower: db.prepare('UPDATE relationships SET seen_generation = ? WHERE account_id = ? AND person_id = ?'),
  confirmFollowing: db.prepare('UPDATE relationships SET following_generation = ? WHERE account_id = ? AND person_id = ?'),
  endFollower: db.prepare('UPDATE relationships SET follows_me = 0 WHERE account_id = ? AND person_id = ?'),
  endFollowing: db.prepare('UPDATE relationships SET i_follow = 0, follow_ref = NULL WHERE account_id = ? AND person_id = ?'),
  markGone: db.prepare('UPDATE people SET gone_at = ? WHERE id = ? AND gone_at IS NULL'),
  insertEvent: db.prepare('INSERT INTO events (account_id, person_id, kind, at) VALUES (?, ?, ?, ?)'),
}));

export interface RemovalCheckInput {
  db: Database.Database;
  provider: Provider;
  accountId: number;
  walk: WalkName;
  generation: number;
  at: string;
  signal: AbortSignal;
  /** Called once per network request, for the run's request count. */
  onRequest(): void;
}

export async function checkRemovals(input: RemovalCheckInput): Promise<RemovalOutcome> {
  const { db, provider, accountId, walk, generation, at, signal } = input;
  const s = removalStatements(db);
  const outcome: RemovalOutcome = { ended: 0, gone: 0, confirmed: 0 };
  const batch = Math.max(1, provider.capabilities.profileBatch);
  const stale = walk === 'followers' ? s.staleFollowers : s.staleFollowing;

  const apply = db.transaction((candidates: Candidate[], answers: Map<string, RemoteRelationship>) => {
    for (const { personId, remoteId } of candidates) {
      const answer = answers.get(remoteId);
      const stillThere = answer ? (walk === 'followers' ? answer.followsMe : answer.iFollow) : true;
      if (answer?.gone) {
        // Gone is not an unfollow: the edge ends, the event says why.
        if (s.markGone.run(at, personId).changes > 0) {
          s.insertEvent.run(accountId, personId, 'gone', at);
          outcome.gone++;
        }
        (walk === 'followers' ? s.endFollower : s.endFollowing).run(accountId, personId);
      } else if (stillThere) {
        // No answer, or the network says the edge is there: keep it. Every candidate leaves the
        // stale set one way or the other, so this loop always ends.
        (walk === 'followers' ? s.confirmFollower : s.confirmFollowing).run(generation, accountId, personId);
        outcome.confirmed++;
      } else {
        (walk === 'followers' ? s.endFollower : s.endFollowing).run(accountId, personId);
        s.insertEvent.run(accountId, personId, walk === 'followers' ? 'unfollowed_me' : 'i_unfollowed', at);
        outcome.ended++;
      }
    }
  });

  for (;;) {
    signal.throwIfAborted();
    const candidates = stale.all(accountId, generation, batch) as Candidate[];
    if (candidates.length === 0) break;
    const answers = await provider.getRelationships(
      candidates.map((c) => c.remoteId),
      signal,
    );
    input.onRequest();
    apply(candidates, new Map(answers.map((a) => [a.remoteId, a])));
  }
  return outcome;
}
