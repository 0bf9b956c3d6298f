// After a complete walk, edges still stamped with an older generation were not in the list any
// more. That alone proves nothing: lists can be inconsistent while being paged, and networks leave
// deactivated, deleted and suspended accounts out of every list (and out of batch profile
// lookups) while their relationship may still read as a normal follow. So "missing" is unknown
// until the provider says what the account is:
// - gone (deactivated, deleted, suspended, taken down, moved): the edge pauses, the person is
//   marked gone with the reason, and the timeline says so — never an unfollow. Triage and notes
//   stay; if the account comes back, ingest resumes the edge without a "followed you".
// - active: the relationship decides between a real unfollow and a list that was briefly wrong.
// - unknown: nothing is recorded; the edge stays as it was.
import type Database from 'better-sqlite3';
import type { GoneReason } from '../../../shared/domain';
import type { Provider, RemoteAccountStatus, RemoteRelationship } from '../networks/provider';
import { perDatabase } from '../repos/perDatabase';
import type { WalkName } from '../repos/syncStateRepo';

interface Candidate {
  personId: number;
  remoteId: string;
}

export interface RemovalOutcome {
  /** Edges that really ended (unfollowed me / I no longer follow). */
  ended: number;
  /** People found deactivated, deleted, suspended, taken down or moved. */
  gone: number;
  /** Candidates kept: the network still reports the edge, or would not say. */
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
  // The follow reference stays: if the account comes back, my follow record is still there.
  pauseFollower: db.prepare('UPDATE relationships SET follows_me = 0, follower_gone = 1 WHERE account_id = ? AND person_id = ?'),
  pauseFollowing: db.prepare('UPDATE relationships SET i_follow = 0, following_gone = 1 WHERE account_id = ? AND person_id = ?'),
  goneAt: db.prepare('SELECT gone_at AS goneAt FROM people WHERE id = ?'),
  markGone: db.prepare('UPDATE people SET gone_at = coalesce(gone_at, @at), gone_reason = @reason, moved_to = @movedTo WHERE id = @personId'),
  insertEvent: db.prepare('INSERT INTO events (account_id, person_id, kind, at, data) VALUES (?, ?, ?, ?, ?)'),
}));

export interface RemovalCheckInput {
  db: Database.Database;
  provider: Provider;
  accountId: number;
  walk: WalkName;
  generation: number;
  at: string;
  signal: AbortSignal;
  /** Called once per provider call, for the run's request count. */
  onRequest(): void;
}

function goneReasonOf(status: RemoteAccountStatus | undefined): GoneReason | null {
  if (!status || status.state === 'active' || status.state === 'unknown') return null;
  return status.state;
}

export async function checkRemovals(input: RemovalCheckInput): Promise<RemovalOutcome> {
  const { db, provider, accountId, walk, generation, at, signal } = input;
  const s = removalStatements(db);
  const outcome: RemovalOutcome = { ended: 0, gone: 0, confirmed: 0 };
  const batch = Math.max(1, provider.capabilities.profileBatch);
  const followers = walk === 'followers';
  const stale = followers ? s.staleFollowers : s.staleFollowing;

  const apply = db.transaction(
    (candidates: Candidate[], statuses: Map<string, RemoteAccountStatus>, answers: Map<string, RemoteRelationship>) => {
      for (const { personId, remoteId } of candidates) {
        const status = statuses.get(remoteId);
        const reason = goneReasonOf(status);
        const answer = answers.get(remoteId);
        if (reason) {
          const wasGone = (s.goneAt.get(personId) as { goneAt: string | null } | undefined)?.goneAt != null;
          s.markGone.run({ at, reason, movedTo: reason === 'moved' ? (status?.movedTo ?? null) : null, personId });
          if (!wasGone) {
            s.insertEvent.run(accountId, personId, 'gone', at, JSON.stringify({ reason, ...(status?.movedTo ? { movedTo: status.movedTo } : {}) }));
            outcome.gone++;
          }
          (followers ? s.pauseFollower : s.pauseFollowing).run(accountId, personId);
        } else if (status?.state === 'active' && answer && !answer.gone && !(followers ? answer.followsMe : answer.iFollow)) {
          (followers ? s.endFollower : s.endFollowing).run(accountId, personId);
          s.insertEvent.run(accountId, personId, followers ? 'unfollowed_me' : 'i_unfollowed', at, null);
          outcome.ended++;
        } else {
          // Still there, or the network would not say: keep it. Every candidate leaves the stale
          // set one way or the other, so this loop always ends.
          (followers ? s.confirmFollower : s.confirmFollowing).run(generation, accountId, personId);
          outcome.confirmed++;
        }
      }
    },
  );

  for (;;) {
    signal.throwIfAborted();
    const candidates = stale.all(accountId, generation, batch) as Candidate[];
    if (candidates.length === 0) break;
    const statuses = await provider.accountStatus(
      candidates.map((c) => c.remoteId),
      signal,
    );
    input.onRequest();
    const byId = new Map(statuses.map((status) => [status.remoteId, status]));
    // Only accounts that still exist can have unfollowed; the rest need no relationship lookup.
    const active = candidates.filter((c) => byId.get(c.remoteId)?.state === 'active').map((c) => c.remoteId);
    const answers = active.length > 0 ? await provider.getRelationships(active, signal) : [];
    if (active.length > 0) input.onRequest();
    apply(candidates, byId, new Map(answers.map((a) => [a.remoteId, a])));
  }
  return outcome;
}
