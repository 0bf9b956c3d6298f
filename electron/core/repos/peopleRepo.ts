// Profiles from the local cache only: what was synced last, with the most recent cached posts.
import type Database from 'better-sqlite3';
import type { Network, PersonCard, PersonProfile, Post } from '../../../shared/domain';
import { PERSON_CARD_COLUMNS, PERSON_CARD_JOINS, toPersonCard, type PersonCardRow } from './personCardRow';
import { outboxRepo } from './outboxRepo';
import { perDatabase } from './perDatabase';

export const RECENT_POSTS_LIMIT = 20;

type ProfileRow = PersonCardRow & {
  network: Network;
  remote_id: string;
  bio: string;
  posts_count: number;
  joined_at: string | null;
  profile_url: string | null;
  fetched_at: string;
};

interface PostRow {
  id: number;
  remote_id: string;
  text: string;
  created_at: string;
  is_reply: number;
  is_repost: number;
}

export const peopleRepo = perDatabase((db: Database.Database) => {
  const cardStatement = db.prepare(
    `SELECT ${PERSON_CARD_COLUMNS} FROM triage t ${PERSON_CARD_JOINS}
     WHERE t.account_id = ? AND t.person_id = ?`,
  );
  const profileStatement = db.prepare(
    `SELECT ${PERSON_CARD_COLUMNS}, p.network, p.remote_id, p.bio, p.posts_count, p.joined_at,
            p.profile_url, p.fetched_at
     FROM triage t ${PERSON_CARD_JOINS}
     WHERE t.account_id = ? AND t.person_id = ?`,
  );
  const postsStatement = db.prepare(
    `SELECT id, remote_id, text, created_at, is_reply, is_repost FROM posts
     WHERE person_id = ? ORDER BY created_at DESC, id DESC LIMIT ?`,
  );

  return {
    /** The card of a person on this account's board, or null if they have none. */
    card(accountId: number, personId: number): PersonCard | null {
      const row = cardStatement.get(accountId, personId) as PersonCardRow | undefined;
      if (!row) return null;
      const action = outboxRepo(db).latestFor(accountId, [personId]).get(personId);
      return { ...toPersonCard(row), ...(action ? { action } : {}) };
    },

    profile(accountId: number, personId: number, postsLimit = RECENT_POSTS_LIMIT): PersonProfile | null {
      const row = profileStatement.get(accountId, personId) as ProfileRow | undefined;
      if (!row) return null;
      const posts = (postsStatement.all(personId, postsLimit) as PostRow[]).map(
        (p): Post => ({
          id: p.id,
          remoteId: p.remote_id,
          text: p.text,
          createdAt: p.created_at,
          isReply: p.is_reply === 1,
          isRepost: p.is_repost === 1,
        }),
      );
      const action = outboxRepo(db).latestFor(accountId, [personId]).get(personId);
      return {
        ...toPersonCard(row),
        ...(action ? { action } : {}),
        network: row.network,
        remoteId: row.remote_id,
        bio: row.bio,
        postsCount: row.posts_count,
        joinedAt: row.joined_at,
        profileUrl: row.profile_url,
        fetchedAt: row.fetched_at,
        recentPosts: posts,
      };
    },
  };
});

export type PeopleRepo = ReturnType<typeof peopleRepo>;
