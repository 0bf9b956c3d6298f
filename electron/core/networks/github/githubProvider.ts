// GitHub behind the Provider interface, over the official client (@octokit/rest, whose
// .graphql is @octokit/graphql) with core's HTTP layer underneath: octokit's `request.fetch` is
// githubFetch, so every request is counted, rate-limited, backed off and held to https and the
// redirect rules like any network's. Octokit gives typed routes, GitHub Enterprise's GraphQL
// address and RequestErrors; retries and limits stay ours (no throttling plugin).
//
// The numeric id is the stable key. Writes (PUT/DELETE /user/following/{login}) first read the
// person's current login by id, since a login can change between sync and click; GitHub has no
// messages, so sendDm refuses with a sentence the composer never needs to show.
import { Octokit } from '@octokit/rest';
import { RapportError } from '../../../../shared/api/errors';
import type { HttpClient } from '../../net/httpClient';
import { downloadImage } from '../../net/imageDownload';
import type {
  FetchedMedia,
  InteractionsPage,
  InteractionsPosition,
  Provider,
  ProviderCapabilities,
  RemoteAccountStatus,
  RemoteEdge,
  RemotePage,
  RemotePost,
  RemoteProfile,
  RemoteRelationship,
} from '../provider';
import { eventsToPosts } from './githubActivity';
import type { GithubEndpoints } from './githubEndpoints';
import { githubError, statusOf } from './githubErrors';
import { githubFetch, type GithubFetchOptions } from './githubFetch';
import { GithubInteractions } from './githubInteractions';
import { GITHUB_PAGE_MAX, GithubLists } from './githubLists';
import { restUserToProfile } from './githubMapping';
import { GITHUB_POLICY } from './githubPolicy';
import { restEventSchema, restUserSchema, type RestUser } from './githubSchemas';

export const GITHUB_MEDIA_MAX_BYTES = 5 * 1024 * 1024;
/** Events fetched per person: enough for ten readable lines after skipping the unreadable kinds. */
const EVENTS_PER_REQUEST = 30;

export interface GithubProviderOptions extends GithubFetchOptions {
  token: string;
  endpoints: GithubEndpoints;
  http: HttpClient;
  /** Avatars go through core's media client (no retries, public hosts only); default `http`. */
  media?: HttpClient;
  dailyActions?: number;
}

const silentLog = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

export class GithubProvider implements Provider {
  readonly network = 'github' as const;
  readonly capabilities: ProviderCapabilities;
  private readonly octokit: Octokit;
  private readonly media: HttpClient;
  private readonly endpoints: GithubEndpoints;
  private readonly lists: GithubLists;
  private readonly interactions: GithubInteractions;
  private self: { etag: string | null; user: RestUser } | null = null;
  /** Whether GET /user was asked since the last getSelf (once per sync is enough). */
  private selfChecked = false;

  constructor(options: GithubProviderOptions) {
    this.endpoints = options.endpoints;
    this.media = options.media ?? options.http;
    this.octokit = new Octokit({
      auth: options.token,
      baseUrl: options.endpoints.restBase,
      userAgent: 'Rapport',
      log: silentLog,
      request: { fetch: githubFetch(options.http, options) },
    });
    this.lists = new GithubLists(this.octokit, this.endpoints.webBase, async (signal) => {
      if (!this.selfChecked) await this.readSelf(signal);
      return { followers: this.self?.user.followers ?? null, following: this.self?.user.following ?? null };
    });
    this.interactions = new GithubInteractions(this.octokit, this.endpoints.webBase, () => this.self?.user.id ?? null, options.now ?? Date.now);
    this.capabilities = {
      pageMax: GITHUB_PAGE_MAX,
      profileBatch: GITHUB_PAGE_MAX,
      canFollow: GITHUB_POLICY.canFollow,
      canDm: GITHUB_POLICY.canDm,
      listsCarryFullProfiles: true,
      limits: { dailyActions: options.dailyActions ?? GITHUB_POLICY.dailyActions },
    };
  }

  /**
   * The signed-in account. Read once; later syncs get the copy in memory at no cost, and the lists
   * read it again (conditionally) as soon as either of them changed, so an unchanged account costs
   * nothing here. The counts only size the progress bar, which is then off by at most the change.
   */
  async getSelf(signal?: AbortSignal): Promise<RemoteProfile> {
    if (this.self) this.selfChecked = false;
    else await this.readSelf(signal);
    const self = this.self;
    if (!self) throw new RapportError('INTERNAL', 'The GitHub account was not read.');
    return restUserToProfile(self.user, this.endpoints.webBase);
  }

  /** GET /user, conditionally: an unchanged account answers 304, which costs no rate-limit point. */
  private async readSelf(signal?: AbortSignal): Promise<void> {
    const headers = this.self?.etag ? { 'if-none-match': this.self.etag } : {};
    try {
      const response = await this.octokit.request('GET /user', { headers, request: { signal } });
      const user = restUserSchema.safeParse(response.data);
      if (!user.success) throw new RapportError('NETWORK_ERROR', 'GitHub described your account in a way Rapport cannot read. Try again later.');
      this.self = { etag: response.headers.etag ?? null, user: user.data };
    } catch (error) {
      if (!(statusOf(error) === 304 && this.self)) throw githubError(error, 'read your account', signal);
    }
    this.selfChecked = true;
  }

  listFollowers(cursor: string | null, limit: number, signal?: AbortSignal): Promise<RemotePage<RemoteEdge>> {
    return this.lists.page('followers', cursor, limit, signal);
  }

  listFollowing(cursor: string | null, limit: number, signal?: AbortSignal): Promise<RemotePage<RemoteEdge>> {
    return this.lists.page('following', cursor, limit, signal);
  }

  /** One person by id (a renamed account answers with its new login); null when GitHub has no such account. */
  private async userById(remoteId: string, signal?: AbortSignal): Promise<RestUser | null> {
    if (!/^\d+$/.test(remoteId)) throw new RapportError('INVALID_INPUT', 'A GitHub account id is a number.');
    try {
      const response = await this.octokit.request('GET /user/{account_id}', { account_id: Number(remoteId), request: { signal } });
      const user = restUserSchema.safeParse(response.data);
      if (!user.success) throw new RapportError('NETWORK_ERROR', 'GitHub described an account in a way Rapport cannot read.');
      this.lists.logins.set(remoteId, user.data.login);
      return user.data;
    } catch (error) {
      // GitHub answers 404 for deleted and suspended accounts alike.
      if (statusOf(error) === 404) return null;
      throw githubError(error, 'read an account', signal);
    }
  }

  private async loginOf(remoteId: string, signal?: AbortSignal): Promise<string | null> {
    return this.lists.logins.get(remoteId) ?? (await this.userById(remoteId, signal))?.login ?? null;
  }

  private get selfLogin(): string {
    const login = this.self?.user.login;
    if (!login) throw new RapportError('INTERNAL', 'The GitHub account was used before it was read.');
    return login;
  }

  /** Full profiles, one GET each: only removal checks and single refreshes ask (lists carry profiles). */
  async getProfiles(remoteIds: string[], signal?: AbortSignal): Promise<RemoteProfile[]> {
    const out: RemoteProfile[] = [];
    for (const remoteId of remoteIds) {
      const user = await this.userById(remoteId, signal);
      if (user) out.push(restUserToProfile(user, this.endpoints.webBase));
    }
    return out;
  }

  /** GitHub cannot tell deleted from suspended (both 404); either way the person is gone, not an unfollower. */
  async accountStatus(remoteIds: string[], signal?: AbortSignal): Promise<RemoteAccountStatus[]> {
    const out: RemoteAccountStatus[] = [];
    for (const remoteId of remoteIds) {
      out.push({ remoteId, state: (await this.userById(remoteId, signal)) ? 'active' : 'deleted' });
    }
    return out;
  }

  /** Recent public activity as readable lines, in place of posts. */
  async getRecentPosts(remoteId: string, limit: number, signal?: AbortSignal): Promise<RemotePost[]> {
    const login = await this.loginOf(remoteId, signal);
    if (login === null) return [];
    try {
      const response = await this.octokit.request('GET /users/{username}/events/public', { username: login, per_page: EVENTS_PER_REQUEST, request: { signal } });
      const events = (Array.isArray(response.data) ? response.data : []).flatMap((raw: unknown) => {
        const event = restEventSchema.safeParse(raw);
        return event.success ? [event.data] : [];
      });
      return eventsToPosts(events, Math.max(1, limit));
    } catch (error) {
      if (statusOf(error) === 404) return [];
      throw githubError(error, 'read recent activity', signal);
    }
  }

  /** Stars, forks, watchers, issues and pull requests on my repositories, at most once a day (githubInteractions). */
  listInteractions(position: InteractionsPosition, signal?: AbortSignal): Promise<InteractionsPage> {
    return this.interactions.read(position, signal);
  }

  /** Whether a GET /…/following/{login} check says yes (204) or no (404). */
  private async check(route: 'GET /user/following/{username}' | 'GET /users/{username}/following/{target_user}', params: Record<string, string>, signal?: AbortSignal): Promise<boolean> {
    try {
      await this.octokit.request(route, { ...params, username: params.username ?? '', target_user: params.target_user ?? '', request: { signal } });
      return true;
    } catch (error) {
      if (statusOf(error) === 404) return false;
      throw githubError(error, 'check a follow', signal);
    }
  }

  async getRelationships(remoteIds: string[], signal?: AbortSignal): Promise<RemoteRelationship[]> {
    // Read again: my own login may have changed since the last sync.
    await this.readSelf(signal);
    const me = this.selfLogin;
    const out: RemoteRelationship[] = [];
    for (const remoteId of remoteIds) {
      const login = await this.loginOf(remoteId, signal);
      if (login === null) {
        out.push({ remoteId, followsMe: false, iFollow: false, followRef: null, gone: true });
        continue;
      }
      const iFollow = await this.check('GET /user/following/{username}', { username: login }, signal);
      const followsMe = await this.check('GET /users/{username}/following/{target_user}', { username: login, target_user: me }, signal);
      out.push({ remoteId, followsMe, iFollow, followRef: null, gone: false });
    }
    return out;
  }

  /** The login right now (a rename since the sync would make the stored one miss). */
  private async currentLogin(remoteId: string): Promise<string> {
    const user = await this.userById(remoteId);
    if (!user) throw new RapportError('NOT_FOUND', 'This GitHub account no longer exists (deleted or suspended).');
    return user.login;
  }

  async follow(remoteId: string, _idempotencyKey: string): Promise<{ followRef: string | null; pending: boolean }> {
    const username = await this.currentLogin(remoteId);
    try {
      await this.octokit.request('PUT /user/following/{username}', { username });
    } catch (error) {
      throw githubError(error, `follow @${username}`);
    }
    return { followRef: null, pending: false };
  }

  async unfollow(remoteId: string, _followRef: string | null): Promise<void> {
    const username = await this.currentLogin(remoteId);
    try {
      await this.octokit.request('DELETE /user/following/{username}', { username });
    } catch (error) {
      throw githubError(error, `unfollow @${username}`);
    }
  }

  sendDm(): Promise<{ messageId: string }> {
    return Promise.reject(new RapportError('INVALID_INPUT', 'GitHub has no direct messages. Copy your text and write to them where they publish a contact.'));
  }

  fetchMedia(url: string, signal?: AbortSignal): Promise<FetchedMedia> {
    return downloadImage(this.media, url, { maxBytes: GITHUB_MEDIA_MAX_BYTES, signal });
  }
}
