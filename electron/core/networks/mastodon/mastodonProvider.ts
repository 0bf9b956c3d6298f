// Mastodon behind the Provider interface: masto's typed REST client over our HTTP layer (rate
// limits with ISO-8601 resets, Retry-After, backoff, counting), zod on every answer, and all
// remote HTML sanitized on the way in. Writes are sent once: after an ambiguous failure the
// outbox checks getRelationships; a direct message carries an Idempotency-Key so a re-send after
// a lost answer returns the same status instead of posting twice.
import type { mastodon } from 'masto';
import { z } from 'zod';
import { RapportError } from '../../../../shared/api/errors';
import type { MastodonGrant } from './mastodonCredentialStore';
import type { HttpClient } from '../../net/httpClient';
import { downloadImage } from '../../net/imageDownload';
import { sameResourceLink } from '../../net/linkHeader';
import type {
  FetchedMedia,
  InteractionsPage,
  InteractionsPosition,
  Provider,
  ProviderCapabilities,
  RemoteAccountStatus,
  RemoteEdge,
  RemoteInteraction,
  RemotePage,
  RemotePost,
  RemoteRelationship,
  UnreadableItem,
} from '../provider';
import { readMastodonAccountStatus } from './mastodonAccountStatus';
import { MASTODON_NOTIFICATIONS_PAGE, mastodonPageHead, toMastodonInteraction } from './mastodonInteractions';
import { createMastoRestClient, type MastoRestClient } from './mastoRestClient';
import { MastodonMalformedAnswer, MastodonRefusal, parseMastodonAnswer } from './mastodonErrors';
import { readAccountList, readStatusList } from './mastodonItemReader';
import { toMastodonProfile, type MastodonProfile } from './mastodonMapping';
import { localAccountId, mastodonRemoteId } from './mastodonRemoteId';
import { accountSchema, familiarFollowersSchema, relationshipListSchema, relationshipSchema, statusSchema } from './mastodonSchemas';
import { mastodonPolicy } from './mastodonPolicy';

/** Mastodon caps followers/following pages at 80. */
export const MASTODON_PAGE_MAX = 80;
/** GET /api/v1/accounts?id[]= and relationships take up to 40 ids. */
export const MASTODON_ACCOUNT_BATCH = 40;
export const MASTODON_STATUS_LIMIT = 20;
export const MASTODON_MEDIA_MAX_BYTES = 5 * 1024 * 1024;
/** Mastodon allows 400 follows a day; we default far below (see mastodonPolicy.ts). */
/** Mastodon keeps private account notes up to this many characters; a longer note is cut. */
export const MASTODON_PRIVATE_NOTE_MAX_CHARS = 2_000;
export const MASTODON_DEFAULT_DAILY_ACTIONS = mastodonPolicy.dailyActions;

export interface MastodonProviderOptions {
  http: HttpClient;
  /** Instance origin, e.g. https://mastodon.social. */
  origin: string;
  accessToken: string;
  /** The signed-in account's instance-local id (from the sign-in's verify_credentials). */
  accountId: string;
  dailyActions?: number;
  /** Avatars, banners and emoji go through core's media client (no retries, public hosts only); default `http`. */
  media?: HttpClient;
}

/** A relationship with what Mastodon adds: a pending request to a locked account, the private note. */
export interface MastodonRelationship extends RemoteRelationship {
  /** We asked to follow a locked account and it has not approved yet ("Requested"). */
  requested: boolean;
  note: string;
}

export interface FamiliarFollowers {
  remoteId: string;
  /** People you follow who also follow this person. */
  accounts: MastodonProfile[];
}

type ListName = 'followers' | 'following';

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function clampLimit(limit: number): number {
  return Math.max(1, Math.min(Math.floor(limit) || MASTODON_PAGE_MAX, MASTODON_PAGE_MAX));
}

export class MastodonProvider implements Provider {
  readonly network = 'mastodon' as const;
  readonly capabilities: ProviderCapabilities;
  readonly origin: string;
  readonly instanceHost: string;
  private readonly rest: MastoRestClient;
  private readonly http: HttpClient;
  private readonly media: HttpClient;
  private readonly selfId: string;
  /** Whether GET /api/v1/accounts?id[]= exists here (Mastodon ≥ 4.3); null until tried. */
  private batchAccounts: boolean | null = null;
  private readonly acctCache = new Map<string, string>();

  constructor(options: MastodonProviderOptions) {
    this.origin = new URL(options.origin).origin;
    this.instanceHost = new URL(options.origin).host;
    this.http = options.http;
    this.media = options.media ?? options.http;
    this.selfId = options.accountId;
    this.rest = createMastoRestClient({ http: options.http, origin: this.origin, accessToken: options.accessToken });
    this.capabilities = {
      pageMax: MASTODON_PAGE_MAX,
      profileBatch: MASTODON_ACCOUNT_BATCH,
      canFollow: mastodonPolicy.canFollow,
      canDm: mastodonPolicy.canDm,
      // Follower lists carry full accounts (counts, bio, fields): no hydration round trips.
      listsCarryFullProfiles: true,
      limits: { dailyActions: options.dailyActions ?? MASTODON_DEFAULT_DAILY_ACTIONS },
    };
  }

  /** The provider for a stored sign-in (see auth/mastodonSignIn). */
  static fromGrant(http: HttpClient, grant: MastodonGrant, extras: { dailyActions?: number; media?: HttpClient } = {}): MastodonProvider {
    return new MastodonProvider({ http, origin: grant.origin, accessToken: grant.accessToken, accountId: grant.accountId, ...extras });
  }

  /** Whether this sign-in may write private notes (note sync needs write:accounts). */
  static canSyncNotes(grant: MastodonGrant): boolean {
    return grant.scope.split(/\s+/).some((s) => s === 'write:accounts' || s === 'write');
  }

  private get api(): mastodon.rest.Client {
    return this.rest.client;
  }

  private id(remoteId: string): string {
    return localAccountId(this.instanceHost, remoteId);
  }

  private profile(data: z.infer<typeof accountSchema>): MastodonProfile {
    this.acctCache.set(data.id, data.acct);
    return toMastodonProfile(this.instanceHost, data);
  }

  async getSelf(): Promise<MastodonProfile> {
    const data = parseMastodonAnswer(accountSchema, await this.api.v1.accounts.verifyCredentials(), 'GET /api/v1/accounts/verify_credentials');
    if (data.id !== this.selfId) throw new RapportError('AUTH_EXPIRED', 'This Mastodon sign-in now belongs to a different account. Sign in again.');
    return this.profile(data);
  }

  listFollowers(cursor: string | null, limit: number, signal?: AbortSignal): Promise<RemotePage<RemoteEdge>> {
    return this.listPage('followers', cursor, limit, signal);
  }

  listFollowing(cursor: string | null, limit: number, signal?: AbortSignal): Promise<RemotePage<RemoteEdge>> {
    return this.listPage('following', cursor, limit, signal);
  }

  /**
   * One page of a list, newest first. The cursor is the `max_id` from the page's `Link: rel="next"`
   * (Mastodon's ids for the follow itself, opaque to us); the link must stay on this instance and
   * this list, or the walk stops with an error rather than sending our token elsewhere.
   */
  private async listPage(list: ListName, cursor: string | null, limit: number, signal?: AbortSignal): Promise<RemotePage<RemoteEdge>> {
    const path = `/api/v1/accounts/${this.selfId}/${list}`;
    const endpoint = `GET /api/v1/accounts/:id/${list}`;
    const params = { limit: clampLimit(limit), ...(cursor ? { maxId: cursor } : {}) };
    const meta = { requestInit: { signal } };
    const selected = this.api.v1.accounts.$select(this.selfId);
    const response = await (list === 'followers' ? selected.followers.list.$raw(params, meta) : selected.following.list.$raw(params, meta));
    const accounts = readAccountList(response.data, endpoint, this.instanceHost, (a) => this.profile(a));
    let next: URL | null;
    try {
      next = sameResourceLink(response.headers.get('link'), 'next', new URL(path, this.origin));
    } catch (error) {
      throw new MastodonMalformedAnswer(endpoint, "Link header's", (error as Error).message);
    }
    const nextCursor = next?.searchParams.get('max_id') ?? null;
    if (next && !nextCursor) throw new MastodonMalformedAnswer(endpoint, "Link header's", 'next link has no max_id');
    // An empty page that still points onwards ends the walk, as for Bluesky.
    return {
      items: accounts.profiles.map((profile) => ({ profile, followedAt: null, followRef: null })),
      cursor: accounts.sent > 0 ? nextCursor : null,
      unreadable: accounts.unreadable,
    };
  }

  /**
   * My notifications, newest first: `max_id` from the Link header pages back, `since_id` (the
   * newest notification a completed walk stored) stops the server at what is known.
   */
  async listInteractions(position: InteractionsPosition, signal?: AbortSignal): Promise<InteractionsPage> {
    const path = '/api/v1/notifications';
    const endpoint = 'GET /api/v1/notifications';
    const params = {
      limit: MASTODON_NOTIFICATIONS_PAGE,
      ...(position.cursor ? { maxId: position.cursor } : {}),
      ...(position.newerThan ? { sinceId: position.newerThan } : {}),
    };
    const response = await this.api.v1.notifications.list.$raw(params, { requestInit: { signal } });
    const list = parseMastodonAnswer(z.array(z.unknown()), response.data, endpoint);
    let next: URL | null;
    try {
      next = sameResourceLink(response.headers.get('link'), 'next', new URL(path, this.origin));
    } catch (error) {
      throw new MastodonMalformedAnswer(endpoint, "Link header's", (error as Error).message);
    }
    const items: RemoteInteraction[] = [];
    for (const raw of list) {
      const item = toMastodonInteraction(raw, this.instanceHost, this.selfId);
      if (item) items.push(item);
    }
    return {
      items,
      ignored: list.length - items.length,
      cursor: list.length > 0 ? (next?.searchParams.get('max_id') ?? null) : null,
      head: mastodonPageHead(list[0]),
    };
  }

  /**
   * Full accounts, 40 per request where the server has GET /api/v1/accounts?id[]= (Mastodon ≥ 4.3),
   * otherwise one by one. Accounts the server no longer knows are left out; suspended ones come
   * back with `gone: true`.
   */
  async getProfiles(remoteIds: string[], signal?: AbortSignal): Promise<MastodonProfile[]> {
    const ids = remoteIds.map((r) => this.id(r));
    const out: MastodonProfile[] = [];
    const meta = { requestInit: { signal } };
    for (const batch of chunks(ids, MASTODON_ACCOUNT_BATCH)) {
      if (this.batchAccounts !== false) {
        try {
          const answer = await this.api.v1.accounts.fetch({ id: batch }, meta);
          out.push(...readAccountList(answer, 'GET /api/v1/accounts', this.instanceHost, (a) => this.profile(a)).profiles);
          this.batchAccounts = true;
          continue;
        } catch (error) {
          if (!(error instanceof MastodonRefusal && (error.status === 404 || error.status === 405) && this.batchAccounts === null)) throw error;
          this.batchAccounts = false;
        }
      }
      for (const id of batch) {
        try {
          const answer = await this.api.v1.accounts.$select(id).fetch(undefined, meta);
          out.push(this.profile(parseMastodonAnswer(accountSchema, answer, 'GET /api/v1/accounts/:id')));
        } catch (error) {
          if (error instanceof MastodonRefusal && error.code === 'NOT_FOUND') continue;
          throw error;
        }
      }
    }
    return out;
  }

  /** Whether the server answers batch account lookups; null until the first getProfiles. */
  get supportsBatchAccounts(): boolean | null {
    return this.batchAccounts;
  }

  async getRecentPosts(remoteId: string, limit: number, signal?: AbortSignal, onUnreadable?: (items: UnreadableItem[]) => void): Promise<RemotePost[]> {
    const id = this.id(remoteId);
    const answer = await this.api.v1.accounts
      .$select(id)
      .statuses.list({ excludeReplies: true, excludeReblogs: true, limit: Math.max(1, Math.min(limit || MASTODON_STATUS_LIMIT, 40)) }, { requestInit: { signal } });
    return readStatusList(answer, 'GET /api/v1/accounts/:id/statuses', this.instanceHost, onUnreadable);
  }

  /**
   * Relationships, 40 per request. Mastodon leaves suspended accounts out of the answer: those
   * come back `gone`, which the sync engine must not read as an unfollow.
   */
  async getRelationships(remoteIds: string[], signal?: AbortSignal): Promise<MastodonRelationship[]> {
    const out: MastodonRelationship[] = [];
    for (const batch of chunks(remoteIds.map((r) => this.id(r)), MASTODON_ACCOUNT_BATCH)) {
      const answer = await this.api.v1.accounts.relationships.fetch({ id: batch }, { requestInit: { signal } });
      const found = new Map(parseMastodonAnswer(relationshipListSchema, answer, 'GET /api/v1/accounts/relationships').map((r) => [r.id, r]));
      for (const id of batch) {
        const rel = found.get(id);
        out.push(
          rel
            ? this.relationship(rel)
            : { remoteId: mastodonRemoteId(this.instanceHost, id), followsMe: false, iFollow: false, followRef: null, gone: true, requested: false, note: '' },
        );
      }
    }
    return out;
  }

  /** Suspended, moved or deleted (404/410), for the removal check; see mastodonAccountStatus. */
  accountStatus(remoteIds: string[], signal?: AbortSignal): Promise<RemoteAccountStatus[]> {
    const source = { api: this.api, instanceHost: this.instanceHost, batchLookup: this.batchAccounts !== false };
    return readMastodonAccountStatus(source, remoteIds.map((remoteId) => ({ remoteId, id: this.id(remoteId) })), signal);
  }

  private relationship(rel: z.infer<typeof relationshipSchema>): MastodonRelationship {
    return {
      remoteId: mastodonRemoteId(this.instanceHost, rel.id),
      followsMe: rel.followedBy,
      iFollow: rel.following,
      followRef: null,
      gone: false,
      requested: rel.requested === true && !rel.following,
      note: rel.note ?? '',
    };
  }

  /**
   * Follows (or, for a locked account, asks to: `pending` until they approve). Mastodon unfollows
   * by account id, so there is no follow reference to keep.
   */
  async follow(remoteId: string, _idempotencyKey: string): Promise<{ followRef: string | null; pending: boolean }> {
    const answer = await this.api.v1.accounts.$select(this.id(remoteId)).follow();
    const rel = this.relationship(parseMastodonAnswer(relationshipSchema, answer, 'POST /api/v1/accounts/:id/follow'));
    return { followRef: null, pending: rel.requested };
  }

  /** Unfollows, or withdraws a pending request. Unfollowing someone we do not follow is a no-op. */
  async unfollow(remoteId: string, _followRef: string | null): Promise<void> {
    const answer = await this.api.v1.accounts.$select(this.id(remoteId)).unfollow();
    parseMastodonAnswer(relationshipSchema, answer, 'POST /api/v1/accounts/:id/unfollow');
  }

  /**
   * A personal message is a `visibility: direct` status that mentions the person (only mentioned
   * accounts receive it). The Idempotency-Key makes a re-send after a lost answer return the
   * status already posted instead of a second one.
   */
  async sendDm(remoteId: string, text: string, idempotencyKey: string): Promise<{ messageId: string }> {
    const body = text.trim();
    if (body.length === 0) throw new RapportError('INVALID_INPUT', 'The message is empty.');
    if (!idempotencyKey) throw new RapportError('INTERNAL', 'A direct message needs an idempotency key.');
    const id = this.id(remoteId);
    const acct = await this.acctOf(id);
    const mention = `@${acct}`;
    const status = new RegExp(`(^|\\s)${mention.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\s|$)`, 'i').test(body) ? body : `${mention} ${body}`;
    const answer = await this.api.v1.statuses.create(
      { status, visibility: 'direct' },
      { requestInit: { headers: { 'Idempotency-Key': idempotencyKey } } },
    );
    const posted = parseMastodonAnswer(statusSchema, answer, 'POST /api/v1/statuses');
    return { messageId: mastodonRemoteId(this.instanceHost, posted.id) };
  }

  private async acctOf(id: string): Promise<string> {
    const cached = this.acctCache.get(id);
    if (cached) return cached;
    const account = parseMastodonAnswer(accountSchema, await this.api.v1.accounts.$select(id).fetch(), 'GET /api/v1/accounts/:id');
    this.acctCache.set(id, account.acct);
    return account.acct;
  }

  /** Mirrors a Rapport note into Mastodon's private account note (needs the write:accounts scope). */
  async setNote(remoteId: string, comment: string): Promise<void> {
    const answer = await this.api.v1.accounts.$select(this.id(remoteId)).note.create({ comment });
    parseMastodonAnswer(relationshipSchema, answer, 'POST /api/v1/accounts/:id/note');
  }

  /** The Provider name for setNote: the outbox mirrors notes through it. */
  setPrivateNote(remoteId: string, text: string): Promise<void> {
    return this.setNote(remoteId, text.slice(0, MASTODON_PRIVATE_NOTE_MAX_CHARS));
  }

  /** People you follow who also follow each of these accounts (shared connections). */
  async familiarFollowers(remoteIds: string[], signal?: AbortSignal): Promise<FamiliarFollowers[]> {
    const out: FamiliarFollowers[] = [];
    for (const batch of chunks(remoteIds.map((r) => this.id(r)), MASTODON_ACCOUNT_BATCH)) {
      // masto types this endpoint's parameter as a bare array, which it would serialise wrongly.
      const answer = await this.rest.http.get<unknown>('/api/v1/accounts/familiar_followers', { id: batch }, { requestInit: { signal } });
      for (const entry of parseMastodonAnswer(familiarFollowersSchema, answer.data, 'GET /api/v1/accounts/familiar_followers')) {
        out.push({ remoteId: mastodonRemoteId(this.instanceHost, entry.id), accounts: entry.accounts.map((a) => this.profile(a)) });
      }
    }
    return out;
  }

  /** Avatars and custom emoji: https (loopback http in tests), raster images, at most 5 MiB. */
  fetchMedia(url: string, signal?: AbortSignal): Promise<FetchedMedia> {
    return downloadImage(this.media, url, { maxBytes: MASTODON_MEDIA_MAX_BYTES, signal });
  }
}
