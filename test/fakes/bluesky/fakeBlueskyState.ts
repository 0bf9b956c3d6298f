// The fake network's in-memory world: actors, the signed-in account's follower and follow edges,
// follow records, and chat. Edges carry an increasing sequence number so cursors stay valid while
// tests add or remove followers at runtime (lists are newest first, like the real AppView).
import { fakeCid, fakeDid, fakeTid, seededRandom } from './fakeBlueskyIds';

/**
 * As the AppView sees an account: deactivated (the owner can come back), takendown (moderation;
 * getRepoStatus says takendown or suspended) or deleted (the repo is gone, "Profile not found").
 */
export type ActorStatus = 'active' | 'deactivated' | 'takendown' | 'deleted';
/** Who may open a chat with this actor (chat.bsky.actor.declaration allowIncoming). */
export type AllowIncoming = 'all' | 'following' | 'none';

export interface FakeActor {
  did: string;
  handle: string;
  displayName: string;
  description: string;
  createdAt: string;
  followersCount: number;
  followsCount: number;
  postsCount: number;
  status: ActorStatus;
  allowIncoming: AllowIncoming;
}

export interface FakeEdge {
  seq: number;
  did: string;
  /** The follow record's rkey in the follower's repo (theirs for followers, ours for follows). */
  rkey: string;
  createdAt: string;
}

export interface FakeMessage {
  id: string;
  convoId: string;
  senderDid: string;
  text: string;
  sentAt: string;
}

/**
 * One notification of the signed-in account (app.bsky.notification.listNotifications#notification).
 * `reason` is a plain string: the AppView adds reasons over time (starterpack-joined, verified…).
 */
export interface FakeNotification {
  seq: number;
  reason: string;
  authorDid: string;
  /** The notification's record: the reply or like itself, in the author's repo. */
  uri: string;
  /** The post of mine it concerns (likes, reposts, replies, quotes). */
  reasonSubject?: string;
  /** Text of a reply, mention or quote. */
  text?: string;
  indexedAt: string;
}

export interface GenerateOptions {
  followers: number;
  follows: number;
  /** Share of follows that are also followers (mutuals). Default 0.3. */
  mutualShare?: number;
  /** Reseeds names, dates and counts; DIDs and record keys follow creation order regardless. */
  seed?: number;
  /**
   * Every n-th follower (1 = all) is also followed by some of the people I follow, so full
   * profiles carry viewer.knownFollowers. Default: none.
   */
  knownFollowersEvery?: number;
}

const WORDS = ['river', 'maple', 'orbit', 'cinder', 'quartz', 'harbor', 'meadow', 'pixel', 'lumen', 'ember', 'atlas', 'fable'];
/** Account creation dates to pick from (precomputed: formatting dates dominated generation). */
const JOIN_DAYS = Array.from({ length: 600 }, (_, day) => new Date(Date.UTC(2023, 0, 1) + day * 86_400_000).toISOString());
const BASE_MICROS = 1_700_000_000_000_000;
/** Follow edges are stamped a minute apart from here, so follow times decode from their rkeys. */
const EDGE_EPOCH_MS = Date.UTC(2024, 0, 1);

export class FakeBlueskyState {
  readonly self: FakeActor;
  readonly password: string;
  readonly email: string;
  readonly actors = new Map<string, FakeActor>();
  /** Actors whose feed starts with a post a broken server sent (no uri, cid or date): opt-in. */
  readonly brokenFirstPost = new Set<string>();
  private readonly handles = new Map<string, string>();
  /** Oldest first; pages read from the end. */
  readonly followers: FakeEdge[] = [];
  readonly follows: FakeEdge[] = [];
  readonly messages: FakeMessage[] = [];
  /** My notifications, oldest first (listNotifications reads from the end). */
  readonly notifications: FakeNotification[] = [];
  // Indexes so profile views (which show the viewer's follow state) stay O(1) on 100k graphs.
  private readonly followerByDid = new Map<string, FakeEdge>();
  private readonly followsByDid = new Map<string, FakeEdge[]>();
  readonly convos = new Map<string, string>();
  /** Per actor, DIDs of people I follow who follow them (the AppView's knownFollowers). */
  private readonly knownFollowersByDid = new Map<string, string[]>();
  private seq = 0;
  private actorCounter = 0;
  private random: () => number;

  constructor(options: { handle?: string; password?: string; email?: string; seed?: number } = {}) {
    this.random = seededRandom(options.seed ?? 1);
    this.password = options.password ?? 'abcd-efgh-ijkl-mnop';
    this.email = options.email ?? 'me@example.com';
    this.self = this.createActor({ handle: options.handle ?? 'me.bsky.social', displayName: 'Me' });
  }

  nextSeq(): number {
    return ++this.seq;
  }

  tidFor(seq: number): string {
    return fakeTid(BASE_MICROS + seq * 1000, seq % 1024);
  }

  /** A follow edge whose record key is a TID of its creation time, as on the real network. */
  private newEdge(did: string): FakeEdge {
    const seq = this.nextSeq();
    const ms = EDGE_EPOCH_MS + seq * 60_000;
    return { seq, did, rkey: fakeTid(ms * 1000, seq % 1024), createdAt: new Date(ms).toISOString() };
  }

  createActor(overrides: Partial<FakeActor> = {}): FakeActor {
    const n = ++this.actorCounter;
    const word = WORDS[Math.floor(this.random() * WORDS.length)] ?? 'river';
    const actor: FakeActor = {
      did: fakeDid(n),
      handle: `${word}-${n}.bsky.social`,
      displayName: `${word[0]?.toUpperCase()}${word.slice(1)} ${n}`,
      description: `Writes about ${word}s and ${WORDS[n % WORDS.length]}s. Person number ${n}.`,
      createdAt: JOIN_DAYS[Math.floor(this.random() * JOIN_DAYS.length)]!,
      followersCount: Math.floor(this.random() * 5000),
      followsCount: Math.floor(this.random() * 2000),
      postsCount: 3 + Math.floor(this.random() * 400),
      status: 'active',
      allowIncoming: 'all',
      ...overrides,
    };
    this.actors.set(actor.did, actor);
    this.handles.set(actor.handle, actor.did);
    return actor;
  }

  resolve(identifier: string): FakeActor | null {
    const did = identifier.startsWith('did:') ? identifier : this.handles.get(identifier.toLowerCase());
    return did ? (this.actors.get(did) ?? null) : null;
  }

  /** Builds a large graph quickly: `followers` followers and `follows` follows, some mutual. */
  generate(options: GenerateOptions): void {
    if (options.seed !== undefined) this.random = seededRandom(options.seed);
    const mutual = Math.min(options.follows, Math.round(options.followers * (options.mutualShare ?? 0.3)));
    const followerActors: FakeActor[] = [];
    for (let i = 0; i < options.followers; i++) followerActors.push(this.createActor());
    for (const actor of followerActors) this.addFollowerEdge(actor.did);
    for (let i = 0; i < options.follows; i++) {
      const target = i < mutual ? followerActors[followerActors.length - 1 - i] : undefined;
      this.addFollowEdge((target ?? this.createActor()).did);
    }
    const every = options.knownFollowersEvery ?? 0;
    if (every > 0 && this.follows.length > 0) {
      for (let i = 0; i < followerActors.length; i += every) {
        // 1 to 8 of my follows, so some counts exceed the 5 names a view carries.
        const count = Math.min(this.follows.length, 1 + (i % 8));
        const start = i % this.follows.length;
        const known = Array.from({ length: count }, (_, k) => this.follows[(start + k) % this.follows.length]!.did);
        this.setKnownFollowers(followerActors[i]!.did, known);
      }
    }
  }

  /** Says that these people (whom I follow) follow `did`; an empty list clears it. */
  setKnownFollowers(did: string, followedBy: string[]): void {
    if (followedBy.length === 0) this.knownFollowersByDid.delete(did);
    else this.knownFollowersByDid.set(did, [...followedBy]);
  }

  knownFollowersOf(did: string): string[] {
    return this.knownFollowersByDid.get(did) ?? [];
  }

  /** New followers, each newer than every existing one. */
  addFollowers(count: number): FakeActor[] {
    const added: FakeActor[] = [];
    for (let i = 0; i < count; i++) {
      const actor = this.createActor();
      this.addFollowerEdge(actor.did);
      added.push(actor);
    }
    return added;
  }

  addFollowerEdge(did: string): FakeEdge {
    const edge = this.newEdge(did);
    this.followers.push(edge);
    this.followerByDid.set(did, edge);
    this.self.followersCount = this.followers.length;
    return edge;
  }

  addFollowEdge(did: string): FakeEdge {
    const edge = this.newEdge(did);
    this.follows.push(edge);
    this.followsByDid.set(did, [...(this.followsByDid.get(did) ?? []), edge]);
    this.self.followsCount = this.follows.length;
    return edge;
  }

  removeFollowers(dids: string[]): void {
    const drop = new Set(dids);
    for (let i = this.followers.length - 1; i >= 0; i--) {
      if (drop.has(this.followers[i]?.did ?? '')) this.followers.splice(i, 1);
    }
    for (const did of drop) this.followerByDid.delete(did);
    this.self.followersCount = this.followers.length;
  }

  removeFollowRecord(rkey: string): boolean {
    const index = this.follows.findIndex((e) => e.rkey === rkey);
    const edge = this.follows[index];
    if (!edge) return false;
    this.follows.splice(index, 1);
    const remaining = (this.followsByDid.get(edge.did) ?? []).filter((e) => e !== edge);
    if (remaining.length > 0) this.followsByDid.set(edge.did, remaining);
    else this.followsByDid.delete(edge.did);
    this.self.followsCount = this.follows.length;
    return true;
  }

  setStatus(did: string, status: ActorStatus): void {
    const actor = this.actors.get(did);
    if (!actor) throw new Error(`fake bluesky: no actor ${did}`);
    actor.status = status;
  }

  followerEdge(did: string): FakeEdge | undefined {
    return this.followerByDid.get(did);
  }

  /** Our follow records of `did` (the real PDS allows duplicates, which is what tests look for). */
  followRecordsOf(did: string): FakeEdge[] {
    return this.followsByDid.get(did) ?? [];
  }

  followerUri(edge: FakeEdge): string {
    return `at://${edge.did}/app.bsky.graph.follow/${edge.rkey}`;
  }

  followUri(edge: FakeEdge): string {
    return `at://${this.self.did}/app.bsky.graph.follow/${edge.rkey}`;
  }

  /**
   * A notification from `authorDid`, newer than every other; at `indexedAt` or a minute after the
   * previous one. Likes, reposts, replies and quotes concern one of my posts.
   */
  addNotification(reason: string, authorDid: string, options: { text?: string; indexedAt?: string } = {}): FakeNotification {
    const seq = this.nextSeq();
    const collection = reason === 'like' ? 'app.bsky.feed.like' : reason === 'repost' ? 'app.bsky.feed.repost' : reason === 'follow' ? 'app.bsky.graph.follow' : 'app.bsky.feed.post';
    const previous = this.notifications[this.notifications.length - 1];
    const at = options.indexedAt ?? new Date((previous ? Date.parse(previous.indexedAt) : Date.UTC(2026, 0, 1)) + 60_000).toISOString();
    const concernsPost = ['like', 'repost', 'reply', 'quote'].includes(reason);
    const notification: FakeNotification = {
      seq,
      reason,
      authorDid,
      uri: `at://${authorDid}/${collection}/${this.tidFor(seq)}`,
      ...(concernsPost ? { reasonSubject: `at://${this.self.did}/app.bsky.feed.post/${this.tidFor(seq + 1_000_000)}` } : {}),
      ...(options.text !== undefined ? { text: options.text } : {}),
      indexedAt: at,
    };
    this.notifications.push(notification);
    return notification;
  }

  /** Recent posts, generated from the DID so every call answers the same; every third is a reply. */
  postsOf(actor: FakeActor, count: number): Array<{ uri: string; cid: string; text: string; createdAt: string; isReply: boolean }> {
    const posts = [];
    for (let i = 0; i < Math.min(count, actor.postsCount); i++) {
      const rkey = fakeTid(BASE_MICROS + 1e12 - i * 3_600_000_000, i);
      const uri = `at://${actor.did}/app.bsky.feed.post/${rkey}`;
      posts.push({
        uri,
        cid: fakeCid(uri),
        text: `Post ${i + 1} by ${actor.displayName}: thinking about ${WORDS[i % WORDS.length]}.`,
        createdAt: new Date(Date.UTC(2025, 5, 1) - i * 3_600_000).toISOString(),
        isReply: i % 3 === 2,
      });
    }
    return posts;
  }
}
