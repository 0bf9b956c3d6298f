// The fake GitHub's repository endpoints Rapport reads for interactions: my repositories, their
// stargazers (with `starred_at` under `Accept: application/vnd.github.star+json`, as documented,
// and 422 past page 400),
// forks (`sort=newest`), watchers (GET …/subscribers) and issues with pull requests (`state`,
// `sort`, `direction`, `since` = updated at or after). Pages by `page` and `per_page` with
// GitHub's Link header.
import type { FakeGithubRepo } from './fakeGithubRepos';
import type { RestAnswer, RestContext, RestRoute } from './fakeGithubRoutes';
import { simpleUser } from './fakeGithubViews';

const NOT_FOUND: RestAnswer = { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' } };

function paged(ctx: RestContext, all: readonly unknown[]): RestAnswer {
  const perPage = Math.min(100, Math.max(1, Number(ctx.url.searchParams.get('per_page') ?? 30) || 30), ctx.knobs.pageSize);
  const page = Math.max(1, Number(ctx.url.searchParams.get('page') ?? 1) || 1);
  const lastPage = Math.max(1, Math.ceil(all.length / perPage));
  const link = (p: number, rel: string) => {
    const target = new URL(ctx.url);
    target.searchParams.set('per_page', String(perPage));
    target.searchParams.set('page', String(p));
    return `<${target.href}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (page > 1) links.push(link(page - 1, 'prev'), link(1, 'first'));
  if (page < lastPage) links.push(link(page + 1, 'next'), link(lastPage, 'last'));
  return { status: 200, body: all.slice((page - 1) * perPage, page * perPage), headers: links.length > 0 ? { link: links.join(', ') } : {} };
}

function userView(ctx: RestContext, userId: number): Record<string, unknown> | null {
  const user = ctx.state.live(userId);
  return user ? simpleUser(ctx.origin, user) : null;
}

function repoView(ctx: RestContext, repo: FakeGithubRepo): Record<string, unknown> {
  const owner = ctx.state.self;
  return {
    id: repo.id,
    name: repo.name,
    full_name: `${owner.login}/${repo.name}`,
    owner: simpleUser(ctx.origin, owner),
    private: false,
    fork: repo.fork,
    html_url: `https://github.com/${owner.login}/${repo.name}`,
    stargazers_count: repo.stars.length,
    watchers_count: repo.stars.length,
    forks_count: repo.forks.length,
    open_issues_count: repo.issues.length,
    pushed_at: repo.pushedAt,
  };
}

/** The repository when it is the signed-in user's (the fake keeps no one else's). */
function mine(ctx: RestContext, owner: string | undefined, name: string | undefined, run: (repo: FakeGithubRepo) => RestAnswer): RestAnswer {
  if (!owner || !name || decodeURIComponent(owner).toLowerCase() !== ctx.state.self.login.toLowerCase()) return NOT_FOUND;
  const repo = ctx.state.repos.byName(decodeURIComponent(name));
  return repo ? run(repo) : NOT_FOUND;
}

const present = <T>(value: T | null): value is T => value !== null;

export const githubRepoRoutes: RestRoute[] = [
  {
    method: 'GET',
    name: 'GET /user/repos',
    pattern: /^\/user\/repos$/,
    handle: (ctx) => {
      const sort = ctx.url.searchParams.get('sort') ?? 'full_name';
      const direction = ctx.url.searchParams.get('direction') ?? (sort === 'full_name' ? 'asc' : 'desc');
      const repos = [...ctx.state.repos.list].sort((a, b) => (sort === 'full_name' ? a.name.localeCompare(b.name) : a.pushedAt.localeCompare(b.pushedAt)));
      if (direction === 'desc') repos.reverse();
      return paged(ctx, repos.map((repo) => repoView(ctx, repo)));
    },
  },
  {
    method: 'GET',
    name: 'GET /repos/:owner/:repo/stargazers',
    pattern: /^\/repos\/([^/]+)\/([^/]+)\/stargazers$/,
    handle: (ctx, [owner, name]) =>
      mine(ctx, owner, name, (repo) => {
        // github.com: "pagination is limited for this resource" past 400 pages of stargazers.
        if (Number(ctx.url.searchParams.get('page') ?? 1) > 400) {
          return { status: 422, body: { message: 'In order to keep the API fast for everyone, pagination is limited for this resource.', status: '422' } };
        }
        const withDates = ctx.accept.includes('application/vnd.github.star+json');
        const items = repo.stars.map((star) => {
          const user = userView(ctx, star.userId);
          return user === null ? null : withDates ? { starred_at: star.at, user } : user;
        });
        return paged(ctx, items.filter(present));
      }),
  },
  {
    method: 'GET',
    name: 'GET /repos/:owner/:repo/forks',
    pattern: /^\/repos\/([^/]+)\/([^/]+)\/forks$/,
    handle: (ctx, [owner, name]) =>
      mine(ctx, owner, name, (repo) => {
        const sort = ctx.url.searchParams.get('sort') ?? 'newest';
        const forks = [...repo.forks].sort((a, b) => a.at.localeCompare(b.at));
        if (sort === 'newest') forks.reverse();
        const items = forks.map((fork) => {
          const user = ctx.state.live(fork.userId);
          if (!user) return null;
          return { id: fork.id, name: repo.name, full_name: `${user.login}/${repo.name}`, owner: simpleUser(ctx.origin, user), fork: true, html_url: `https://github.com/${user.login}/${repo.name}`, created_at: fork.at };
        });
        return paged(ctx, items.filter(present));
      }),
  },
  {
    method: 'GET',
    name: 'GET /repos/:owner/:repo/subscribers',
    pattern: /^\/repos\/([^/]+)\/([^/]+)\/subscribers$/,
    handle: (ctx, [owner, name]) => mine(ctx, owner, name, (repo) => paged(ctx, repo.watchers.map((id) => userView(ctx, id)).filter(present))),
  },
  {
    method: 'GET',
    name: 'GET /repos/:owner/:repo/issues',
    pattern: /^\/repos\/([^/]+)\/([^/]+)\/issues$/,
    handle: (ctx, [owner, name]) =>
      mine(ctx, owner, name, (repo) => {
        const params = ctx.url.searchParams;
        const since = params.get('since');
        const sortKey = params.get('sort') === 'updated' ? 'updatedAt' : 'createdAt';
        const issues = repo.issues.filter((i) => since === null || i.updatedAt >= since).sort((a, b) => a[sortKey].localeCompare(b[sortKey]));
        if ((params.get('direction') ?? 'desc') === 'desc') issues.reverse();
        const login = ctx.state.self.login;
        const items = issues.map((issue) => {
          const user = userView(ctx, issue.userId);
          if (!user) return null;
          const kind = issue.pull ? 'pull' : 'issues';
          return {
            id: issue.id,
            number: issue.number,
            title: issue.title,
            user,
            state: 'open',
            html_url: `https://github.com/${login}/${repo.name}/${kind}/${issue.number}`,
            created_at: issue.createdAt,
            updated_at: issue.updatedAt,
            ...(issue.pull ? { pull_request: { url: `${ctx.origin}/repos/${login}/${repo.name}/pulls/${issue.number}` } } : {}),
          };
        });
        return paged(ctx, items.filter(present));
      }),
  },
];
