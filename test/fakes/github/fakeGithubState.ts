// The fake GitHub's in-memory world: users keyed by their numeric id (a login can change, the id
// never does), the signed-in user's followers and following as follow-ordered edges, public
// events and social accounts, and the tokens that may call it.
//
// Lists are oldest first, as github.com serves them: a new follower is appended at the end of
// GET /user/followers (the newest people sit on the last page), and the GraphQL connections
// share that order, so `last: 100` is the newest hundred. Each edge has an increasing sequence
// number; GraphQL cursors encode it, so a cursor stays valid while the list changes around it.
import { FakeGithubRepos } from './fakeGithubRepos';

export type FakeGithubEventType = 'PushEvent' | 'PullRequestEvent' | 'IssuesEvent' | 'ReleaseEvent' | 'WatchEvent' | 'CreateEvent' | 'ForkEvent';

export interface FakeGithubEvent {
  id: string;
  type: FakeGithubEventType;
  repo: string;
  createdAt: string;
  /** PullRequestEvent / IssuesEvent: number and title; ReleaseEvent: tag; PushEvent: commit count. */
  number?: number;
  title?: string;
  tag?: string;
  commits?: number;
}

export interface FakeGithubUser {
  id: number;
  login: string;
  name: string | null;
  bio: string | null;
  company: string | null;
  location: string | null;
  blog: string | null;
  twitterUsername: string | null;
  email: string | null;
  createdAt: string;
  publicRepos: number;
  /** Counts of people outside the signed-in user's own lists (the fake keeps no graph for them). */
  followers: number;
  following: number;
  /** GitHub's generated identicon, never uploaded (the URL looks the same either way). */
  identicon: boolean;
  /** Deleted or suspended users vanish from lists and answer 404. */
  gone: null | 'deleted' | 'suspended';
  socialAccounts: { provider: string; url: string; displayName: string }[];
  events: FakeGithubEvent[];
  /** Logins this user had before (a rename); they answer 404 now, like github.com. */
  formerLogins: string[];
}

export interface FakeGithubEdge {
  seq: number;
  userId: number;
}

export interface FakeGithubToken {
  userId: number;
  /** Classic tokens say their scopes in X-OAuth-Scopes; fine-grained tokens (null) do not. */
  scopes: string[] | null;
  /** Fine-grained tokens: the "Followers" user permission. */
  followersPermission?: 'none' | 'read' | 'write';
  revoked?: boolean;
}

export interface GenerateGithubOptions {
  followers: number;
  following?: number;
  /** Share of following who also follow back. Default 0.3. */
  mutualShare?: number;
  seed?: number;
}

/** mulberry32: a small deterministic generator, so a seed gives the same people every run. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['octo', 'rust', 'lambda', 'kernel', 'pixel', 'vector', 'shell', 'byte', 'forge', 'delta', 'nimbus', 'quartz'];
const EVENT_TYPES: FakeGithubEventType[] = ['PushEvent', 'PullRequestEvent', 'IssuesEvent', 'ReleaseEvent', 'WatchEvent', 'CreateEvent', 'ForkEvent'];

export class FakeGithubState {
  readonly users = new Map<number, FakeGithubUser>();
  readonly tokens = new Map<string, FakeGithubToken>();
  readonly self: FakeGithubUser;
  /** The signed-in user's repositories and what people did to them (interactions). */
  readonly repos = new FakeGithubRepos();
  /** People who follow the signed-in user, oldest first. */
  followers: FakeGithubEdge[] = [];
  /** People the signed-in user follows, oldest first. */
  following: FakeGithubEdge[] = [];
  private nextSeq = 1;
  private nextId = 1000;
  private random: () => number;

  constructor(options: { seed?: number; login?: string } = {}) {
    this.random = seededRandom(options.seed ?? 7);
    this.self = this.addUser({ id: 1, login: options.login ?? 'octo-self', name: 'Octo Self', publicRepos: 12 });
  }

  addUser(partial: Partial<FakeGithubUser> & { login: string }): FakeGithubUser {
    const id = partial.id ?? this.nextId++;
    const user: FakeGithubUser = {
      id,
      name: null,
      bio: null,
      company: null,
      location: null,
      blog: null,
      twitterUsername: null,
      email: null,
      createdAt: '2015-03-01T10:00:00Z',
      publicRepos: 0,
      followers: 0,
      following: 0,
      identicon: false,
      gone: null,
      socialAccounts: [],
      events: [],
      formerLogins: [],
      ...partial,
    };
    this.users.set(id, user);
    return user;
  }

  /** A deterministic, plausible developer. */
  generateUser(index: number): FakeGithubUser {
    const r = this.random;
    const word = WORDS[index % WORDS.length] ?? 'dev';
    const login = `${word}-dev-${index}`;
    const events: FakeGithubEvent[] = [];
    const eventCount = index % 5 === 0 ? 0 : 1 + Math.floor(r() * 4);
    for (let i = 0; i < eventCount; i++) {
      const type = EVENT_TYPES[Math.floor(r() * EVENT_TYPES.length)] ?? 'PushEvent';
      events.push({
        id: `${index}${i}`,
        type,
        repo: `${login}/${word}-${i}`,
        createdAt: new Date(Date.UTC(2026, 10, 28 - i, 12)).toISOString(),
        number: 1 + i,
        title: `Improve ${word} handling`,
        tag: `v1.${i}.0`,
        commits: 1 + i,
      });
    }
    return this.addUser({
      login,
      name: index % 7 === 0 ? null : `${word[0]?.toUpperCase()}${word.slice(1)} Dev ${index}`,
      bio: index % 3 === 0 ? null : `Building ${word} tools`,
      company: index % 4 === 0 ? '@acme' : null,
      location: index % 2 === 0 ? 'Lisbon' : null,
      blog: index % 6 === 0 ? `https://${login}.example` : null,
      twitterUsername: index % 8 === 0 ? `${word}_${index}` : null,
      email: index % 9 === 0 ? `${login}@example.com` : null,
      createdAt: new Date(Date.UTC(2010 + (index % 15), index % 12, 1 + (index % 27))).toISOString().replace('.000', ''),
      publicRepos: index % 5 === 0 ? 0 : Math.floor(r() * 60),
      followers: Math.floor(r() * 400),
      following: index % 50 === 0 ? 4_000 + index : Math.floor(r() * 300),
      identicon: index % 10 === 0,
      socialAccounts: index % 6 === 0 ? [{ provider: 'mastodon', url: `https://mastodon.social/@${word}${index}`, displayName: `@${word}${index}@mastodon.social` }] : [],
      events,
    });
  }

  /** Adds generated followers (and following, a share of them mutual), oldest first. */
  generate(options: GenerateGithubOptions): void {
    const created: FakeGithubUser[] = [];
    for (let i = 0; i < options.followers; i++) created.push(this.generateUser(this.users.size));
    for (const user of created) this.addFollower(user.id);
    const following = options.following ?? 0;
    const mutual = Math.min(created.length, Math.floor(following * (options.mutualShare ?? 0.3)));
    for (let i = 0; i < mutual; i++) {
      const user = created[i];
      if (user) this.addFollowing(user.id);
    }
    for (let i = mutual; i < following; i++) this.addFollowing(this.generateUser(this.users.size).id);
  }

  addFollower(userId: number): void {
    if (this.followers.some((e) => e.userId === userId)) return;
    this.followers.push({ seq: this.nextSeq++, userId });
  }

  removeFollower(userId: number): void {
    this.followers = this.followers.filter((e) => e.userId !== userId);
  }

  addFollowing(userId: number): void {
    if (this.following.some((e) => e.userId === userId)) return;
    this.following.push({ seq: this.nextSeq++, userId });
  }

  removeFollowing(userId: number): void {
    this.following = this.following.filter((e) => e.userId !== userId);
  }

  rename(userId: number, login: string): void {
    const user = this.requireUser(userId);
    user.formerLogins.push(user.login);
    user.login = login;
  }

  requireUser(userId: number): FakeGithubUser {
    const user = this.users.get(userId);
    if (!user) throw new Error(`fake github has no user ${userId}`);
    return user;
  }

  /** A live user by current login (case-insensitive, like GitHub); gone users and old logins are not found. */
  byLogin(login: string): FakeGithubUser | undefined {
    const wanted = login.toLowerCase();
    for (const user of this.users.values()) if (user.login.toLowerCase() === wanted && user.gone === null) return user;
    return undefined;
  }

  live(id: number): FakeGithubUser | undefined {
    const user = this.users.get(id);
    return user && user.gone === null ? user : undefined;
  }

  /** The list as the API serves it: gone users left out. */
  visible(list: 'followers' | 'following'): { edge: FakeGithubEdge; user: FakeGithubUser }[] {
    const out: { edge: FakeGithubEdge; user: FakeGithubUser }[] = [];
    for (const edge of this[list]) {
      const user = this.live(edge.userId);
      if (user) out.push({ edge, user });
    }
    return out;
  }

  issueToken(token: string, grant: Partial<FakeGithubToken> = {}): string {
    this.tokens.set(token, { userId: this.self.id, scopes: ['read:user', 'user:follow'], ...grant });
    return token;
  }
}
