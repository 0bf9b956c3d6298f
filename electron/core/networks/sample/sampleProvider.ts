// The sample network behind the Provider interface: the sync engine cannot tell it from a real
// network, so "Explore with sample data" exercises exactly the path Bluesky or Mastodon will.
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
  RemoteProfile,
  RemoteRelationship,
} from '../provider';
import { renderSampleAvatarPng } from './sampleAvatar';
import { buildSampleInteractions, sampleInteractionsPage } from './sampleInteractions';
import { SampleNetwork, type SampleNetworkConfig } from './sampleNetwork';
import {
  generateSamplePerson,
  generateSamplePosts,
  parseSampleRemoteId,
  type SamplePerson,
  type SamplePersonKey,
} from './samplePerson';
import { samplePolicy } from './samplePolicy';

export const SAMPLE_PAGE_MAX = 500;

export interface SampleProviderOptions extends SampleNetworkConfig {
  /** Wait this long before answering each list page, so a demo shows progress. */
  pageDelayMs?: number;
  /** Follows and unfollows already made on this account (sampleFollowLedger), oldest first. */
  follows?: ReadonlyMap<string, boolean>;
}

const CURSOR_PREFIX = 'off:';

function encodeCursor(offset: number): string {
  return `${CURSOR_PREFIX}${offset.toString(36)}`;
}

function decodeCursor(cursor: string | null): number {
  if (cursor === null) return 0;
  const offset = cursor.startsWith(CURSOR_PREFIX) ? parseInt(cursor.slice(CURSOR_PREFIX.length), 36) : NaN;
  if (!Number.isSafeInteger(offset) || offset < 0) throw new Error(`sample network: malformed cursor ${JSON.stringify(cursor)}`);
  return offset;
}

function abortError(): Error {
  const error = new Error('The operation was aborted');
  error.name = 'AbortError';
  return error;
}

function delay(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(abortError());
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export class SampleProvider implements Provider {
  readonly network = 'sample' as const;
  readonly capabilities: ProviderCapabilities = {
    pageMax: SAMPLE_PAGE_MAX,
    profileBatch: 100,
    canFollow: samplePolicy.canFollow,
    canDm: samplePolicy.canDm,
    listsCarryFullProfiles: true,
    limits: { dailyActions: samplePolicy.dailyActions },
  };
  readonly graph: SampleNetwork;
  private readonly pageDelayMs: number;
  /** Follows and unfollows made on top of the generated graph, which itself never changes. */
  private readonly followOverrides: Map<string, boolean>;
  private messageCounter = 0;
  /** Counts list requests, so tests can check that a resumed walk skipped what was done. */
  listRequests = 0;

  constructor(options: SampleProviderOptions) {
    this.graph = new SampleNetwork(options);
    this.pageDelayMs = options.pageDelayMs ?? 0;
    this.followOverrides = new Map(options.follows);
  }

  private get seed(): number {
    return this.graph.config.seed;
  }

  private person(key: SamplePersonKey) {
    return generateSamplePerson(this.seed, key, this.graph.config.anchorMs);
  }

  async getSelf(): Promise<RemoteProfile> {
    return {
      remoteId: `s${this.seed}-self`,
      handle: 'sample',
      displayName: 'Sample account',
      bio: 'A generated network to explore Rapport with. Nobody here is real.',
      bioHtml: null,
      avatarUrl: null,
      followersCount: this.graph.config.followers,
      followingCount: this.graph.config.following,
      postsCount: 0,
      joinedAt: new Date(this.graph.config.anchorMs).toISOString(),
      profileUrl: null,
    };
  }

  async listFollowers(cursor: string | null, limit: number, signal?: AbortSignal): Promise<RemotePage<RemoteEdge>> {
    const offset = decodeCursor(cursor);
    await delay(this.pageDelayMs, signal);
    this.listRequests++;
    const end = Math.min(offset + Math.min(limit, SAMPLE_PAGE_MAX), this.graph.config.followers);
    const items: RemoteEdge[] = [];
    for (let position = offset; position < end; position++) {
      const followedAtMs = this.graph.followerFollowedAt(position);
      const person = this.person(this.graph.followerAt(position));
      items.push({ profile: clampJoinDate(person, followedAtMs), followedAt: new Date(followedAtMs).toISOString() });
    }
    return { items, cursor: end < this.graph.config.followers ? encodeCursor(end) : null };
  }

  async listFollowing(cursor: string | null, limit: number, signal?: AbortSignal): Promise<RemotePage<RemoteEdge>> {
    const offset = decodeCursor(cursor);
    await delay(this.pageDelayMs, signal);
    this.listRequests++;
    const total = this.graph.config.following;
    const end = Math.min(offset + Math.min(limit, SAMPLE_PAGE_MAX), total);
    const items: RemoteEdge[] = [];
    if (offset === 0) {
      // Accounts followed through Rapport sit at the head of the list, newest first.
      for (const [remoteId, follows] of [...this.followOverrides].reverse()) {
        const key = parseSampleRemoteId(this.seed, remoteId);
        if (follows && key && !this.graph.iFollow(key)) {
          items.push({ profile: this.person(key).profile, followedAt: null, followRef: `follow:${remoteId}` });
        }
      }
    }
    for (let position = offset; position < end; position++) {
      const person = this.person(this.graph.followingAt(position));
      const profile = person.profile;
      if (this.followOverrides.get(profile.remoteId) === false) continue;
      const followedAtMs = this.graph.followingFollowedAt(position);
      items.push({
        profile: clampJoinDate(person, followedAtMs),
        followedAt: new Date(followedAtMs).toISOString(),
        followRef: `follow:${profile.remoteId}`,
      });
    }
    return { items, cursor: end < total ? encodeCursor(end) : null };
  }

  async getProfiles(remoteIds: string[]): Promise<RemoteProfile[]> {
    const profiles: RemoteProfile[] = [];
    for (const remoteId of remoteIds.slice(0, this.capabilities.profileBatch)) {
      const key = parseSampleRemoteId(this.seed, remoteId);
      if (key) profiles.push(this.person(key).profile);
    }
    return profiles;
  }

  private interactions: RemoteInteraction[] | null = null;

  async listInteractions(position: InteractionsPosition, signal?: AbortSignal): Promise<InteractionsPage> {
    await delay(this.pageDelayMs, signal);
    this.interactions ??= buildSampleInteractions(this.graph);
    return sampleInteractionsPage(this.interactions, position);
  }

  async getRecentPosts(remoteId: string, limit: number): Promise<RemotePost[]> {
    const key = parseSampleRemoteId(this.seed, remoteId);
    if (!key) return [];
    return generateSamplePosts(this.seed, this.person(key), key, this.graph.config.anchorMs, limit);
  }

  async getRelationships(remoteIds: string[]): Promise<RemoteRelationship[]> {
    return remoteIds.map((remoteId) => {
      const key = parseSampleRemoteId(this.seed, remoteId);
      if (!key) return { remoteId, followsMe: false, iFollow: false, followRef: null, gone: true };
      const iFollow = this.followOverrides.get(remoteId) ?? this.graph.iFollow(key);
      return {
        remoteId,
        followsMe: this.graph.followsMe(key),
        iFollow,
        followRef: iFollow ? `follow:${remoteId}` : null,
        gone: false,
      };
    });
  }

  /** Everyone the sample network ever generated stays active; an id it cannot read never existed. */
  async accountStatus(remoteIds: string[]): Promise<RemoteAccountStatus[]> {
    return remoteIds.map((remoteId) => ({ remoteId, state: parseSampleRemoteId(this.seed, remoteId) ? 'active' : 'deleted' }));
  }

  async follow(remoteId: string, _idempotencyKey: string): Promise<{ followRef: string | null; pending: boolean }> {
    this.requireKnown(remoteId);
    this.followOverrides.delete(remoteId);
    this.followOverrides.set(remoteId, true);
    return { followRef: `follow:${remoteId}`, pending: false };
  }

  async unfollow(remoteId: string, _followRef: string | null): Promise<void> {
    this.requireKnown(remoteId);
    this.followOverrides.delete(remoteId);
    this.followOverrides.set(remoteId, false);
  }

  async sendDm(remoteId: string, _text: string, _idempotencyKey: string): Promise<{ messageId: string }> {
    this.requireKnown(remoteId);
    this.messageCounter++;
    return { messageId: `dm-${this.messageCounter}` };
  }

  async fetchMedia(url: string): Promise<FetchedMedia> {
    const match = /^sample:\/\/avatar\/(.+)$/.exec(url);
    const key = match ? parseSampleRemoteId(this.seed, match[1] as string) : null;
    if (!key) throw new Error(`sample network: no media at ${url}`);
    return { bytes: renderSampleAvatarPng(this.person(key)), contentType: 'image/png' };
  }

  private requireKnown(remoteId: string): void {
    if (!parseSampleRemoteId(this.seed, remoteId)) throw new Error(`sample network: unknown account ${remoteId}`);
  }
}

/** A person cannot have followed before they joined; pull the join date back when needed. */
function clampJoinDate(person: SamplePerson, followedAtMs: number): RemoteProfile {
  if (person.joinedAtMs <= followedAtMs) return person.profile;
  return { ...person.profile, joinedAt: new Date(followedAtMs - 7 * 86_400_000).toISOString() };
}
