// GET /api/v1/notifications as Mastodon answers it: newest first by id; `max_id` (older than),
// `since_id` (newer than, newest first) and `min_id` (immediately newer, oldest first) exclusive;
// `limit` default 40, max 80; `types[]` and `exclude_types[]`; a Link header with `next` (max_id)
// and `prev` (min_id). Notifications from hidden (suspended, deleted) accounts are left out.
import type { FakeNotification } from './fakeMastodonState';
import type { Route, RouteAnswer, RouteContext, RouteRequest } from './fakeMastodonRoutes';
import { accountView, statusView } from './fakeMastodonViews';

function notificationView(ctx: RouteContext, n: FakeNotification): Record<string, unknown> {
  const status = n.status ? statusView(ctx, n.status) : null;
  // A reply to me names me as the account replied to (statusView models replies to oneself).
  if (status && n.repliesToMe) status.in_reply_to_account_id = ctx.state.self.id;
  return {
    id: n.id,
    type: n.type,
    created_at: n.createdAt,
    group_key: `ungrouped-${n.id}`,
    account: accountView(ctx, ctx.state.accounts.get(n.accountId)!),
    ...(status ? { status } : {}),
  };
}

function listNotifications(ctx: RouteContext, req: RouteRequest): RouteAnswer {
  ctx.state.notificationQueries.push(req.url.search);
  const requested = Number(req.params.get('limit') ?? '40');
  const limit = Math.max(1, Math.min(Number.isFinite(requested) ? requested : 40, 80, ctx.knobs.pageSize));
  const bound = (name: string): number | null => {
    const value = req.params.get(name);
    return value === null ? null : Number(value);
  };
  const maxId = bound('max_id');
  const sinceId = bound('since_id');
  const minId = bound('min_id');
  const types = new Set(req.params.getAll('types[]'));
  const excluded = new Set(req.params.getAll('exclude_types[]'));
  const eligible = ctx.state.notifications.filter((n) => {
    const id = Number(n.id);
    if (maxId !== null && id >= maxId) return false;
    if (sinceId !== null && id <= sinceId) return false;
    if (minId !== null && id <= minId) return false;
    if (types.size > 0 && !types.has(n.type)) return false;
    if (excluded.has(n.type)) return false;
    return !ctx.state.isHidden(n.accountId);
  });
  // min_id pages up from just above it; everything else pages down from the newest.
  const page = minId !== null ? eligible.slice(0, limit).reverse() : eligible.slice(-limit).reverse();
  const links: string[] = [];
  const last = page[page.length - 1];
  if (last && page.length === limit) {
    const next = new URL(req.url.pathname, ctx.origin);
    next.searchParams.set('limit', String(limit));
    next.searchParams.set('max_id', last.id);
    links.push(`<${next.href}>; rel="next"`);
  }
  if (page[0]) {
    const prev = new URL(req.url.pathname, ctx.origin);
    prev.searchParams.set('limit', String(limit));
    prev.searchParams.set('min_id', page[0].id);
    links.push(`<${prev.href}>; rel="prev"`);
  }
  return { body: page.map((n) => notificationView(ctx, n)), headers: links.length ? { link: links.join(', ') } : {} };
}

export const notificationRoutes: Route[] = [
  {
    method: 'GET',
    pattern: /^\/api\/v1\/notifications$/,
    name: 'GET /api/v1/notifications',
    scope: 'read:notifications',
    handle: listNotifications,
  },
];
