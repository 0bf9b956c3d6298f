// How the fake GitHub shows a user: the short "simple user" of REST lists, the full REST user,
// a GraphQL User node with the fields Rapport asks for, and public events in REST's shape.
import type { FakeGithubEvent, FakeGithubState, FakeGithubUser } from './fakeGithubState';

export function avatarUrl(origin: string, user: FakeGithubUser): string {
  return `${origin}/avatars/u/${user.id}?v=4`;
}

/** The legacy global node id ("04:User1" in base64), still accepted by github.com. */
export function nodeIdOf(user: FakeGithubUser): string {
  return Buffer.from(`04:User${user.id}`).toString('base64');
}

export function simpleUser(origin: string, user: FakeGithubUser): Record<string, unknown> {
  return {
    login: user.login,
    id: user.id,
    node_id: nodeIdOf(user),
    avatar_url: avatarUrl(origin, user),
    gravatar_id: '',
    url: `${origin}/users/${user.login}`,
    html_url: `https://github.com/${user.login}`,
    type: 'User',
    site_admin: false,
    user_view_type: 'public',
  };
}

export function fullUser(origin: string, state: FakeGithubState, user: FakeGithubUser): Record<string, unknown> {
  const self = user.id === state.self.id;
  return {
    ...simpleUser(origin, user),
    name: user.name,
    company: user.company,
    blog: user.blog ?? '',
    location: user.location,
    email: user.email,
    hireable: null,
    bio: user.bio,
    twitter_username: user.twitterUsername,
    public_repos: user.publicRepos,
    public_gists: 0,
    followers: self ? state.visible('followers').length : user.followers,
    following: self ? state.visible('following').length : user.following,
    created_at: user.createdAt,
    updated_at: user.createdAt,
  };
}

export function graphqlUser(origin: string, state: FakeGithubState, user: FakeGithubUser): Record<string, unknown> {
  const full = fullUser(origin, state, user);
  return {
    id: nodeIdOf(user),
    databaseId: user.id,
    login: user.login,
    name: user.name,
    bio: user.bio ?? '',
    company: user.company,
    location: user.location,
    websiteUrl: user.blog,
    twitterUsername: user.twitterUsername,
    email: user.email ?? '',
    createdAt: user.createdAt,
    avatarUrl: avatarUrl(origin, user),
    url: `https://github.com/${user.login}`,
    followers: { totalCount: full.followers },
    following: { totalCount: full.following },
    repositories: { totalCount: user.publicRepos },
    socialAccounts: { nodes: user.socialAccounts.map((s) => ({ provider: s.provider.toUpperCase(), url: s.url, displayName: s.displayName })) },
  };
}

export function restEvent(user: FakeGithubUser, event: FakeGithubEvent): Record<string, unknown> {
  const payloads: Record<FakeGithubEvent['type'], Record<string, unknown>> = {
    PushEvent: { size: event.commits ?? 1 },
    PullRequestEvent: { action: 'opened', pull_request: { number: event.number, title: event.title } },
    IssuesEvent: { action: 'opened', issue: { number: event.number, title: event.title } },
    ReleaseEvent: { action: 'published', release: { tag_name: event.tag, name: event.tag } },
    WatchEvent: { action: 'started' },
    CreateEvent: { ref_type: 'repository' },
    ForkEvent: { forkee: { full_name: `${user.login}/${event.repo.split('/')[1] ?? 'fork'}` } },
  };
  const payload = payloads[event.type];
  return {
    id: event.id,
    type: event.type,
    actor: { id: user.id, login: user.login },
    repo: { id: 1, name: event.repo, url: `https://api.github.com/repos/${event.repo}` },
    payload,
    public: true,
    created_at: event.createdAt,
  };
}
