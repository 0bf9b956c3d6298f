// What a card and a drawer show beyond the lists: recent posts, cached avatars and shared
// connections. A sync fills posts for the newest people and hands the avatars of each column's
// first screen to the background (a slow or dead image host never holds a sync up); everything
// else is fetched on demand when the board or the drawer actually displays someone. Shared
// connections come with the hydrated profiles and are written with them.
import type Database from 'better-sqlite3';
import type { Stage } from '../../../shared/domain';
import { MediaCache, MediaSkippedError } from '../media/mediaCache';
import type { Provider, RemoteEdge, UnreadableItem } from '../networks/provider';
import { ingestRepo, type IngestPageInput, type IngestPageResult } from '../repos/ingestRepo';
import { perDatabase } from '../repos/perDatabase';

/** People whose recent posts a sync fetches: one request each, so few (the request budget). */
export const RECENT_POSTS_PEOPLE = 20;
export const RECENT_POSTS_PER_PERSON = 10;
/** Someone whose posts came back empty is asked again after this long, not on every sync. */
export const EMPTY_POSTS_RECHECK_MS = 7 * 24 * 3600_000;
/** Avatars a sync caches per column: about two screens of cards. */
export const AVATARS_PER_STAGE = 60;

interface PostsCandidate {
  personId: number;
  remoteId: string;
  rank: number;
}

/** A person near the top of a column, and whether their posts are stored or were checked lately. */
interface RankedPostsState extends PostsCandidate {
  known: 0 | 1;
}

interface AvatarCandidate {
  personId: number;
  avatarUrl: string;
}

const enrichmentStatements = perDatabase((db: Database.Database) => ({
  // One stage at a time, so each query walks triage_by_rank in order and stops at LIMIT.
  // Gone accounts (deactivated, deleted…) have no feed to read: asking would only fail.
  // `known`: posts are stored, or the network said "none" since the cut-off.
  postsCandidates: db.prepare(
    `SELECT p.id AS personId, p.remote_id AS remoteId, t.sort_rank AS rank,
       (EXISTS (SELECT 1 FROM posts x WHERE x.person_id = p.id) OR coalesce(p.posts_checked_at >= @checkedSince, 0)) AS known
     FROM triage t CROSS JOIN people p ON p.id = t.person_id
     WHERE t.account_id = @accountId AND t.stage = @stage AND p.posts_count > 0 AND p.gone_at IS NULL
     ORDER BY t.sort_rank DESC, t.person_id DESC LIMIT @limit`,
  ),
  avatarCandidates: db.prepare(
    `SELECT p.id AS personId, p.avatar_url AS avatarUrl
     FROM triage t CROSS JOIN people p ON p.id = t.person_id
     WHERE t.account_id = ? AND t.stage = ? AND p.avatar_url IS NOT NULL AND p.avatar_file IS NULL
     ORDER BY t.sort_rank DESC, t.person_id DESC LIMIT ?`,
  ),
  avatarsOf: db.prepare(
    `SELECT p.id AS personId, p.avatar_url AS avatarUrl FROM people p
     WHERE p.id IN (SELECT value FROM json_each(?)) AND p.avatar_url IS NOT NULL AND p.avatar_file IS NULL`,
  ),
  // Unchanged values are not rewritten: a re-sync of 100k profiles mostly repeats what is stored.
  setSharedConnections: db.prepare(
    `UPDATE relationships SET shared_connections_json = @json, shared_connections_count = @count
     WHERE account_id = @accountId AND person_id = @personId
       AND (shared_connections_count IS NOT @count OR shared_connections_json IS NOT @json)`,
  ),
  postsOf: db.prepare(
    `SELECT p.id AS personId, p.remote_id AS remoteId, 0 AS rank FROM people p
     WHERE p.id = ? AND p.posts_count > 0 AND p.gone_at IS NULL AND NOT EXISTS (SELECT 1 FROM posts x WHERE x.person_id = p.id)`,
  ),
}));

/**
 * Writes what the network said about shared connections (people I follow who follow them) onto
 * each person's relationship with the account. `personIds[i]` is the person of `edges[i]`, as
 * ingestPage returns them. A profile that does not report them leaves the stored value alone.
 */
export function storeSharedConnections(db: Database.Database, accountId: number, personIds: readonly number[], edges: readonly RemoteEdge[]): void {
  const statement = enrichmentStatements(db).setSharedConnections;
  edges.forEach((edge, i) => {
    const shared = edge.profile.sharedConnections;
    const personId = personIds[i];
    if (!shared || personId === undefined) return;
    statement.run({ accountId, personId, json: JSON.stringify(shared.people), count: shared.count });
  });
}

/**
 * ingestPage plus the shared connections of its (hydrated) profiles, in one transaction: the
 * relationship rows they live on are created by the page, and a kill leaves both or neither.
 */
export function ingestPageWithSharedConnections(db: Database.Database, input: IngestPageInput): IngestPageResult {
  return db.transaction(() => {
    const written = ingestRepo(db).ingestPage(input);
    storeSharedConnections(db, input.accountId, written.personIds, input.edges);
    return written;
  })();
}

export class ProfileEnrichment {
  /** Avatar work started in the background (by a sync or on demand), awaited before the db closes. */
  private readonly background = new Set<Promise<unknown>>();
  private readonly backgroundAbort = new AbortController();

  constructor(
    private readonly db: Database.Database,
    private readonly media: MediaCache,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Caches avatars in the background and reports the people whose avatar is now cached. The
   * media cache's shared slots bound the downloads, whoever asked for them.
   */
  cacheAvatarsInBackground(provider: Provider, candidates: AvatarCandidate[], onCached: (personIds: number[]) => void): Promise<number[]> {
    const signal = this.backgroundAbort.signal;
    if (signal.aborted || candidates.length === 0) return Promise.resolve([]);
    const work = this.cacheAvatars(provider, candidates, signal).then((cached) => {
      if (cached.length > 0 && !signal.aborted) onCached(cached);
      return cached;
    });
    this.background.add(work);
    void work.then(
      () => this.background.delete(work),
      () => this.background.delete(work),
    );
    return work;
  }

  /** Resolves when every background download has settled and its failures are saved (tests, benches). */
  async whenIdle(): Promise<void> {
    while (this.background.size > 0) await Promise.allSettled([...this.background]);
    await this.media.flush();
  }

  /** Stops background downloads and waits for them to let go of the database. */
  async close(): Promise<void> {
    this.backgroundAbort.abort();
    await this.whenIdle();
  }

  /**
   * Of the newest New and Evaluated people (the ones a user opens first), those whose posts are
   * not stored and were not found empty within EMPTY_POSTS_RECHECK_MS. An unchanged account
   * therefore costs nothing here; people further down get their posts when a profile is opened.
   */
  postsCandidates(accountId: number, limit = RECENT_POSTS_PEOPLE): PostsCandidate[] {
    const s = enrichmentStatements(this.db);
    const checkedSince = new Date(this.now() - EMPTY_POSTS_RECHECK_MS).toISOString();
    const stages: Stage[] = ['new', 'evaluated'];
    const merged = stages.flatMap((stage) => s.postsCandidates.all({ accountId, stage, limit, checkedSince }) as RankedPostsState[]);
    return merged
      .sort((a, b) => b.rank - a.rank)
      .slice(0, limit)
      .filter((person) => person.known === 0)
      .map(({ personId, remoteId, rank }) => ({ personId, remoteId, rank }));
  }

  /** The first screen of every column, missing its avatar. */
  avatarCandidates(accountId: number, perStage = AVATARS_PER_STAGE): AvatarCandidate[] {
    const s = enrichmentStatements(this.db);
    const stages: Stage[] = ['new', 'evaluated', 'connected', 'declined'];
    return stages.flatMap((stage) => s.avatarCandidates.all(accountId, stage, perStage) as AvatarCandidate[]);
  }

  /** Of these people, those whose avatar is known but not cached yet. */
  avatarsMissing(personIds: number[]): AvatarCandidate[] {
    if (personIds.length === 0) return [];
    return enrichmentStatements(this.db).avatarsOf.all(JSON.stringify(personIds)) as AvatarCandidate[];
  }

  postsMissing(personId: number): PostsCandidate | undefined {
    return enrichmentStatements(this.db).postsOf.get(personId) as PostsCandidate | undefined;
  }

  /** Fetches and stores recent posts; returns the ids of people whose posts were stored. */
  async fetchPosts(
    provider: Provider,
    candidates: PostsCandidate[],
    signal: AbortSignal,
    onDone: (count: number) => void = () => {},
    onUnreadable?: (items: UnreadableItem[]) => void,
  ): Promise<number[]> {
    const stored: number[] = [];
    for (const candidate of candidates) {
      signal.throwIfAborted();
      const posts = await provider.getRecentPosts(candidate.remoteId, RECENT_POSTS_PER_PERSON, signal, onUnreadable);
      ingestRepo(this.db).replacePosts(candidate.personId, posts, new Date(this.now()).toISOString());
      stored.push(candidate.personId);
      onDone(stored.length);
    }
    return stored;
  }

  /**
   * Caches avatars; one that fails (refused, unreachable, skipped after an earlier failure) is
   * logged and skipped, a card then keeps showing initials. Returns the ids whose avatar is now
   * cached. Concurrency is the media cache's, shared with every other caller.
   */
  async cacheAvatars(
    provider: Provider,
    candidates: AvatarCandidate[],
    signal: AbortSignal,
    onDone: (count: number) => void = () => {},
  ): Promise<number[]> {
    const cached: number[] = [];
    await Promise.all(
      candidates.map(async (candidate) => {
        try {
          signal.throwIfAborted();
          const relativePath = await this.media.ensure(candidate.avatarUrl, provider, signal);
          if (this.db.open && ingestRepo(this.db).setAvatarFile(candidate.personId, candidate.avatarUrl, relativePath)) {
            cached.push(candidate.personId);
          }
        } catch (error) {
          if (signal.aborted) return;
          // A skip was logged once, when its failure was remembered; one line per avatar is noise.
          if (!(error instanceof MediaSkippedError)) {
            console.error(`[rapport core] avatar skipped for person ${candidate.personId}: ${(error as Error).message}`);
          }
        }
        onDone(cached.length);
      }),
    );
    signal.throwIfAborted();
    return cached;
  }
}
