// What the fake X API knows: users as X API v2 describes them (user.fields), who follows whom
// (newest first, as X lists them), suspended accounts, and the tokens it accepts: app-only bearer
// tokens (what the developer portal shows) and user-context tokens from its OAuth 2.0 flow.

export interface FakeXUser {
  id: string;
  username: string;
  name: string;
  description: string;
  created_at: string;
  profile_image_url: string;
  location?: string;
  url?: string;
  protected: boolean;
  verified: boolean;
  public_metrics: { followers_count: number; following_count: number; tweet_count: number; listed_count: number };
}

export type FakeXToken = { kind: 'app' } | { kind: 'user'; userId: string; scopes: string[] };

/** A list as X serves it: ids newest first, or a generated one for very large accounts. */
export type FakeXIdList = { count: number; id(index: number): string };

export function fakeXIdList(ids: readonly string[]): FakeXIdList {
  return { count: ids.length, id: (i) => ids[i] as string };
}

export class FakeXState {
  readonly users = new Map<string, FakeXUser>();
  readonly suspended = new Set<string>();
  readonly tokens = new Map<string, FakeXToken>();
  private readonly followersOf = new Map<string, FakeXIdList>();
  private readonly followingOf = new Map<string, FakeXIdList>();

  /** A user with plausible fields; `fields` overrides any of them. */
  addUser(id: string, fields: Partial<FakeXUser> = {}): FakeXUser {
    const user: FakeXUser = {
      id,
      username: `user${id}`,
      name: `User ${id}`,
      description: `Bio of ${id}`,
      created_at: '2015-06-01T12:00:00.000Z',
      // X's shape (https, `_normal`), on this machine's closed discard port: no test reaches X's image host.
      profile_image_url: `https://127.0.0.1:9/profile_images/${id}/avatar_normal.jpg`,
      protected: false,
      verified: false,
      public_metrics: { followers_count: 10, following_count: 20, tweet_count: 30, listed_count: 0 },
      ...fields,
    };
    this.users.set(id, user);
    return user;
  }

  /**
   * The user's followers, newest first. Users not added yet are created on first read, so a
   * 100k-follower account costs no memory until it is walked.
   */
  setFollowers(userId: string, list: FakeXIdList | readonly string[]): void {
    this.followersOf.set(userId, Array.isArray(list) ? fakeXIdList(list as readonly string[]) : (list as FakeXIdList));
  }

  setFollowing(userId: string, list: FakeXIdList | readonly string[]): void {
    this.followingOf.set(userId, Array.isArray(list) ? fakeXIdList(list as readonly string[]) : (list as FakeXIdList));
  }

  list(userId: string, which: 'followers' | 'following'): FakeXIdList {
    return (which === 'followers' ? this.followersOf : this.followingOf).get(userId) ?? fakeXIdList([]);
  }

  /** The user, created with default fields when a list names an id nobody added. */
  user(id: string): FakeXUser {
    return this.users.get(id) ?? this.addUser(id);
  }

  issueAppToken(token = `AAAAfakeapp${this.tokens.size + 1}`): string {
    this.tokens.set(token, { kind: 'app' });
    return token;
  }

  issueUserToken(userId: string, token = `fakeuser${this.tokens.size + 1}`, scopes = ['users.read', 'follows.read', 'tweet.read', 'offline.access']): string {
    this.tokens.set(token, { kind: 'user', userId, scopes });
    return token;
  }
}
