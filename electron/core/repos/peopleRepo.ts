// Profiles from the local cache only: what was synced last, with the most recent cached posts, my
// note and tags, and what the network said about shared connections.
import type Database from 'better-sqlite3';
import type { Network, PersonCard, PersonProfile, Post, Stage } from '../../../shared/domain';
import { withCardExtras } from './cardExtras';
import { notesRepo } from './notesRepo';
import { outboxRepo } from './outboxRepo';
import { PERSON_CARD_COLUMNS, PERSON_CARD_JOINS, toPersonCard, type PersonCardRow } from './personCardRow';
import { perDatabase } from './perDatabase';
import { cachedMediaUrl, customEmojis, profileFields, sharedConnections } from './profileJson';

export const RECENT_POSTS_LIMIT = 20;

type ProfileRow = Omit<PersonCardRow, 'stage' | 'changed_at'> & {
  stage: Stage | null;
  changed_at: string | null;
  known_since: string;
  network: Network;
  remote_id: string;
  bio: string;
  bio_html: string | null;
  posts_count: number;
  joined_at: string | null;
  profile_url: string | null;
  fetched_at: string;
  banner_file: string | null;
  fields_json: string | null;
  emojis_json: string | null;
  shared_connections_json: string | null;
  shared_connections_count: number | null;
};

interface PostRow {
  id: number;
  remote_id: string;
  text: string;
  html: string | null;
  created_at: string;
  is_reply: number;
  is_repost: number;
}

/**
 * Someone I follow who never followed me has no card (no triage row). Their profile still opens
 * from the people lists: shown as Connected while I follow them, else Declined — the same rule as
 * the people query's cards.
 */
export function stageWithoutCard(iFollow: boolean): Stage {
  return iFollow ? 'connected' : 'declined';
}

export const peopleRepo = perDatabase((db: Database.Database) => {
  const cardStatement = db.prepare(
    `SELECT ${PERSON_CARD_COLUMNS} FROM triage t ${PERSON_CARD_JOINS}
     WHERE t.account_id = ? AND t.person_id = ?`,
  );
  const profileStatement = db.prepare(
    `SELECT ${PERSON_CARD_COLUMNS}, coalesce(r.i_followed_at, p.fetched_at) AS known_since,
            p.network, p.remote_id, p.bio, p.bio_html, p.posts_count, p.joined_at, p.profile_url, p.fetched_at,
            x.data ->> '$.banner.file' AS banner_file, x.data -> '$.fields' AS fields_json,
            x.data -> '$.emojis' AS emojis_json, r.shared_connections_json, r.shared_connections_count
     FROM people p
     LEFT JOIN person_extras x ON x.person_id = p.id
     LEFT JOIN triage t ON t.account_id = @accountId AND t.person_id = p.id
     LEFT JOIN relationships r ON r.account_id = @accountId AND r.person_id = p.id
     WHERE p.id = @personId AND (t.person_id IS NOT NULL OR r.person_id IS NOT NULL)`,
  );
  const postsStatement = db.prepare(
    `SELECT id, remote_id, text, html, created_at, is_reply, is_repost FROM posts
     WHERE person_id = ? ORDER BY created_at DESC, id DESC LIMIT ?`,
  );

  const withAction = <T extends PersonCard>(accountId: number, card: T): T => {
    const action = outboxRepo(db).latestFor(accountId, [card.personId]).get(card.personId);
    return action ? { ...card, action } : card;
  };

  return {
    /** The card of a person on this account's board, or null if they have none. */
    card(accountId: number, personId: number, nowMs = Date.now()): PersonCard | null {
      const row = cardStatement.get(accountId, personId) as PersonCardRow | undefined;
      if (!row) return null;
      const [card] = withCardExtras(db, accountId, [withAction(accountId, toPersonCard(row))], nowMs);
      return card ?? null;
    },

    /** The profile of anyone the account knows (a follower or someone I follow), else null. */
    profile(accountId: number, personId: number, postsLimit = RECENT_POSTS_LIMIT, nowMs = Date.now()): PersonProfile | null {
      const row = profileStatement.get({ accountId, personId }) as ProfileRow | undefined;
      if (!row) return null;
      const { known_since: knownSince, ...cardColumns } = row;
      const card = toPersonCard({
        ...cardColumns,
        stage: row.stage ?? stageWithoutCard(row.i_follow === 1),
        changed_at: row.changed_at ?? knownSince,
      });
      const posts = (postsStatement.all(personId, postsLimit) as PostRow[]).map(
        (p): Post => ({
          id: p.id,
          remoteId: p.remote_id,
          text: p.text,
          ...(p.html ? { html: p.html } : {}),
          createdAt: p.created_at,
          isReply: p.is_reply === 1,
          isRepost: p.is_repost === 1,
        }),
      );
      const [enriched = card] = withCardExtras(db, accountId, [withAction(accountId, card)], nowMs);
      return {
        ...enriched,
        tags: enriched.tags ?? [],
        network: row.network,
        remoteId: row.remote_id,
        bio: row.bio,
        bioHtml: row.bio_html,
        postsCount: row.posts_count,
        joinedAt: row.joined_at,
        profileUrl: row.profile_url,
        fetchedAt: row.fetched_at,
        recentPosts: posts,
        bannerUrl: cachedMediaUrl(row.banner_file),
        fields: profileFields(row.fields_json),
        emojis: customEmojis(row.emojis_json),
        sharedConnections: sharedConnections(row.shared_connections_json),
        sharedConnectionsCount: row.shared_connections_count,
        note: notesRepo(db).get(accountId, personId).note,
        lastMessageAt: enriched.lastMessageAt ?? null,
        snoozedUntil: enriched.snoozedUntil ?? null,
        snoozeEndedAt: enriched.snoozeEndedAt ?? null,
        followRequested: enriched.followRequested ?? false,
      };
    },
  };
});

export type PeopleRepo = ReturnType<typeof peopleRepo>;
