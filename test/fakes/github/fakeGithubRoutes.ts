// The REST endpoints Rapport uses, answered from the fake's state. Lists page by `page` and
// `per_page` with GitHub's Link header (first, prev, next, last), oldest first.
import type { FakeGithubKnobs } from './fakeGithubKnobs';
import { githubRepoRoutes } from './fakeGithubRepoRoutes';
import type { FakeGithubState, FakeGithubToken, FakeGithubUser } from './fakeGithubState';
import { fullUser, restEvent, simpleUser } from './fakeGithubViews';

export interface RestAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface RestContext {
  state: FakeGithubState;
  knobs: FakeGithubKnobs;
  origin: string;
  token: FakeGithubToken;
  url: URL;
  /** The request's Accept header ('' when absent): media types such as star+json change answers. */
  accept: string;
}

export interface RestRoute {
  method: string;
  name: string;
  pattern: RegExp;
  write?: boolean;
  handle(ctx: RestContext, params: string[]): RestAnswer;
}

const NOT_FOUND: RestAnswer = { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' } };

/** Classic tokens need user:follow (or user); fine-grained ones the Followers write permission. */
function mayFollow(token: FakeGithubToken): RestAnswer | null {
  if (token.scopes === null) {
    if (token.followersPermission === 'write') return null;
    return { status: 403, body: { message: 'Resource not accessible by personal access token', status: '403' } };
  }
  if (token.scopes.includes('user:follow') || token.scopes.includes('user')) return null;
  // GitHub hides what a token may not touch behind a 404.
  return NOT_FOUND;
}

function mayReadFollowers(token: FakeGithubToken): RestAnswer | null {
  if (token.scopes !== null || token.followersPermission === 'read' || token.followersPermission === 'write') return null;
  return { status: 403, body: { message: 'Resource not accessible by personal access token', status: '403' } };
}

function listPage(ctx: RestContext, list: 'followers' | 'following'): RestAnswer {
  const denied = mayReadFollowers(ctx.token);
  if (denied) return denied;
  const perPage = Math.min(100, Math.max(1, Number(ctx.url.searchParams.get('per_page') ?? 30) || 30), ctx.knobs.pageSize);
  const page = Math.max(1, Number(ctx.url.searchParams.get('page') ?? 1) || 1);
  const all = ctx.state.visible(list);
  const lastPage = Math.max(1, Math.ceil(all.length / perPage));
  const items = all.slice((page - 1) * perPage, page * perPage).map((item) => simpleUser(ctx.origin, item.user));
  const link = (p: number, rel: string) => {
    const target = new URL(ctx.url);
    target.searchParams.set('per_page', String(perPage));
    target.searchParams.set('page', String(p));
    return `<${target.href}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (page > 1) links.push(link(page - 1, 'prev'), link(1, 'first'));
  if (page < lastPage) links.push(link(page + 1, 'next'), link(lastPage, 'last'));
  return { status: 200, body: items, headers: links.length > 0 ? { link: links.join(', ') } : {} };
}

function byLoginOr404(ctx: RestContext, login: string | undefined, run: (user: FakeGithubUser) => RestAnswer): RestAnswer {
  const user = login ? ctx.state.byLogin(decodeURIComponent(login)) : undefined;
  return user ? run(user) : NOT_FOUND;
}

export const githubRoutes: RestRoute[] = [
  {
    method: 'GET',
    name: 'GET /user',
    pattern: /^\/user$/,
    handle: (ctx) => ({ status: 200, body: fullUser(ctx.origin, ctx.state, ctx.state.requireUser(ctx.token.userId)) }),
  },
  { method: 'GET', name: 'GET /user/followers', pattern: /^\/user\/followers$/, handle: (ctx) => listPage(ctx, 'followers') },
  { method: 'GET', name: 'GET /user/following', pattern: /^\/user\/following$/, handle: (ctx) => listPage(ctx, 'following') },
  {
    method: 'GET',
    name: 'GET /user/:id',
    pattern: /^\/user\/(\d+)$/,
    handle: (ctx, [id]) => {
      const user = ctx.state.live(Number(id));
      return user ? { status: 200, body: fullUser(ctx.origin, ctx.state, user) } : NOT_FOUND;
    },
  },
  {
    method: 'GET',
    name: 'GET /user/following/:login',
    pattern: /^\/user\/following\/([^/]+)$/,
    handle: (ctx, [login]) =>
      byLoginOr404(ctx, login, (user) => (ctx.state.following.some((e) => e.userId === user.id) ? { status: 204 } : NOT_FOUND)),
  },
  {
    method: 'PUT',
    name: 'PUT /user/following/:login',
    pattern: /^\/user\/following\/([^/]+)$/,
    write: true,
    handle: (ctx, [login]) =>
      mayFollow(ctx.token) ??
      byLoginOr404(ctx, login, (user) => {
        ctx.state.addFollowing(user.id);
        return { status: 204 };
      }),
  },
  {
    method: 'DELETE',
    name: 'DELETE /user/following/:login',
    pattern: /^\/user\/following\/([^/]+)$/,
    write: true,
    handle: (ctx, [login]) =>
      mayFollow(ctx.token) ??
      byLoginOr404(ctx, login, (user) => {
        ctx.state.removeFollowing(user.id);
        return { status: 204 };
      }),
  },
  {
    method: 'GET',
    name: 'GET /users/:login',
    pattern: /^\/users\/([^/]+)$/,
    handle: (ctx, [login]) => byLoginOr404(ctx, login, (user) => ({ status: 200, body: fullUser(ctx.origin, ctx.state, user) })),
  },
  {
    method: 'GET',
    name: 'GET /users/:login/following/:target',
    pattern: /^\/users\/([^/]+)\/following\/([^/]+)$/,
    handle: (ctx, [login, target]) =>
      byLoginOr404(ctx, login, (user) =>
        byLoginOr404(ctx, target, (other) => {
          // The fake keeps only the signed-in user's graph: "does X follow me" is its followers list.
          if (other.id !== ctx.state.self.id) return NOT_FOUND;
          return ctx.state.followers.some((e) => e.userId === user.id) ? { status: 204 } : NOT_FOUND;
        }),
      ),
  },
  {
    method: 'GET',
    name: 'GET /users/:login/events/public',
    pattern: /^\/users\/([^/]+)\/events\/public$/,
    handle: (ctx, [login]) =>
      byLoginOr404(ctx, login, (user) => {
        const perPage = Math.min(100, Number(ctx.url.searchParams.get('per_page') ?? 30) || 30);
        return { status: 200, body: user.events.slice(0, perPage).map((e) => restEvent(user, e)) };
      }),
  },
  {
    method: 'GET',
    name: 'GET /users/:login/social_accounts',
    pattern: /^\/users\/([^/]+)\/social_accounts$/,
    handle: (ctx, [login]) =>
      byLoginOr404(ctx, login, (user) => ({ status: 200, body: user.socialAccounts.map((s) => ({ provider: s.provider, url: s.url })) })),
  },
];

export function routeOf(method: string, path: string): { route: RestRoute; params: string[] } | null {
  for (const route of [...githubRoutes, ...githubRepoRoutes]) {
    if (route.method !== method) continue;
    const match = route.pattern.exec(path);
    if (match) return { route, params: match.slice(1) };
  }
  return null;
}
