// The sync write path: a page (or a batch of consecutive pages) of a followers or following walk
// goes into SQLite in ONE transaction — people, relationships, triage rows, events and the walk's
// checkpoint — so a kill at any instant leaves either the whole batch with its cursor or neither.
//
// Rules this file keeps:
// - People are matched by (network, remote_id), never by handle: handles change, ids do not.
// - A triage row is only ever inserted when missing; a re-sync never touches a user's stage.
// - follow_rank orders followers newest first across walks (see rankFor).
// - No followed_me / i_followed events during an account's first import: a first sync of 1M
//   followers would write 1M events that say nothing ("these people followed you before you
//   installed Rapport"). Events start with the second walk, when "new" means new.
// - An edge the removal check paused because the account went away (follower_gone /
//   following_gone) resumes as it was when the account is listed again: same rank and dates, a
//   "came back" event, and no "followed you" (they never unfollowed).
import type Database from 'better-sqlite3';
import type { Network } from '../../../shared/domain';
import { sortNameSql } from '../db/sortName';
import type { RemoteEdge, RemotePost, RemoteProfile } from '../networks/provider';
import { perDatabase } from './perDatabase';
import { personExtrasRepo } from './personExtrasRepo';
import { syncStateRepo, type WalkCheckpoint, type WalkName } from './syncStateRepo';

/**
 * Ranks are RANK_SPAN * generation - position: every follower first seen by walk g ranks above all
 * seen by earlier walks (they sit at the head of a newest-first list), and within a walk the list
 * order holds. Positions stay below RANK_SPAN for any account with fewer than 100M followers.
 * A pure function of (generation, position), so a resumed walk ranks exactly like an unbroken one.
 */
export const RANK_SPAN = 100_000_000;

export function rankFor(generation: number, position: number): number {
  return RANK_SPAN * generation - position;
}

export interface IngestPageInput {
  accountId: number;
  network: Network;
  walk: WalkName;
  /** The walk's checkpoint before this page (generation, itemsDone = position of the first edge). */
  checkpoint: WalkCheckpoint;
  /** The edges of one page, or of several consecutive pages written as one batch. */
  edges: RemoteEdge[];
  /** How many provider pages `edges` came from (default 1). */
  pages?: number;
  /** The provider's cursor after the last of these pages; null when the list ended. */
  nextCursor: string | null;
  /** The account's first import: no followed_me / i_followed events (see the file comment). */
  initialImport: boolean;
  at: string;
  /** The run's counters after this page, written with the data. */
  run: { id: number; requests: number; items: number };
  /**
   * A head-scan batch (new followers found at the head of the list between full walks): ranks
   * count down from rankBase (above every stored follower), and the walk checkpoint is left as it
   * is, since only a full walk moves generations.
   */
  headScan?: { rankBase: number };
}

export interface IngestPageResult {
  /** people.id of every edge of the page, in page order. */
  personIds: number[];
  /** The checkpoint now in the database. */
  checkpoint: WalkCheckpoint;
  /** Followers (or followings) this page added that the account did not have before. */
  added: number;
}

interface ExistingEdge {
  follows_me: number;
  i_follow: number;
  follow_rank: number;
  follower_gone: number;
  following_gone: number;
}

/** Extras (when the network sent them) also carry the latest post's date, which stays on people. */
function extrasColumns(profile: RemoteProfile): Record<string, string | number | null> {
  const extras = profile.extras;
  return extras ? { hasExtras: 1, lastPostAt: extras.lastPostAt } : { hasExtras: 0, lastPostAt: null };
}

export const ingestRepo = perDatabase((db: Database.Database) => {
  const states = syncStateRepo(db);

  // Every sighting refreshes fetched_at; the FTS and sort-key triggers only fire when the
  // columns they follow really changed (their WHEN clauses), so unchanged people stay cheap.
  const upsertPerson = db.prepare(
    `INSERT INTO people (network, remote_id, handle, display_name, bio, bio_html, avatar_url, followers_count,
       following_count, posts_count, joined_at, profile_url, gone_at, gone_reason, moved_to, fetched_at, last_post_at)
     VALUES (@network, @remoteId, @handle, @displayName, @bio, @bioHtml, @avatarUrl, @followersCount,
       @followingCount, @postsCount, @joinedAt, @profileUrl, @goneAt, @goneReason, @movedTo, @fetchedAt, @lastPostAt)
     ON CONFLICT (network, remote_id) DO UPDATE SET
       last_post_at = CASE WHEN @hasExtras THEN coalesce(excluded.last_post_at, people.last_post_at) ELSE people.last_post_at END,
       handle = excluded.handle, display_name = excluded.display_name, bio = excluded.bio,
       bio_html = excluded.bio_html,
       avatar_file = CASE WHEN people.avatar_url IS excluded.avatar_url THEN people.avatar_file ELSE NULL END,
       avatar_url = excluded.avatar_url, followers_count = excluded.followers_count,
       following_count = excluded.following_count, posts_count = excluded.posts_count,
       joined_at = excluded.joined_at, profile_url = excluded.profile_url,
       gone_at = CASE WHEN excluded.gone_at IS NULL THEN NULL ELSE coalesce(people.gone_at, excluded.gone_at) END,
       gone_reason = excluded.gone_reason, moved_to = excluded.moved_to,
       fetched_at = excluded.fetched_at
     RETURNING id`,
  );
  const selectEdge = db.prepare(
    'SELECT follows_me, i_follow, follow_rank, follower_gone, following_gone FROM relationships WHERE account_id = ? AND person_id = ?',
  );

  const upsertFollower = db.prepare(
    `INSERT INTO relationships (account_id, person_id, follows_me, followed_me_at, follow_rank, seen_generation)
     VALUES (@accountId, @personId, 1, @followedAt, @rank, @generation)
     ON CONFLICT (account_id, person_id) DO UPDATE SET
       followed_me_at = CASE WHEN relationships.follows_me = 1 OR relationships.follower_gone = 1
         THEN coalesce(relationships.followed_me_at, excluded.followed_me_at) ELSE excluded.followed_me_at END,
       follow_rank = CASE WHEN (relationships.follows_me = 1 OR relationships.follower_gone = 1) AND relationships.follow_rank > 0
         THEN relationships.follow_rank ELSE excluded.follow_rank END,
       follows_me = 1, follower_gone = 0,
       seen_generation = excluded.seen_generation`,
  );
  const upsertFollowing = db.prepare(
    `INSERT INTO relationships (account_id, person_id, i_follow, i_followed_at, follow_ref, following_generation)
     VALUES (@accountId, @personId, 1, @followedAt, @followRef, @generation)
     ON CONFLICT (account_id, person_id) DO UPDATE SET
       i_followed_at = CASE WHEN relationships.i_follow = 1 OR relationships.following_gone = 1
         THEN coalesce(relationships.i_followed_at, excluded.i_followed_at) ELSE excluded.i_followed_at END,
       follow_ref = coalesce(excluded.follow_ref, relationships.follow_ref),
       i_follow = 1, follow_requested = 0, following_gone = 0,
       following_generation = excluded.following_generation`,
  );
  // Initial stage: a follower the user already follows back is Connected, anyone else New.
  // sort_name goes through the same SQL function as the triggers (sortNameSql), fed with the
  // values just written, so no join back to people is needed.
  const insertTriage = db.prepare(
    `INSERT INTO triage (account_id, person_id, stage, changed_at, sort_rank, sort_followers, sort_name)
     VALUES (@accountId, @personId, @stage, @at, @rank, @followers,
       ${sortNameSql('@displayName', '@handle')})
     ON CONFLICT (account_id, person_id) DO NOTHING`,
  );
  // The following walk runs after the followers walk, so on a first import mutuals are still
  // New here. A card the user never moved (no stage_changed event) follows the same initial-stage
  // rule; a card the user placed anywhere stays where they put it.
  const promoteMutual = db.prepare(
    `UPDATE triage SET stage = 'connected', changed_at = @at
     WHERE account_id = @accountId AND person_id = @personId AND stage = 'new'
       AND NOT EXISTS (SELECT 1 FROM events e WHERE e.account_id = @accountId AND e.person_id = @personId
                       AND e.kind = 'stage_changed')`,
  );
  const insertEvent = db.prepare(
    'INSERT INTO events (account_id, person_id, kind, at, data) VALUES (@accountId, @personId, @kind, @at, @data)',
  );
  // Once per return, however many edges resume: only when the person's latest gone/came_back event is a gone.
  const insertCameBack = db.prepare(
    `INSERT INTO events (account_id, person_id, kind, at, data)
     SELECT @accountId, @personId, 'came_back', @at, NULL
     WHERE (SELECT kind FROM events WHERE account_id = @accountId AND person_id = @personId AND kind IN ('gone', 'came_back')
            ORDER BY id DESC LIMIT 1) = 'gone'`,
  );
  const deletePosts = db.prepare('DELETE FROM posts WHERE person_id = ?');
  const insertPost = db.prepare(
    `INSERT INTO posts (person_id, remote_id, text, html, created_at, is_reply, is_repost)
     VALUES (@personId, @remoteId, @text, @html, @createdAt, @isReply, @isRepost)`,
  );
  // The latest post only moves forward: a refetch that returns fewer posts never makes someone look
  // less active, and "snoozed until they next post" wakes when it moves.
  const advanceLastPostAt = db.prepare(
    `UPDATE people SET last_post_at = (SELECT max(created_at) FROM posts WHERE person_id = @personId)
     WHERE id = @personId AND (SELECT max(created_at) FROM posts WHERE person_id = @personId) > coalesce(last_post_at, '')`,
  );
  const setPostsCheckedAt = db.prepare('UPDATE people SET posts_checked_at = ? WHERE id = ?');
  const setAvatarFileStatement = db.prepare('UPDATE people SET avatar_file = ? WHERE id = ? AND avatar_url = ?');

  function savePerson(network: Network, profile: RemoteProfile, at: string): number {
    const { id } = upsertPerson.get({
      network,
      remoteId: profile.remoteId,
      handle: profile.handle,
      displayName: profile.displayName,
      bio: profile.bio,
      bioHtml: profile.bioHtml,
      avatarUrl: profile.avatarUrl,
      followersCount: profile.followersCount ?? 0,
      followingCount: profile.followingCount ?? 0,
      postsCount: profile.postsCount ?? 0,
      joinedAt: profile.joinedAt,
      profileUrl: profile.profileUrl,
      goneAt: profile.gone ? at : null,
      goneReason: profile.gone ? (profile.goneReason ?? null) : null,
      movedTo: profile.gone && profile.goneReason === 'moved' ? (profile.movedTo ?? null) : null,
      fetchedAt: at,
      ...extrasColumns(profile),
    }) as { id: number };
    // Network-specific parts live in person_extras (0007); absent extras leave what is stored.
    if (profile.extras) personExtrasRepo(db).save(id, profile.extras, at);
    return id;
  }

  const ingestPageTransaction = db.transaction((input: IngestPageInput): IngestPageResult => {
    const { accountId, network, walk, checkpoint, edges, at, initialImport } = input;
    const personIds: number[] = [];
    let added = 0;
    edges.forEach((edge, i) => {
      const personId = savePerson(network, edge.profile, at);
      personIds.push(personId);
      // On a first import nothing exists yet, so the lookup would only cost time.
      const before = initialImport ? undefined : (selectEdge.get(accountId, personId) as ExistingEdge | undefined);
      if (walk === 'followers') {
        const rank = input.headScan ? input.headScan.rankBase - i : rankFor(checkpoint.generation, checkpoint.itemsDone + i);
        upsertFollower.run({ accountId, personId, followedAt: edge.followedAt, rank, generation: checkpoint.generation });
        // Mirrors upsertFollower: a follower already known keeps the rank it had.
        const kept = before !== undefined && (before.follows_me === 1 || before.follower_gone === 1) && before.follow_rank > 0;
        const storedRank = kept ? before.follow_rank : rank;
        insertTriage.run({
          accountId,
          personId,
          stage: before?.i_follow === 1 ? 'connected' : 'new',
          at,
          rank: storedRank,
          followers: edge.profile.followersCount ?? 0,
          displayName: edge.profile.displayName,
          handle: edge.profile.handle,
        });
        if (!before || before.follows_me === 0) {
          added++;
          if (before?.follower_gone === 1) insertCameBack.run({ accountId, personId, at });
          else if (!initialImport) {
            insertEvent.run({ accountId, personId, kind: 'followed_me', at, data: JSON.stringify({ followedAt: edge.followedAt }) });
          }
        }
      } else {
        upsertFollowing.run({
          accountId,
          personId,
          followedAt: edge.followedAt,
          followRef: edge.followRef ?? null,
          generation: checkpoint.generation,
        });
        promoteMutual.run({ accountId, personId, at });
        if (!before || before.i_follow === 0) {
          added++;
          if (before?.following_gone === 1) insertCameBack.run({ accountId, personId, at });
          else if (!initialImport) insertEvent.run({ accountId, personId, kind: 'i_followed', at, data: null });
        }
      }
    });
    if (input.headScan) {
      states.recordProgress(input.run.id, walk, input.run.requests, input.run.items);
      return { personIds, checkpoint, added };
    }
    const next: WalkCheckpoint = {
      ...checkpoint,
      cursor: input.nextCursor,
      pagesDone: checkpoint.pagesDone + (input.pages ?? 1),
      itemsDone: checkpoint.itemsDone + edges.length,
      done: input.nextCursor === null,
    };
    states.saveCheckpoint(next, at);
    states.recordProgress(input.run.id, walk, input.run.requests, input.run.items);
    return { personIds, checkpoint: next, added };
  });

  const saveProfilesTransaction = db.transaction((network: Network, profiles: RemoteProfile[], at: string): number[] =>
    profiles.map((profile) => savePerson(network, profile, at)),
  );

  const replacePostsTransaction = db.transaction((personId: number, posts: RemotePost[], checkedAt: string): void => {
    deletePosts.run(personId);
    setPostsCheckedAt.run(checkedAt, personId);
    for (const post of posts) {
      insertPost.run({
        personId,
        remoteId: post.remoteId,
        text: post.text,
        html: post.html,
        createdAt: post.createdAt,
        isReply: post.isReply ? 1 : 0,
        isRepost: post.isRepost ? 1 : 0,
      });
    }
    advanceLastPostAt.run({ personId });
  });

  return {
    /** Writes one page of a walk and its checkpoint atomically. */
    ingestPage(input: IngestPageInput): IngestPageResult {
      return ingestPageTransaction(input);
    },

    /** Upserts full profiles (hydration for providers whose lists carry only ids). */
    saveProfiles(network: Network, profiles: RemoteProfile[], at: string): number[] {
      return saveProfilesTransaction(network, profiles, at);
    },

    /** Replaces the cached recent posts of a person. */
    /** Stores what the network answered for the person's recent posts (none is an answer too) and when. */
    replacePosts(personId: number, posts: RemotePost[], checkedAt: string): void {
      replacePostsTransaction(personId, posts, checkedAt);
    },

    /** Records a cached avatar file, unless the person's avatar URL changed in the meantime. */
    setAvatarFile(personId: number, avatarUrl: string, relativePath: string): boolean {
      return setAvatarFileStatement.run(relativePath, personId, avatarUrl).changes > 0;
    },
  };
});

export type IngestRepo = ReturnType<typeof ingestRepo>;
