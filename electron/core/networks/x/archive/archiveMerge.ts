// Applies a staged archive (archiveStaging) to the account in ONE transaction: people, follower
// and following edges, cards, timeline events and the import's state. Set-based SQL over the
// staging tables, so a million followers cost a handful of statements, not a million round trips.
//
// Rules:
// - A newer snapshot than anything the account knows (the last import, the last API read) is
//   diffed against what is stored: new followers, unfollows, my follows and unfollows become
//   timeline events dated by the window between the two snapshots ("between Nov 20 and Dec 1").
//   The account's first import records no such events (it would say "followed you" a million
//   times about people who followed years ago), like the sync engine's first walk.
// - An older or the same snapshot never undoes newer facts: it only names people still unnamed
//   and adds message history and interactions not yet recorded. The same archive twice changes
//   nothing.
// - New followers rank above every stored one, in the archive's order (newest first).
// - An id X's API last answered as suspended or not found that a newer snapshot lists among the
//   followers or following again is asked of X again at the next API sync (api/xLookupMisses.ts).
import type Database from 'better-sqlite3';
import { sortNameSql } from '../../../db/sortName';
import { deferSearchIndex, isSearchIndexDeferred, rebuildSearchIndex } from '../../../db/searchIndex';
import { perDatabase } from '../../../repos/perDatabase';
import { forgetMissesListedIn } from '../api/xLookupMisses';
import { mergeArchiveInteractions } from './archiveInteractionMerge';
import { writeImportState, type ArchiveImportState } from './archiveImportState';

/** Below this many new people the search index triggers are cheaper than one rebuild. */
const DEFER_INDEX_ABOVE = 20_000;

const X = "'x'";
const UNNAMED_URL = "'https://x.com/i/user/' || s.remote_id";

export interface ArchiveMergeInput {
  accountId: number;
  generatedAt: string;
  /** The newest snapshot the account already reflects (last import or API read), null if none. */
  knownUpTo: string | null;
  /** The previous import's date, for "between <previous> and <this one>" (null: unknown start). */
  previousImportAt: string | null;
  now: string;
  counts: { followers: number; following: number };
  /** Interactions older than this (ISO-8601, the retention) are not stored. */
  interactionsCutoff: string;
}

export interface ArchiveMergeResult {
  /** False when the archive was not newer than what the account knows: it only filled gaps. */
  appliedAsNewest: boolean;
  firstImport: boolean;
  newFollowers: number;
  unfollowedMe: number;
  iFollowed: number;
  iUnfollowed: number;
  named: number;
  messagePartners: number;
}

const mergeStatements = perDatabase((db: Database.Database) => ({
  insertPeople: db.prepare(
    `INSERT INTO people (network, remote_id, handle, display_name, profile_url, fetched_at)
     SELECT ${X}, s.remote_id, coalesce(n.handle, s.remote_id), coalesce(n.display_name, ''),
            CASE WHEN n.handle IS NULL THEN ${UNNAMED_URL} ELSE 'https://x.com/' || n.handle END, @generatedAt
     FROM (SELECT remote_id FROM temp.x_stage_followers UNION SELECT remote_id FROM temp.x_stage_following
           UNION SELECT remote_id FROM temp.x_stage_messages) s
     LEFT JOIN temp.x_stage_names n ON n.remote_id = s.remote_id
     WHERE @edges = 1 OR s.remote_id IN (SELECT remote_id FROM temp.x_stage_messages)
     ON CONFLICT (network, remote_id) DO NOTHING`,
  ),
  // People still known only by id take the archive's names; named people take them only from a
  // snapshot newer than their profile.
  nameKnownPeople: db.prepare(
    `UPDATE people SET handle = n.handle,
       display_name = CASE WHEN n.display_name <> '' THEN n.display_name ELSE people.display_name END,
       profile_url = 'https://x.com/' || n.handle
     FROM temp.x_stage_names n
     WHERE people.network = ${X} AND people.remote_id = n.remote_id
       AND (people.handle = people.remote_id OR (@newest = 1 AND people.fetched_at < @generatedAt))
       AND (people.handle IS NOT n.handle OR (n.display_name <> '' AND people.display_name IS NOT n.display_name))`,
  ),
  topRank: db.prepare('SELECT coalesce(max(follow_rank), 0) AS top FROM relationships WHERE account_id = ?'),
  hasEdges: db.prepare('SELECT 1 FROM relationships WHERE account_id = ? AND (follows_me = 1 OR i_follow = 1) LIMIT 1'),

  followingEvents: db.prepare(
    `INSERT INTO events (account_id, person_id, kind, at, data)
     SELECT @accountId, p.id, 'i_followed', @generatedAt, @window
     FROM temp.x_stage_following s JOIN people p ON p.network = ${X} AND p.remote_id = s.remote_id
     LEFT JOIN relationships r ON r.account_id = @accountId AND r.person_id = p.id
     WHERE coalesce(r.i_follow, 0) = 0`,
  ),
  upsertFollowing: db.prepare(
    `INSERT INTO relationships (account_id, person_id, i_follow, following_generation)
     SELECT @accountId, p.id, 1, 0
     FROM temp.x_stage_following s JOIN people p ON p.network = ${X} AND p.remote_id = s.remote_id
     WHERE true
     ON CONFLICT (account_id, person_id) DO UPDATE SET i_follow = 1, follow_requested = 0, following_gone = 0
     WHERE relationships.i_follow = 0 OR relationships.following_gone = 1 OR relationships.follow_requested = 1`,
  ),
  unfollowedEvents: db.prepare(
    `INSERT INTO events (account_id, person_id, kind, at, data)
     SELECT @accountId, r.person_id, 'i_unfollowed', @generatedAt, @window
     FROM relationships r JOIN people p ON p.id = r.person_id
     WHERE r.account_id = @accountId AND r.i_follow = 1
       AND NOT EXISTS (SELECT 1 FROM temp.x_stage_following s WHERE s.remote_id = p.remote_id)`,
  ),
  dropFollowing: db.prepare(
    `UPDATE relationships SET i_follow = 0
     WHERE account_id = @accountId AND i_follow = 1
       AND NOT EXISTS (SELECT 1 FROM people p JOIN temp.x_stage_following s ON s.remote_id = p.remote_id
                       WHERE p.id = relationships.person_id)`,
  ),

  followerEvents: db.prepare(
    `INSERT INTO events (account_id, person_id, kind, at, data)
     SELECT @accountId, p.id, 'followed_me', @generatedAt, @window
     FROM temp.x_stage_followers s JOIN people p ON p.network = ${X} AND p.remote_id = s.remote_id
     LEFT JOIN relationships r ON r.account_id = @accountId AND r.person_id = p.id
     WHERE coalesce(r.follows_me, 0) = 0`,
  ),
  upsertFollowers: db.prepare(
    `INSERT INTO relationships (account_id, person_id, follows_me, follow_rank, seen_generation)
     SELECT @accountId, p.id, 1, @rankBase - s.pos, 0
     FROM temp.x_stage_followers s JOIN people p ON p.network = ${X} AND p.remote_id = s.remote_id
     WHERE true
     ON CONFLICT (account_id, person_id) DO UPDATE SET follows_me = 1, follower_gone = 0,
       follow_rank = CASE WHEN relationships.follower_gone = 1 AND relationships.follow_rank > 0
                          THEN relationships.follow_rank ELSE excluded.follow_rank END
     WHERE relationships.follows_me = 0 OR relationships.follower_gone = 1`,
  ),
  unfollowerEvents: db.prepare(
    `INSERT INTO events (account_id, person_id, kind, at, data)
     SELECT @accountId, r.person_id, 'unfollowed_me', @generatedAt, @window
     FROM relationships r JOIN people p ON p.id = r.person_id
     WHERE r.account_id = @accountId AND r.follows_me = 1
       AND NOT EXISTS (SELECT 1 FROM temp.x_stage_followers s WHERE s.remote_id = p.remote_id)`,
  ),
  dropFollowers: db.prepare(
    `UPDATE relationships SET follows_me = 0
     WHERE account_id = @accountId AND follows_me = 1
       AND NOT EXISTS (SELECT 1 FROM people p JOIN temp.x_stage_followers s ON s.remote_id = p.remote_id
                       WHERE p.id = relationships.person_id)`,
  ),
  // A new card starts Connected when I already follow them back, New otherwise (as in a sync).
  insertCards: db.prepare(
    `INSERT INTO triage (account_id, person_id, stage, changed_at, sort_rank, sort_followers, sort_name)
     SELECT @accountId, p.id, CASE WHEN r.i_follow = 1 THEN 'connected' ELSE 'new' END, @now, r.follow_rank,
            p.followers_count, ${sortNameSql('p.display_name', 'p.handle')}
     FROM temp.x_stage_followers s JOIN people p ON p.network = ${X} AND p.remote_id = s.remote_id
     JOIN relationships r ON r.account_id = @accountId AND r.person_id = p.id
     WHERE true
     ON CONFLICT (account_id, person_id) DO NOTHING`,
  ),
  // A card the user never moved follows the initial-stage rule when I start following them.
  promoteMutuals: db.prepare(
    `UPDATE triage SET stage = 'connected', changed_at = @now
     WHERE account_id = @accountId AND stage = 'new'
       AND person_id IN (SELECT e.person_id FROM events e WHERE e.account_id = @accountId AND e.kind = 'i_followed' AND e.at = @generatedAt)
       AND NOT EXISTS (SELECT 1 FROM events e WHERE e.account_id = @accountId AND e.person_id = triage.person_id AND e.kind = 'stage_changed')`,
  ),

  // Message partners: tied to the account (so removing it forgets them) and one "exchanged
  // messages" entry per newer stretch of history; an entry at or after the last message covers it.
  messageEdges: db.prepare(
    `INSERT INTO relationships (account_id, person_id)
     SELECT @accountId, p.id FROM temp.x_stage_messages s JOIN people p ON p.network = ${X} AND p.remote_id = s.remote_id
     WHERE true
     ON CONFLICT (account_id, person_id) DO NOTHING`,
  ),
  messageEvents: db.prepare(
    `INSERT INTO events (account_id, person_id, kind, at, data)
     SELECT @accountId, p.id, 'dm_sent', s.last_at, json_object('exchanged', s.messages, 'since', s.first_at)
     FROM temp.x_stage_messages s JOIN people p ON p.network = ${X} AND p.remote_id = s.remote_id
     WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.account_id = @accountId AND e.person_id = p.id
                       AND e.kind = 'dm_sent' AND e.at >= s.last_at)`,
  ),
}));

export function mergeArchive(db: Database.Database, input: ArchiveMergeInput): ArchiveMergeResult {
  const s = mergeStatements(db);
  const { accountId, generatedAt, now } = input;
  const newest = input.knownUpTo === null || generatedAt > input.knownUpTo;
  const result: ArchiveMergeResult = {
    appliedAsNewest: newest,
    firstImport: false,
    newFollowers: 0,
    unfollowedMe: 0,
    iFollowed: 0,
    iUnfollowed: 0,
    named: 0,
    messagePartners: 0,
  };
  db.transaction(() => {
    const firstImport = newest && s.hasEdges.get(accountId) === undefined;
    result.firstImport = firstImport;
    const bulk = firstImport && input.counts.followers + input.counts.following > DEFER_INDEX_ABOVE && !isSearchIndexDeferred(db);
    if (bulk) deferSearchIndex(db);
    s.insertPeople.run({ generatedAt, edges: newest ? 1 : 0 });
    result.named = s.nameKnownPeople.run({ generatedAt, newest: newest ? 1 : 0 }).changes;
    if (newest) {
      const window = JSON.stringify({ after: input.previousImportAt, before: generatedAt });
      const params = { accountId, generatedAt, window };
      if (!firstImport) result.iFollowed = s.followingEvents.run(params).changes;
      s.upsertFollowing.run({ accountId });
      if (!firstImport) result.iUnfollowed = s.unfollowedEvents.run(params).changes;
      s.dropFollowing.run({ accountId });
      if (!firstImport) result.newFollowers = s.followerEvents.run(params).changes;
      const { top } = s.topRank.get(accountId) as { top: number };
      const rankBase = top + input.counts.followers + 1;
      const added = s.upsertFollowers.run({ accountId, rankBase }).changes;
      if (firstImport) result.newFollowers = added;
      if (!firstImport) result.unfollowedMe = s.unfollowerEvents.run(params).changes;
      s.dropFollowers.run({ accountId });
      s.insertCards.run({ accountId, now });
      if (!firstImport) s.promoteMutuals.run({ accountId, generatedAt, now });
      forgetMissesListedIn(db, accountId, 'SELECT remote_id FROM temp.x_stage_followers UNION SELECT remote_id FROM temp.x_stage_following');
    }
    s.messageEdges.run({ accountId });
    result.messagePartners = s.messageEvents.run({ accountId }).changes;
    // After the cards exist, so their "Most engaged first" keys are set in the same transaction.
    mergeArchiveInteractions(db, accountId, 'x', input.interactionsCutoff);
    if (newest) {
      const state: ArchiveImportState = { generatedAt, importedAt: now, ...input.counts };
      writeImportState(db, accountId, state);
    }
    if (bulk) rebuildSearchIndex(db);
  })();
  return result;
}
