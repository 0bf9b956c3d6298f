// The REST endpoints Rapport uses, over the fake's state. Each route names the scope it needs;
// writes are marked so the drop-after-commit knob can apply them and then cut the connection.
import type { FakeMastodonKnobs } from './fakeMastodonKnobs';
import type { FakeMastodonState } from './fakeMastodonState';
import { accountView, credentialAccountView, relationshipView, statusView, type ViewContext } from './fakeMastodonViews';

export interface RouteContext extends ViewContext {
  knobs: FakeMastodonKnobs;
  state: FakeMastodonState;
}

export interface RouteRequest {
  params: URLSearchParams;
  body: Record<string, unknown>;
  headers: Record<string, string | string[] | undefined>;
  /** Path parameters (":id"). */
  id: string;
  /** The request's own URL, for Link headers. */
  url: URL;
}

export interface RouteAnswer {
  status?: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface Route {
  method: 'GET' | 'POST';
  pattern: RegExp;
  /** Normalised name used in the request log and the knobs. */
  name: string;
  scope: string;
  write?: boolean;
  handle(ctx: RouteContext, req: RouteRequest): RouteAnswer;
}

export class RouteFailure extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
  ) {
    super(error);
  }
}

function ids(params: URLSearchParams): string[] {
  return [...params.getAll('id[]'), ...params.getAll('id')];
}

function account(ctx: RouteContext, id: string) {
  const found = ctx.state.accounts.get(id);
  if (!found || found.deleted) throw new RouteFailure(404, 'Record not found');
  if (found.suspended && found.suspensionFinal) throw new RouteFailure(410, 'Gone');
  return found;
}

/** Followers/following: newest first by follow id, `max_id` exclusive, Link header for the next page. */
function listPage(ctx: RouteContext, req: RouteRequest, edges: ReadonlyArray<{ followId: number; accountId: string }>): RouteAnswer {
  const requested = Number(req.params.get('limit') ?? '40');
  const limit = Math.max(1, Math.min(Number.isFinite(requested) ? requested : 40, 80, ctx.knobs.pageSize));
  const maxId = req.params.get('max_id');
  const below = maxId === null ? Infinity : Number(maxId);
  const page: Array<{ followId: number; accountId: string }> = [];
  for (let i = edges.length - 1; i >= 0 && page.length < limit; i--) {
    const edge = edges[i]!;
    if (edge.followId >= below) continue;
    if (ctx.state.isHidden(edge.accountId)) continue;
    page.push(edge);
  }
  const body: Array<Record<string, unknown>> = page.map((e) => accountView(ctx, ctx.state.accounts.get(e.accountId)!));
  if (ctx.knobs.malformed === 'follower-without-id' && body[0]) {
    ctx.knobs.malformed = null;
    delete body[0].id;
  } else if (ctx.knobs.malformed === 'account-bad-count' && body[0]) {
    ctx.knobs.malformed = null;
    body[0].followers_count = 'lots';
  }
  const links: string[] = [];
  const last = page[page.length - 1];
  if (last && page.length === limit) {
    const next = new URL(req.url.pathname, ctx.knobs.foreignNextLink ?? ctx.origin);
    ctx.knobs.foreignNextLink = null;
    next.searchParams.set('limit', String(limit));
    next.searchParams.set('max_id', String(last.followId));
    links.push(`<${next.href}>; rel="next"`);
  }
  if (page[0]) {
    const prev = new URL(req.url.pathname, ctx.origin);
    prev.searchParams.set('limit', String(limit));
    prev.searchParams.set('since_id', String(page[0].followId));
    links.push(`<${prev.href}>; rel="prev"`);
  }
  return { body, headers: links.length ? { link: links.join(', ') } : {} };
}

function ownList(ctx: RouteContext, req: RouteRequest, list: 'followers' | 'following'): RouteAnswer {
  // Only the signed-in user's lists are modelled; other accounts' lists are empty.
  if (req.id !== ctx.state.self.id) return { body: [] };
  return listPage(ctx, req, list === 'followers' ? ctx.state.followers : ctx.state.following);
}

export const mastodonRoutes: Route[] = [
  {
    method: 'GET',
    pattern: /^\/api\/v1\/accounts\/verify_credentials$/,
    name: 'GET /api/v1/accounts/verify_credentials',
    scope: 'read:accounts',
    handle: (ctx) => ({ body: credentialAccountView(ctx, ctx.state.self) }),
  },
  {
    method: 'GET',
    pattern: /^\/api\/v1\/accounts\/relationships$/,
    name: 'GET /api/v1/accounts/relationships',
    scope: 'read:follows',
    handle: (ctx, req) => {
      const withSuspended = req.params.get('with_suspended') === 'true';
      const body: Array<Record<string, unknown>> = ids(req.params)
        .filter((id) => {
          const a = ctx.state.accounts.get(id);
          return a && !a.deleted && (withSuspended || !a.suspended);
        })
        .map((id) => relationshipView(ctx.state, id));
      if (ctx.knobs.malformed === 'relationship-bad-following' && body[0]) {
        ctx.knobs.malformed = null;
        body[0].following = 'yes';
      }
      return { body };
    },
  },
  {
    method: 'GET',
    pattern: /^\/api\/v1\/accounts\/familiar_followers$/,
    name: 'GET /api/v1/accounts/familiar_followers',
    scope: 'read:follows',
    handle: (ctx, req) => ({
      body: ids(req.params)
        .filter((id) => ctx.state.accounts.has(id))
        .map((id) => ({
          id,
          accounts: [...ctx.state.accounts.get(id)!.followedBy]
            .filter((f) => f !== ctx.state.self.id && ctx.state.isFollowing(f))
            .map((f) => accountView(ctx, ctx.state.accounts.get(f)!)),
        })),
    }),
  },
  {
    method: 'GET',
    pattern: /^\/api\/v1\/accounts$/,
    name: 'GET /api/v1/accounts',
    scope: 'read:accounts',
    handle: (ctx, req) => {
      if (!ctx.knobs.batchAccounts) throw new RouteFailure(404, 'Record not found');
      const wanted = ids(req.params);
      if (wanted.length > 40) throw new RouteFailure(422, 'Too many ids');
      // Deleted accounts and suspensions whose data is gone are left out; suspended ones come blanked.
      const shown = wanted.map((id) => ctx.state.accounts.get(id)).filter((a) => a && !a.deleted && !(a.suspended && a.suspensionFinal));
      return { body: shown.map((a) => accountView(ctx, a!)) };
    },
  },
  {
    method: 'GET',
    pattern: /^\/api\/v1\/accounts\/(\d+)$/,
    name: 'GET /api/v1/accounts/:id',
    scope: 'read:accounts',
    handle: (ctx, req) => ({ body: accountView(ctx, account(ctx, req.id)) }),
  },
  {
    method: 'GET',
    pattern: /^\/api\/v1\/accounts\/(\d+)\/followers$/,
    name: 'GET /api/v1/accounts/:id/followers',
    scope: 'read:accounts',
    handle: (ctx, req) => ownList(ctx, req, 'followers'),
  },
  {
    method: 'GET',
    pattern: /^\/api\/v1\/accounts\/(\d+)\/following$/,
    name: 'GET /api/v1/accounts/:id/following',
    scope: 'read:accounts',
    handle: (ctx, req) => ownList(ctx, req, 'following'),
  },
  {
    method: 'GET',
    pattern: /^\/api\/v1\/accounts\/(\d+)\/statuses$/,
    name: 'GET /api/v1/accounts/:id/statuses',
    scope: 'read:statuses',
    handle: (ctx, req) => {
      const who = account(ctx, req.id);
      const limit = Math.min(Number(req.params.get('limit') ?? '20') || 20, 40);
      const posts = ctx.state
        .postsOf(who.id)
        .filter((s) => !(req.params.get('exclude_replies') === 'true' && s.inReplyToId !== null))
        .filter((s) => !(req.params.get('exclude_reblogs') === 'true' && s.reblogOf !== null))
        .slice(0, limit);
      const body: unknown[] = posts.map((s) => statusView(ctx, s));
      if (ctx.state.brokenFirstStatus.has(who.id)) body.unshift({ id: `${who.id}-broken`, content: '<p>A status without date or account</p>' });
      return { body };
    },
  },
  {
    method: 'POST',
    pattern: /^\/api\/v1\/accounts\/(\d+)\/follow$/,
    name: 'POST /api/v1/accounts/:id/follow',
    scope: 'write:follows',
    write: true,
    handle: (ctx, req) => {
      const target = account(ctx, req.id);
      if (target.id === ctx.state.self.id) throw new RouteFailure(403, 'This action is not allowed');
      ctx.state.follow(target.id);
      return { body: relationshipView(ctx.state, target.id) };
    },
  },
  {
    method: 'POST',
    pattern: /^\/api\/v1\/accounts\/(\d+)\/unfollow$/,
    name: 'POST /api/v1/accounts/:id/unfollow',
    scope: 'write:follows',
    write: true,
    handle: (ctx, req) => {
      const target = account(ctx, req.id);
      ctx.state.unfollow(target.id);
      return { body: relationshipView(ctx.state, target.id) };
    },
  },
  {
    method: 'POST',
    pattern: /^\/api\/v1\/accounts\/(\d+)\/note$/,
    name: 'POST /api/v1/accounts/:id/note',
    scope: 'write:accounts',
    write: true,
    handle: (ctx, req) => {
      const target = account(ctx, req.id);
      const comment = typeof req.body.comment === 'string' ? req.body.comment : '';
      if (comment.length > 2000) throw new RouteFailure(422, 'Validation failed: Comment is too long');
      if (comment) ctx.state.notes.set(target.id, comment);
      else ctx.state.notes.delete(target.id);
      return { body: relationshipView(ctx.state, target.id) };
    },
  },
  {
    method: 'POST',
    pattern: /^\/api\/v1\/statuses$/,
    name: 'POST /api/v1/statuses',
    scope: 'write:statuses',
    write: true,
    handle: (ctx, req) => {
      const text = typeof req.body.status === 'string' ? req.body.status : '';
      if (!text.trim()) throw new RouteFailure(422, "Validation failed: Text can't be blank");
      if (text.length > 500) throw new RouteFailure(422, 'Validation failed: Text character limit of 500 exceeded');
      const visibility = req.body.visibility;
      const allowed = ['public', 'unlisted', 'private', 'direct'] as const;
      const chosen = allowed.find((v) => v === visibility) ?? 'public';
      const key = req.headers['idempotency-key'];
      const status = ctx.state.postStatus(text, chosen, typeof key === 'string' ? key : null);
      return { body: statusView(ctx, status) };
    },
  },
];
