// The fake instance's in-memory world: accounts (local and "remote", all with instance-local ids),
// the signed-in user's follower and following edges with increasing follow ids (Mastodon
// paginates these lists by the follow's id, newest first), pending follow requests to locked
// accounts, posts, direct messages with their Idempotency-Keys, and private notes.
import { hostilePayloads, HOSTILE_EMOJIS, type HostilePayload } from './hostileContent';
import { mulberry32 as seededRandom } from '../../../electron/core/networks/sample/seededRandom';

export interface FakeEmoji {
  shortcode: string;
  url: string;
  static_url: string;
  visible_in_picker: boolean;
}

export interface FakeField {
  name: string;
  value: string;
  verified_at: string | null;
}

export interface FakeMastodonAccount {
  id: string;
  username: string;
  /** user for local accounts, user@domain for remote ones. */
  acct: string;
  displayName: string;
  /** HTML, as Mastodon renders bios. */
  note: string;
  locked: boolean;
  bot: boolean;
  createdAt: string;
  followersCount: number;
  followingCount: number;
  statusesCount: number;
  emojis: FakeEmoji[];
  fields: FakeField[];
  suspended: boolean;
  /** A suspension whose data is gone ("permanently unavailable"): GET /api/v1/accounts/:id answers 410. */
  suspensionFinal?: boolean;
  /** Deleted: every endpoint answers 404 and lists, lookups and relationships leave it out. */
  deleted?: boolean;
  /** Id of the account this one moved to (the API's `moved`); it stays in lists. */
  movedTo?: string | null;
  /** Path of the header image on the fake (e.g. /avatars/header.png); absent: Mastodon's missing.png. */
  header?: string | null;
  /** Accounts (ids) that follow this one, for familiar_followers. */
  followedBy: Set<string>;
  posts: FakeStatus[] | null;
}

export interface FakeStatus {
  id: string;
  accountId: string;
  content: string;
  createdAt: string;
  visibility: 'public' | 'unlisted' | 'private' | 'direct';
  inReplyToId: string | null;
  reblogOf: string | null;
  /** Accounts mentioned (direct messages reach these). */
  mentions: string[];
}

/** One notification of the signed-in user (GET /api/v1/notifications). `type` is any string: servers add types. */
export interface FakeNotification {
  id: string;
  type: string;
  accountId: string;
  /** The status it concerns: theirs for mention/status/quote, mine for favourite/reblog. */
  status: FakeStatus | null;
  /** For a mention: whether their status replies to one of mine. */
  repliesToMe: boolean;
  createdAt: string;
}

export interface FakeEdge {
  followId: number;
  accountId: string;
}

export interface GenerateMastodonOptions {
  followers: number;
  following?: number;
  /** Share of following who also follow back. Default 0.3. */
  mutualShare?: number;
  /** Share of generated accounts that are locked (approve followers by hand). Default 0.1. */
  lockedShare?: number;
  /** Put the hostile payloads into the first followers' bios, names, fields and posts. */
  hostile?: boolean;
  seed?: number;
}

const WORDS = ['river', 'maple', 'orbit', 'cinder', 'quartz', 'harbor', 'meadow', 'pixel', 'lumen', 'ember', 'atlas', 'fable'];
const DOMAINS = ['mastodon.social', 'fosstodon.org', 'hachyderm.io', 'mas.to', null, null];
const JOIN_DAYS = Array.from({ length: 600 }, (_, day) => new Date(Date.UTC(2022, 10, 1) + day * 86_400_000).toISOString());


export class FakeMastodonState {
  readonly domain: string;
  readonly self: FakeMastodonAccount;
  readonly accounts = new Map<string, FakeMastodonAccount>();
  /** Accounts whose statuses start with one a broken server sent (no date, no account): opt-in. */
  readonly brokenFirstStatus = new Set<string>();
  /** Oldest first; pages read from the end. */
  readonly followers: FakeEdge[] = [];
  readonly following: FakeEdge[] = [];
  /** Our pending follow requests to locked accounts: account id → request follow id. */
  readonly pendingRequests = new Map<string, number>();
  /** Statuses the signed-in user posted (direct messages included). */
  readonly posted: FakeStatus[] = [];
  /** Idempotency-Key → status id, as Mastodon keeps them (per user) for a while. */
  readonly idempotency = new Map<string, string>();
  /** Private notes the user wrote on accounts. */
  readonly notes = new Map<string, string>();
  private readonly followerIndex = new Map<string, FakeEdge>();
  private readonly followingIndex = new Map<string, FakeEdge>();
  private nextAccount = 1;
  private nextFollow = 1;
  private nextStatus = 1;
  private nextNotification = 1;
  /** My notifications, oldest first (pages read from the end). */
  readonly notifications: FakeNotification[] = [];
  /** The query string of each GET /api/v1/notifications, so tests can see since_id and max_id. */
  readonly notificationQueries: string[] = [];
  private random: () => number;

  constructor(options: { username?: string; domain?: string; seed?: number } = {}) {
    this.random = seededRandom(options.seed ?? 1);
    this.domain = options.domain ?? 'fake.mastodon.test';
    this.self = this.createAccount({ username: options.username ?? 'me', displayName: 'Me', domain: null });
  }

  createAccount(init: Partial<Omit<FakeMastodonAccount, 'id' | 'acct'>> & { username: string; domain?: string | null }): FakeMastodonAccount {
    const id = String(109_000_000 + this.nextAccount++);
    const account: FakeMastodonAccount = {
      id,
      username: init.username,
      acct: init.domain ? `${init.username}@${init.domain}` : init.username,
      displayName: init.displayName ?? init.username,
      note: init.note ?? '',
      locked: init.locked ?? false,
      bot: init.bot ?? false,
      createdAt: init.createdAt ?? JOIN_DAYS[0]!,
      followersCount: init.followersCount ?? 0,
      followingCount: init.followingCount ?? 0,
      statusesCount: init.statusesCount ?? 0,
      emojis: init.emojis ?? [],
      fields: init.fields ?? [],
      suspended: init.suspended ?? false,
      followedBy: new Set(),
      posts: null,
    };
    this.accounts.set(id, account);
    return account;
  }

  /** Seeded accounts: followers (newest last here, first in pages), following, mutuals, locked ones. */
  generate(options: GenerateMastodonOptions): void {
    if (options.seed !== undefined) this.random = seededRandom(options.seed);
    const lockedShare = options.lockedShare ?? 0.1;
    const make = () => {
      const n = this.nextAccount;
      const w1 = WORDS[Math.floor(this.random() * WORDS.length)]!;
      const w2 = WORDS[Math.floor(this.random() * WORDS.length)]!;
      const domain = DOMAINS[Math.floor(this.random() * DOMAINS.length)] ?? null;
      return this.createAccount({
        username: `${w1}_${w2}_${n}`,
        domain,
        displayName: `${w1[0]!.toUpperCase()}${w1.slice(1)} ${w2[0]!.toUpperCase()}${w2.slice(1)}`,
        note: `<p>I write about ${w1}s and ${w2}s. <a href="https://${this.domain}/tags/${w1}" class="mention hashtag" rel="tag">#<span>${w1}</span></a></p>`,
        locked: this.random() < lockedShare,
        createdAt: JOIN_DAYS[Math.floor(this.random() * JOIN_DAYS.length)]!,
        followersCount: Math.floor(this.random() ** 3 * 20_000),
        followingCount: Math.floor(this.random() * 2_000),
        statusesCount: Math.floor(this.random() * 5_000),
      });
    };
    const followingCount = options.following ?? 0;
    const mutuals = Math.floor(followingCount * (options.mutualShare ?? 0.3));
    const followed: FakeMastodonAccount[] = [];
    for (let i = 0; i < followingCount; i++) {
      const account = make();
      followed.push(account);
      this.addFollowing(account.id);
    }
    for (let i = 0; i < mutuals && i < options.followers; i++) this.addFollower(followed[i]!.id);
    for (let i = mutuals; i < options.followers; i++) this.addFollower(make().id);
    if (options.hostile) this.applyHostile(hostilePayloads());
  }

  /** Spreads the payloads over followers, newest first: bios, names, field values, posts. */
  applyHostile(payloads: HostilePayload[]): void {
    const targets = [...this.followers].reverse().map((e) => this.accounts.get(e.accountId)!);
    payloads.forEach((p, i) => {
      const account = targets[i % Math.max(1, targets.length)];
      if (!account) return;
      if (p.target === 'bio') account.note = p.payload;
      if (p.target === 'name') {
        account.displayName = p.payload;
        account.emojis = HOSTILE_EMOJIS;
      }
      if (p.target === 'field') account.fields = [{ name: `<b>${p.id}</b>`, value: p.payload, verified_at: null }];
      if (p.target === 'post') {
        account.posts = [this.makeStatus(account.id, p.payload, {})];
      }
    });
  }

  addFollower(accountId: string): FakeEdge {
    const edge = { followId: this.nextFollow++, accountId };
    this.followers.push(edge);
    this.followerIndex.set(accountId, edge);
    this.self.followersCount = this.followers.length;
    return edge;
  }

  removeFollower(accountId: string): void {
    const edge = this.followerIndex.get(accountId);
    if (!edge) return;
    this.followers.splice(this.followers.indexOf(edge), 1);
    this.followerIndex.delete(accountId);
    this.self.followersCount = this.followers.length;
  }

  addFollowing(accountId: string): FakeEdge {
    const existing = this.followingIndex.get(accountId);
    if (existing) return existing;
    const edge = { followId: this.nextFollow++, accountId };
    this.following.push(edge);
    this.followingIndex.set(accountId, edge);
    this.accounts.get(accountId)?.followedBy.add(this.self.id);
    this.self.followingCount = this.following.length;
    return edge;
  }

  removeFollowing(accountId: string): void {
    this.pendingRequests.delete(accountId);
    const edge = this.followingIndex.get(accountId);
    if (!edge) return;
    this.following.splice(this.following.indexOf(edge), 1);
    this.followingIndex.delete(accountId);
    this.accounts.get(accountId)?.followedBy.delete(this.self.id);
    this.self.followingCount = this.following.length;
  }

  isFollower(accountId: string): boolean {
    return this.followerIndex.has(accountId);
  }

  isFollowing(accountId: string): boolean {
    return this.followingIndex.has(accountId);
  }

  /** Follow (or request, for a locked account). Following again is a no-op, as on Mastodon. */
  follow(accountId: string): void {
    const target = this.accounts.get(accountId);
    if (!target || this.isFollowing(accountId)) return;
    if (target.locked) {
      if (!this.pendingRequests.has(accountId)) this.pendingRequests.set(accountId, this.nextFollow++);
      return;
    }
    this.addFollowing(accountId);
  }

  /**
   * What happens to accounts on a real instance: suspended (content blanked, left out of lists and
   * relationships; `final` = data gone, 410), deleted (404 everywhere), moved (stays in lists with
   * `moved`), or back to normal (reinstated, the follow edges untouched all along).
   */
  setAccountState(accountId: string, state: 'active' | 'suspended' | 'suspended-final' | 'deleted' | { movedTo: string }): void {
    const account = this.accounts.get(accountId);
    if (!account) throw new Error(`fake mastodon: no account ${accountId}`);
    account.suspended = state === 'suspended' || state === 'suspended-final';
    account.suspensionFinal = state === 'suspended-final';
    account.deleted = state === 'deleted';
    account.movedTo = typeof state === 'object' ? state.movedTo : null;
  }

  /** Hidden from lists, batch lookups and relationships (suspended or deleted). */
  isHidden(accountId: string): boolean {
    const account = this.accounts.get(accountId);
    return !account || account.suspended || account.deleted === true;
  }

  /** The knob for locked accounts: they approve our pending requests. */
  acceptFollowRequest(accountId: string): void {
    if (!this.pendingRequests.delete(accountId)) throw new Error(`fake mastodon: no pending request to ${accountId}`);
    this.addFollowing(accountId);
  }

  unfollow(accountId: string): void {
    this.removeFollowing(accountId);
  }

  postsOf(accountId: string): FakeStatus[] {
    const account = this.accounts.get(accountId);
    if (!account) return [];
    if (account.posts === null) {
      // Generated on first read: newest first, with a reply and a boost mixed in to be filtered.
      account.posts = [
        this.makeStatus(accountId, `<p>Latest thoughts on ${account.username.split('_')[0] ?? 'life'}.</p>`, {}),
        this.makeStatus(accountId, '<p>@someone I agree!</p>', { inReplyToId: '1' }),
        this.makeStatus(accountId, '', { reblogOf: '2' }),
        this.makeStatus(accountId, `<p>Hello from ${account.acct}<br>second line</p>`, {}),
      ];
    }
    return account.posts;
  }

  makeStatus(accountId: string, content: string, extra: Partial<FakeStatus>): FakeStatus {
    const id = String(111_000_000_000 + this.nextStatus++);
    return {
      id,
      accountId,
      content,
      createdAt: new Date(Date.UTC(2026, 0, 1) + this.nextStatus * 60_000).toISOString(),
      visibility: 'public',
      inReplyToId: null,
      reblogOf: null,
      mentions: [],
      ...extra,
    };
  }

  /** A status by the signed-in user; the same Idempotency-Key answers with the same status. */
  postStatus(text: string, visibility: FakeStatus['visibility'], idempotencyKey: string | null): FakeStatus {
    if (idempotencyKey) {
      const existing = this.idempotency.get(idempotencyKey);
      if (existing) return this.posted.find((s) => s.id === existing)!;
    }
    const mentions: string[] = [];
    for (const match of text.matchAll(/@([a-zA-Z0-9_]+(?:@[a-zA-Z0-9.-]+)?)/g)) {
      const acct = match[1];
      const account = [...this.accounts.values()].find((a) => a.acct === acct);
      if (account) mentions.push(account.id);
    }
    const escaped = text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
    const status = this.makeStatus(this.self.id, `<p>${escaped}</p>`, { visibility, mentions });
    this.posted.push(status);
    this.self.statusesCount++;
    if (idempotencyKey) this.idempotency.set(idempotencyKey, status.id);
    return status;
  }

  /** Direct messages that reached this account. */
  directMessagesTo(accountId: string): FakeStatus[] {
    return this.posted.filter((s) => s.visibility === 'direct' && s.mentions.includes(accountId));
  }
  /**
   * A notification from `accountId`, newer than every other, at `createdAt` or a minute after the
   * previous one. mention/status/quote carry a status of theirs (`text`), favourite/reblog one of mine.
   */
  addNotification(type: string, accountId: string, options: { text?: string; repliesToMe?: boolean; createdAt?: string } = {}): FakeNotification {
    const previous = this.notifications[this.notifications.length - 1];
    const createdAt = options.createdAt ?? new Date((previous ? Date.parse(previous.createdAt) : Date.UTC(2026, 0, 1)) + 60_000).toISOString();
    const theirs = type === 'mention' || type === 'status' || type === 'quote';
    const mine = type === 'favourite' || type === 'reblog';
    const status: FakeStatus | null =
      theirs || mine
        ? {
            id: String(112_000_000_000 + this.nextNotification),
            accountId: theirs ? accountId : this.self.id,
            content: theirs ? `<p>${options.text ?? 'Hello'}</p>` : '<p>Something I wrote</p>',
            createdAt,
            visibility: 'public',
            inReplyToId: options.repliesToMe ? String(111_999_000_000 + this.nextNotification) : null,
            reblogOf: null,
            mentions: theirs ? [this.self.id] : [],
          }
        : null;
    const notification: FakeNotification = {
      id: String(900_000 + this.nextNotification++),
      type,
      accountId,
      status,
      repliesToMe: options.repliesToMe === true,
      createdAt,
    };
    this.notifications.push(notification);
    return notification;
  }
}
