// Followers and following, newest first, at the fewest requests GitHub allows.
//
// Order: GitHub lists followers (REST and GraphQL alike) in the order people followed, oldest
// first, with no parameter to reverse it (observed by API clients for years: FastHub #75,
// RSSHub #579; the docs name no order). New followers are appended at the end, so the newest are
// on the last page. Rapport's engine expects newest first, so lists are read backwards: GraphQL
// `last: 100, before: cursor`, each page reversed. Walking backwards is also safe while the list
// changes: an appended follower shifts nothing already read, and a removal shifts later people
// towards pages still to come, never past them.
//
// Cost: a GraphQL page is 100 people with full profiles (name, bio, company, location, website,
// X username, social accounts, creation date, counts) for 1 point, so a walk of N costs
// ceil(N / 100) requests. REST would cost ceil(N / 100) list pages plus one GET per person for
// the same profiles (measured in githubLists.test.ts).
//
// Re-checks: the head (cursor null) is first asked of REST, conditionally, with the ETag of last
// time: the last page of /user/followers, at a page size chosen so that page is never full. Any
// follower added (appended to that page) or removed (everyone after shifts) then changes it, so
// a 304 proves the list unchanged; a 304 costs no rate-limit point. Anything else reads the
// signed-in user's counts again (a conditional GET /user) and the head through GraphQL. The REST
// page is read before GraphQL, so a follower who arrives in between changes the next ETag rather
// than being missed. An unchanged account thus costs one request per list and no point.
import type { Octokit } from '@octokit/rest';
import type { RemoteEdge, RemotePage, UnreadableItem } from '../provider';
import { githubError, statusOf } from './githubErrors';
import { graphqlUserToProfile } from './githubMapping';
import { graphqlConnectionSchema, graphqlUserSchema } from './githubSchemas';

export type GithubList = 'followers' | 'following';

export const GITHUB_PAGE_MAX = 100;
const CURSOR_PREFIX = 'gql:';

const PERSON_FIELDS = `
  id databaseId login name bio company location websiteUrl twitterUsername email createdAt avatarUrl url
  followers { totalCount } following { totalCount }
  repositories(privacy: PUBLIC, ownerAffiliations: OWNER) { totalCount }
  socialAccounts(first: 10) { nodes { provider url displayName } }`;

const QUERIES: Record<GithubList, string> = {
  followers: `query RapportFollowers($last: Int!, $before: String) {
  viewer { followers(last: $last, before: $before) { pageInfo { hasPreviousPage startCursor } nodes { ${PERSON_FIELDS} } } }
}`,
  following: `query RapportFollowing($last: Int!, $before: String) {
  viewer { following(last: $last, before: $before) { pageInfo { hasPreviousPage startCursor } nodes { ${PERSON_FIELDS} } } }
}`,
};

interface RememberedHead {
  page: number;
  perPage: number;
  etag: string;
  answer: RemotePage<RemoteEdge>;
}

interface RestHead {
  page: number;
  perPage: number;
  notModified: boolean;
  etag: string | null;
  /** The page is the end of the list and not full: any change to the list changes it. */
  tellsChange: boolean;
}

/**
 * The REST page size for a head check: the largest size up to 100 that leaves the last page
 * not full, so an appended follower lands on it (100 for 5,050 followers, 99 for 5,000).
 */
export function headPageSize(count: number): number {
  for (let size = GITHUB_PAGE_MAX; size > 1; size--) if (count % size !== 0) return size;
  return GITHUB_PAGE_MAX;
}

export class GithubLists {
  private readonly heads = new Map<GithubList, RememberedHead>();
  /** Login of everyone seen in a list, by id: reads of one person need the login. */
  readonly logins = new Map<string, string>();

  constructor(
    private readonly octokit: Octokit,
    private readonly webBase: string,
    /** The signed-in user's counts, read again (conditionally) at most once per sync. */
    private readonly freshCounts: (signal?: AbortSignal) => Promise<Record<GithubList, number | null>>,
  ) {}

  async page(list: GithubList, cursor: string | null, limit: number, signal?: AbortSignal): Promise<RemotePage<RemoteEdge>> {
    if (cursor !== null && cursor.startsWith(CURSOR_PREFIX)) return this.graphqlPage(list, cursor.slice(CURSOR_PREFIX.length), limit, signal);
    // The head (or a cursor from an older format, read as a fresh start).
    const remembered = this.heads.get(list);
    let rest: RestHead | null = null;
    if (remembered) {
      rest = await this.restPage(list, remembered.page, remembered.perPage, remembered.etag, signal);
      if (rest.notModified) return remembered.answer;
    }
    const count = (await this.freshCounts(signal))[list];
    if (count !== null) {
      const perPage = headPageSize(count);
      const page = Math.max(1, Math.ceil(count / perPage));
      if (rest === null || rest.page !== page || rest.perPage !== perPage) rest = await this.restPage(list, page, perPage, null, signal);
    }
    const answer = await this.graphqlPage(list, null, limit, signal);
    if (rest?.etag && rest.tellsChange) this.heads.set(list, { page: rest.page, perPage: rest.perPage, etag: rest.etag, answer });
    else this.heads.delete(list);
    return answer;
  }

  private async restPage(list: GithubList, page: number, perPage: number, etag: string | null, signal?: AbortSignal): Promise<RestHead> {
    const route = list === 'followers' ? ('GET /user/followers' as const) : ('GET /user/following' as const);
    try {
      const response = await this.octokit.request(route, { per_page: perPage, page, headers: etag ? { 'if-none-match': etag } : {}, request: { signal } });
      const size = Array.isArray(response.data) ? response.data.length : perPage;
      const atEnd = !/rel="next"/.test(response.headers.link ?? '');
      return { page, perPage, notModified: false, etag: response.headers.etag ?? null, tellsChange: atEnd && size < perPage };
    } catch (error) {
      if (statusOf(error) === 304) return { page, perPage, notModified: true, etag, tellsChange: true };
      throw githubError(error, `list your ${list}`, signal);
    }
  }

  private async graphqlPage(list: GithubList, before: string | null, limit: number, signal?: AbortSignal): Promise<RemotePage<RemoteEdge>> {
    const last = Math.max(1, Math.min(Math.floor(limit) || GITHUB_PAGE_MAX, GITHUB_PAGE_MAX));
    let data: unknown;
    try {
      data = await this.octokit.graphql(QUERIES[list], { last, before, request: { signal } });
    } catch (error) {
      throw githubError(error, `list your ${list}`, signal);
    }
    const connection = graphqlConnectionSchema.safeParse((data as { viewer?: Record<string, unknown> } | null)?.viewer?.[list]);
    if (!connection.success) throw githubError(new Error('unexpected answer'), `read your ${list}`);
    const items: RemoteEdge[] = [];
    const unreadable: UnreadableItem[] = [];
    for (const node of connection.data.nodes) {
      const user = graphqlUserSchema.safeParse(node);
      if (!user.success) {
        const id = (node as { databaseId?: unknown } | null)?.databaseId;
        unreadable.push({ kind: 'profile', remoteId: typeof id === 'number' ? String(id) : null, outcome: 'skipped', fields: user.error.issues.map((i) => i.path.join('.')) });
        continue;
      }
      this.logins.set(String(user.data.databaseId), user.data.login);
      items.push({ profile: graphqlUserToProfile(user.data, this.webBase), followedAt: null, followRef: null });
    }
    // GitHub sends each page oldest first; the engine reads newest first.
    items.reverse();
    const { hasPreviousPage, startCursor } = connection.data.pageInfo;
    return { items, cursor: hasPreviousPage && startCursor ? `${CURSOR_PREFIX}${startCursor}` : null, unreadable };
  }
}
