// Reading X with the person's own developer app: followers and following 1,000 per page, people
// known only by id (from an archive) named 100 per /2/users request, every read counted against
// the monthly cap before it is sent (xReadLedger.ts). Nothing is written through the API: follows
// and messages open on X's own pages (xActionPages.ts), so the outbox never calls follow/sendDm.
import type Database from 'better-sqlite3';
import { RapportError } from '../../../../../shared/api/errors';
import type { Account } from '../../../../../shared/domain';
import type { HttpClient } from '../../../net/httpClient';
import { downloadImage } from '../../../net/imageDownload';
import type {
  FetchedMedia,
  Provider,
  ProviderCapabilities,
  RemoteAccountStatus,
  RemoteEdge,
  RemotePage,
  RemotePost,
  RemoteProfile,
  RemoteRelationship,
} from '../../provider';
import { X_POLICY } from '../xPolicy';
import type { XTokenSource } from './xAccessToken';
import { xApi, type XApiTransport } from './xApiClient';
import { xProfilesOf } from './xApiMapping';
import { isSuspension, X_USER_FIELDS, xSingleUserSchema, xUserPageSchema, xUsersLookupSchema } from './xApiSchemas';
import type { XMissReason } from './xLookupMisses';
import { ensureWithinCap, recordReads, recordSelfCounts } from './xReadLedger';

/** X API v2: follow lists return at most 1,000 users a page, /2/users at most 100 ids. */
export const X_PAGE_MAX = 1000;
export const X_LOOKUP_MAX = 100;
export const X_MEDIA_MAX_BYTES = 5 * 1024 * 1024;

export interface XApiProviderOptions {
  account: Pick<Account, 'id' | 'remoteId' | 'handle'>;
  /** The token to send now (an OAuth token is renewed before it expires). */
  token: XTokenSource;
  transport: XApiTransport;
  db: Database.Database;
  media: HttpClient;
}

function parsed<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } }, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new RapportError('NETWORK_ERROR', `X answered ${what} in a shape Rapport does not know. Try again later.`);
  return result.data;
}

export class XApiProvider implements Provider {
  readonly network = 'x' as const;
  readonly capabilities: ProviderCapabilities = {
    pageMax: X_PAGE_MAX,
    profileBatch: X_LOOKUP_MAX,
    canFollow: X_POLICY.canFollow,
    canDm: X_POLICY.canDm,
    // user.fields brings bio and counts with every listed user: no second read (X bills each).
    listsCarryFullProfiles: true,
    limits: { dailyActions: X_POLICY.dailyActions },
  };

  constructor(private readonly options: XApiProviderOptions) {}

  private get accountId(): number {
    return this.options.account.id;
  }

  /** Refuses a read that could cross the monthly cap, before anything is sent. */
  private checkCap(atMost: number): void {
    ensureWithinCap(this.options.db, this.accountId, this.options.account.handle, atMost, this.options.transport.now());
  }

  private counted(users: number): void {
    recordReads(this.options.db, this.accountId, users, this.options.transport.now());
  }

  async getSelf(): Promise<RemoteProfile> {
    this.checkCap(1);
    const api = await xApi(this.options.transport, await this.options.token());
    const answer = parsed(xSingleUserSchema, await api.v2.user(this.options.account.remoteId, { 'user.fields': [...X_USER_FIELDS] }), 'GET /2/users/:id');
    const { profiles } = xProfilesOf(answer.data === undefined ? [] : [answer.data]);
    const self = profiles[0];
    if (!self) throw new RapportError('AUTH_EXPIRED', `X no longer serves @${this.options.account.handle} (suspended or deactivated).`);
    this.counted(1);
    recordSelfCounts(this.options.db, this.accountId, self.followersCount, self.followingCount, this.options.transport.now());
    return self;
  }

  listFollowers(cursor: string | null, limit: number, signal?: AbortSignal): Promise<RemotePage<RemoteEdge>> {
    return this.listPage('followers', cursor, limit, signal);
  }

  listFollowing(cursor: string | null, limit: number, signal?: AbortSignal): Promise<RemotePage<RemoteEdge>> {
    return this.listPage('following', cursor, limit, signal);
  }

  private async listPage(which: 'followers' | 'following', cursor: string | null, limit: number, signal?: AbortSignal): Promise<RemotePage<RemoteEdge>> {
    const max = Math.max(1, Math.min(X_PAGE_MAX, limit));
    this.checkCap(max);
    const api = await xApi(this.options.transport, await this.options.token(), signal);
    const query = { max_results: max, 'user.fields': [...X_USER_FIELDS], ...(cursor ? { pagination_token: cursor } : {}) };
    const raw = which === 'followers' ? await api.v2.followers(this.options.account.remoteId, query) : await api.v2.following(this.options.account.remoteId, query);
    const page = parsed(xUserPageSchema, raw, `GET /2/users/:id/${which}`);
    const items = page.data ?? [];
    this.counted(items.length);
    const { profiles, unreadable } = xProfilesOf(items);
    return { items: profiles.map((profile) => ({ profile, followedAt: null })), cursor: page.meta?.next_token ?? null, unreadable };
  }

  /** People by id, 100 per request; suspended and deleted ones are left out (see accountStatus). */
  async getProfiles(remoteIds: string[], signal?: AbortSignal): Promise<RemoteProfile[]> {
    return (await this.lookupPeople(remoteIds, signal)).profiles;
  }

  /**
   * People by id, 100 per request, with the ids X could not return and why (its `errors`: a
   * suspension, or not found). An id X answered with neither is in neither.
   */
  async lookupPeople(remoteIds: string[], signal?: AbortSignal): Promise<{ profiles: RemoteProfile[]; missed: Map<string, XMissReason> }> {
    const profiles: RemoteProfile[] = [];
    const missed = new Map<string, XMissReason>();
    const ids = remoteIds.filter((id) => /^\d{1,19}$/.test(id));
    for (let i = 0; i < ids.length; i += X_LOOKUP_MAX) {
      const batch = ids.slice(i, i + X_LOOKUP_MAX);
      this.checkCap(batch.length);
      const api = await xApi(this.options.transport, await this.options.token(), signal);
      const answer = parsed(xUsersLookupSchema, await api.v2.users(batch, { 'user.fields': [...X_USER_FIELDS] }), 'GET /2/users');
      const found = xProfilesOf(answer.data ?? []).profiles;
      this.counted(found.length);
      profiles.push(...found);
      const asked = new Set(batch);
      for (const error of answer.errors ?? []) {
        const id = error.resource_id ?? error.value;
        // Only ids this request asked for: a hostile answer cannot make Rapport forget anyone else.
        if (id && asked.has(id)) missed.set(id, isSuspension(error) ? 'suspended' : 'deleted');
      }
    }
    return { profiles, missed };
  }

  async accountStatus(remoteIds: string[], signal?: AbortSignal): Promise<RemoteAccountStatus[]> {
    const { profiles, missed } = await this.lookupPeople(remoteIds, signal);
    const active = new Set(profiles.map((p) => p.remoteId));
    return remoteIds.map((remoteId) => ({ remoteId, state: active.has(remoteId) ? 'active' : missed.get(remoteId) === 'suspended' ? 'suspended' : 'deleted' }));
  }

  /** Posts are not read: X bills every post, and the cards need none to decide. */
  async getRecentPosts(): Promise<RemotePost[]> {
    return [];
  }

  /** Not asked of X: nothing is sent through its API, so no write needs checking first. */
  async getRelationships(): Promise<RemoteRelationship[]> {
    return [];
  }

  async follow(): Promise<{ followRef: string | null; pending: boolean }> {
    throw new RapportError('CONFLICT', 'Rapport never follows through X’s API: the follow opens on X’s own page for you to do.');
  }

  async unfollow(): Promise<void> {
    throw new RapportError('CONFLICT', 'Rapport never unfollows through X’s API: it opens on X’s own page for you to do.');
  }

  async sendDm(): Promise<{ messageId: string }> {
    throw new RapportError('CONFLICT', 'Rapport never sends messages through X’s API: the message opens on X’s own page for you to send.');
  }

  fetchMedia(url: string, signal?: AbortSignal): Promise<FetchedMedia> {
    return downloadImage(this.options.media, url, { maxBytes: X_MEDIA_MAX_BYTES, signal });
  }
}
