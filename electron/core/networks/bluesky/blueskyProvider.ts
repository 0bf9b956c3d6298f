// Bluesky behind the Provider interface, over @atproto/api with our HTTP layer underneath (rate
// limits, retries, counting) and zod on every answer. Writes (follow, unfollow, DM) are sent once:
// after an ambiguous failure the outbox checks getRelationships before trying again.
import { Agent, XRPCError } from '@atproto/api';
import type { z } from 'zod';
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
  UnreadableItem,
} from '../provider';
import { toRapportError } from './blueskyCallErrors';
import { notificationsPageSchema, toInteractionsPage } from './blueskyInteractions';
import { parseAnswer } from './blueskyErrors';
import { parseAtUri, toFollowerEdge, toFollowingEdge, toRemoteProfile } from './blueskyMapping';
import { readListAnswer, refusedAnswerBody, type ItemLexicon, type ReadItems } from './blueskyItemReader';
import {
  convoAvailabilitySchema,
  convoSchema,
  createdRecordSchema,
  feedSchema,
  messageViewSchema,
  profileViewDetailedSchema,
  profileViewSchema,
  relationshipsSchema,
} from './blueskySchemas';
import type { BlueskySession } from './blueskySession';
import { blueskyPolicy } from './blueskyPolicy';

export const BLUESKY_PAGE_MAX = 100;
export const BLUESKY_PROFILE_BATCH = 25;
export const BLUESKY_RELATIONSHIP_BATCH = 30;
export const BLUESKY_FEED_LIMIT = 20;
export const BLUESKY_MEDIA_MAX_BYTES = 5 * 1024 * 1024;
const FOLLOW_COLLECTION = 'app.bsky.graph.follow';
const CHAT_SERVICE_DID = 'did:web:api.bsky.chat';

/** What getProfile's answer says of one account (the AppView names deactivation and takedown). */
export type BlueskyAccountState = 'active' | 'deactivated' | 'takendown' | 'deleted';

export interface BlueskyProviderOptions {
  session: BlueskySession;
  http: HttpClient;
  /** Avatars and banners go through core's media client (no retries, public hosts only); default `http`. */
  media?: HttpClient;
  /** Default per-day follow/unfollow/DM budget; far below Bluesky's write limits. */
  dailyActions?: number;
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const PROFILE_VIEW = { lexicon: 'app.bsky.actor.defs#profileView', schema: profileViewSchema } as const;
const FEED_ITEM = { lexicon: null, schema: feedSchema.shape.feed.element };
const PROFILE_VIEW_DETAILED = { lexicon: 'app.bsky.actor.defs#profileViewDetailed', schema: profileViewDetailedSchema } as const;

export class BlueskyProvider implements Provider {
  readonly network = 'bluesky' as const;
  readonly capabilities: ProviderCapabilities;
  private readonly session: BlueskySession;
  private readonly http: HttpClient;
  private readonly media: HttpClient;
  private readonly agent: Agent;
  private readonly chat: Agent;

  constructor(options: BlueskyProviderOptions) {
    this.session = options.session;
    this.http = options.http;
    this.media = options.media ?? options.http;
    this.agent = new Agent(options.session);
    this.chat = this.agent.withProxy('bsky_chat', CHAT_SERVICE_DID);
    this.capabilities = {
      pageMax: BLUESKY_PAGE_MAX,
      profileBatch: BLUESKY_PROFILE_BATCH,
      canFollow: blueskyPolicy.canFollow,
      canDm: blueskyPolicy.canDm,
      listsCarryFullProfiles: false,
      limits: { dailyActions: options.dailyActions ?? blueskyPolicy.dailyActions },
    };
  }

  private get self(): string {
    const did = this.session.did;
    if (!did) throw new RapportError('AUTH_EXPIRED', 'Your Bluesky session has ended. Sign in again with your app password.');
    return did;
  }

  /** Runs one XRPC call and validates its answer; any failure becomes a RapportError. */
  private async call<T>(method: string, schema: z.ZodType<T>, run: () => Promise<{ data: unknown }>, signal?: AbortSignal): Promise<T> {
    let data: unknown;
    try {
      data = (await run()).data;
    } catch (error) {
      // @atproto/xrpc wraps an abort too; the caller expects its own reason back.
      if (signal?.aborted) throw signal.reason;
      throw toRapportError(error, method);
    }
    return parseAnswer(schema, data, method);
  }

  /**
   * Like call, for answers made of a list of profiles: one profile outside the lexicon is cut,
   * stripped or left out (and reported) instead of failing the page (see blueskyItemReader).
   */
  private async callList<T>(
    method: string,
    key: string,
    item: { lexicon: ItemLexicon | null; schema: z.ZodType<T> },
    run: () => Promise<{ data: unknown }>,
    signal?: AbortSignal,
  ): Promise<ReadItems<T> & { cursor: string | null }> {
    let data: unknown;
    let refused = false;
    try {
      data = (await run()).data;
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      data = refusedAnswerBody(error);
      if (data === undefined) throw toRapportError(error, method);
      refused = true;
    }
    return readListAnswer(data, key, item.lexicon, item.schema, refused, method);
  }

  async getSelf(): Promise<RemoteProfile> {
    const actor = this.self;
    const view = await this.call('app.bsky.actor.getProfile', profileViewDetailedSchema, () => this.agent.app.bsky.actor.getProfile({ actor }));
    return toRemoteProfile(view);
  }

  async listFollowers(cursor: string | null, limit: number, signal?: AbortSignal): Promise<RemotePage<RemoteEdge>> {
    const actor = this.self;
    const page = await this.callList(
      'app.bsky.graph.getFollowers',
      'followers',
      PROFILE_VIEW,
      () => this.agent.app.bsky.graph.getFollowers({ actor, limit: clampLimit(limit), cursor: cursor ?? undefined }, { signal }),
      signal,
    );
    // The reference server answers the end of a list with an empty page that still has a cursor.
    const sent = page.items.length + page.unreadable.length;
    return { items: page.items.map(toFollowerEdge), cursor: sent > 0 ? page.cursor : null, unreadable: page.unreadable };
  }

  async listFollowing(cursor: string | null, limit: number, signal?: AbortSignal): Promise<RemotePage<RemoteEdge>> {
    const actor = this.self;
    const page = await this.callList(
      'app.bsky.graph.getFollows',
      'follows',
      PROFILE_VIEW,
      () => this.agent.app.bsky.graph.getFollows({ actor, limit: clampLimit(limit), cursor: cursor ?? undefined }, { signal }),
      signal,
    );
    const sent = page.items.length + page.unreadable.length;
    return { items: page.items.map(toFollowingEdge), cursor: sent > 0 ? page.cursor : null, unreadable: page.unreadable };
  }

  /**
   * Full profiles with counts, 25 per request. Like Bluesky itself, accounts that are
   * deactivated, taken down or deleted are simply absent; getRelationships says `gone`.
   */
  async getProfiles(remoteIds: string[], signal?: AbortSignal): Promise<RemoteProfile[]> {
    const out: RemoteProfile[] = [];
    for (const actors of chunks(remoteIds, BLUESKY_PROFILE_BATCH)) {
      const answer = await this.callList(
        'app.bsky.actor.getProfiles',
        'profiles',
        PROFILE_VIEW_DETAILED,
        () => this.agent.app.bsky.actor.getProfiles({ actors }, { signal }),
        signal,
      );
      // A profile kept with fields cut says so; one left out is simply absent, like a missing account.
      const cut = new Map(answer.unreadable.map((item) => [item.remoteId, item]));
      for (const view of answer.items) {
        const unreadable = cut.get(view.did);
        out.push(unreadable ? { ...toRemoteProfile(view), unreadable } : toRemoteProfile(view));
      }
    }
    return out;
  }

  /**
   * Why an account cannot be seen: getProfile answers 400 AccountDeactivated or AccountTakedown,
   * and 400 InvalidRequest "Profile not found" once the account is deleted. (getRelationships is no
   * help: the AppView still reports a deactivated or deleted follower's follow as normal.)
   */
  async getAccountStatus(remoteId: string, signal?: AbortSignal): Promise<BlueskyAccountState> {
    try {
      await this.agent.app.bsky.actor.getProfile({ actor: remoteId }, { signal });
      return 'active';
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      if (error instanceof XRPCError) {
        if (error.error === 'AccountDeactivated') return 'deactivated';
        if (error.error === 'AccountTakedown') return 'takendown';
        if (error.status === 400 && error.error === 'InvalidRequest') return 'deleted';
      }
      throw toRapportError(error, 'app.bsky.actor.getProfile');
    }
  }

  /**
   * Accounts getProfiles returns are active; only the ones it leaves out cost a getProfile each,
   * whose error names the reason.
   */
  async accountStatus(remoteIds: string[], signal?: AbortSignal): Promise<RemoteAccountStatus[]> {
    const listed = new Set((await this.getProfiles(remoteIds, signal)).map((p) => p.remoteId));
    const out: RemoteAccountStatus[] = [];
    for (const remoteId of remoteIds) {
      out.push({ remoteId, state: listed.has(remoteId) ? 'active' : await this.getAccountStatus(remoteId, signal) });
    }
    return out;
  }

  async getRecentPosts(remoteId: string, limit: number, signal?: AbortSignal, onUnreadable?: (items: UnreadableItem[]) => void): Promise<RemotePost[]> {
    const answer = await this.callList(
      'app.bsky.feed.getAuthorFeed',
      'feed',
      FEED_ITEM,
      () =>
        this.agent.app.bsky.feed.getAuthorFeed(
          { actor: remoteId, limit: Math.max(1, Math.min(limit || BLUESKY_FEED_LIMIT, 100)), filter: 'posts_no_replies' },
          { signal },
        ),
      signal,
    );
    if (answer.unreadable.length > 0) onUnreadable?.(answer.unreadable);
    return answer.items.map(({ post, reason }) => ({
      remoteId: post.uri,
      text: post.record.text ?? '',
      html: null,
      createdAt: post.record.createdAt ?? post.indexedAt,
      isReply: post.record.reply !== undefined,
      isRepost: reason?.$type === 'app.bsky.feed.defs#reasonRepost',
    }));
  }

  /** My notifications, newest first (blueskyInteractions reads each item on its own). */
  async listInteractions(position: InteractionsPosition, signal?: AbortSignal): Promise<InteractionsPage> {
    const method = 'app.bsky.notification.listNotifications';
    let data: unknown;
    try {
      data = (await this.agent.app.bsky.notification.listNotifications({ limit: BLUESKY_PAGE_MAX, cursor: position.cursor ?? undefined }, { signal })).data;
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      // @atproto/api refuses a whole page for one item outside the lexicon; its body is read item by item.
      data = refusedAnswerBody(error);
      if (data === undefined) throw toRapportError(error, method);
    }
    return toInteractionsPage(parseAnswer(notificationsPageSchema, data, method));
  }

  async getRelationships(remoteIds: string[], signal?: AbortSignal): Promise<RemoteRelationship[]> {
    const actor = this.self;
    const out: RemoteRelationship[] = [];
    for (const others of chunks(remoteIds, BLUESKY_RELATIONSHIP_BATCH)) {
      const answer = await this.call(
        'app.bsky.graph.getRelationships',
        relationshipsSchema,
        () => this.agent.app.bsky.graph.getRelationships({ actor, others }, { signal }),
        signal,
      );
      for (const rel of answer.relationships) {
        if (rel.$type === 'app.bsky.graph.defs#notFoundActor') {
          // Deactivated, taken down or deleted: not an unfollow.
          out.push({ remoteId: rel.actor, followsMe: false, iFollow: false, followRef: null, gone: true });
        } else {
          out.push({ remoteId: rel.did, followsMe: rel.followedBy !== undefined, iFollow: rel.following !== undefined, followRef: rel.following ?? null, gone: false });
        }
      }
    }
    return out;
  }

  /**
   * Creates one follow record. Sent once: a lost answer surfaces as an error whose
   * `details.ambiguous` is true, and the caller looks at getRelationships before any retry.
   */
  async follow(remoteId: string, _idempotencyKey: string): Promise<{ followRef: string | null; pending: boolean }> {
    const repo = this.self;
    const created = await this.call('com.atproto.repo.createRecord', createdRecordSchema, () =>
      this.agent.com.atproto.repo.createRecord({
        repo,
        collection: FOLLOW_COLLECTION,
        record: { $type: FOLLOW_COLLECTION, subject: remoteId, createdAt: new Date().toISOString() },
      }),
    );
    return { followRef: created.uri, pending: false };
  }

  /** Deletes our follow record; without a stored reference, looks it up first. */
  async unfollow(remoteId: string, followRef: string | null): Promise<void> {
    const repo = this.self;
    let ref = followRef;
    if (ref === null) {
      const [relationship] = await this.getRelationships([remoteId]);
      ref = relationship?.followRef ?? null;
      if (ref === null) return; // not following: nothing to undo
    }
    const parts = parseAtUri(ref);
    if (!parts || parts.collection !== FOLLOW_COLLECTION || parts.repo !== repo) {
      throw new RapportError('INVALID_INPUT', 'The stored follow reference is not one of your Bluesky follow records.');
    }
    try {
      await this.agent.com.atproto.repo.deleteRecord({ repo, collection: FOLLOW_COLLECTION, rkey: parts.rkey });
    } catch (error) {
      throw toRapportError(error, 'com.atproto.repo.deleteRecord');
    }
  }

  /**
   * getConvoAvailability → getConvoForMembers → sendMessage, through the chat proxy. When the
   * recipient's settings refuse us, getConvoForMembers names the reason, which becomes the
   * sentence the user reads.
   */
  async sendDm(remoteId: string, text: string, _idempotencyKey: string): Promise<{ messageId: string }> {
    const body = text.trim();
    if (body.length === 0) throw new RapportError('INVALID_INPUT', 'The message is empty.');
    const availability = await this.call('chat.bsky.convo.getConvoAvailability', convoAvailabilitySchema, () =>
      this.chat.chat.bsky.convo.getConvoAvailability({ members: [remoteId] }),
    );
    let convoId = availability.canChat ? availability.convo?.id : undefined;
    if (!convoId) {
      const answer = await this.call('chat.bsky.convo.getConvoForMembers', convoSchema, () =>
        this.chat.chat.bsky.convo.getConvoForMembers({ members: [remoteId] }),
      );
      convoId = answer.convo.id;
    }
    const id = convoId;
    const sent = await this.call('chat.bsky.convo.sendMessage', messageViewSchema, () =>
      this.chat.chat.bsky.convo.sendMessage({ convoId: id, message: { text: body } }),
    );
    return { messageId: sent.id };
  }

  /** An avatar or banner: https (or loopback in tests), raster image types, at most 5 MiB. */
  fetchMedia(url: string, signal?: AbortSignal): Promise<FetchedMedia> {
    return downloadImage(this.media, url, { maxBytes: BLUESKY_MEDIA_MAX_BYTES, signal });
  }

}

function clampLimit(limit: number): number {
  return Math.max(1, Math.min(Math.floor(limit) || BLUESKY_PAGE_MAX, BLUESKY_PAGE_MAX));
}
