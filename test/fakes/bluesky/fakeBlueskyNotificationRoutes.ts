// app.bsky.notification.listNotifications as the AppView answers it: the signed-in account's
// notifications newest first, `limit` 1–100 (default 50), an opaque cursor to older pages (absent
// at the end), an optional `reasons` filter, each item with its author's profile view, reason,
// reasonSubject (the post of mine it concerns) and record (the reply, like or follow itself).
import type { FakeNotification } from './fakeBlueskyState';
import { profileView } from './fakeBlueskyViews';
import { limitParam, XrpcFailure, type RouteContext, type XrpcHandler } from './fakeBlueskyXrpc';
import { fakeCid } from './fakeBlueskyIds';

function recordOf(ctx: RouteContext, n: FakeNotification): Record<string, unknown> {
  const subject = n.reasonSubject ? { uri: n.reasonSubject, cid: fakeCid(n.reasonSubject) } : undefined;
  switch (n.reason) {
    case 'like':
      return { $type: 'app.bsky.feed.like', subject, createdAt: n.indexedAt };
    case 'repost':
      return { $type: 'app.bsky.feed.repost', subject, createdAt: n.indexedAt };
    case 'follow':
      return { $type: 'app.bsky.graph.follow', subject: ctx.state.self.did, createdAt: n.indexedAt };
    case 'reply':
      return { $type: 'app.bsky.feed.post', text: n.text ?? '', createdAt: n.indexedAt, reply: { root: subject, parent: subject } };
    case 'quote':
      return { $type: 'app.bsky.feed.post', text: n.text ?? '', createdAt: n.indexedAt, embed: { $type: 'app.bsky.embed.record', record: subject } };
    default:
      return { $type: 'app.bsky.feed.post', text: n.text ?? '', createdAt: n.indexedAt };
  }
}

const listNotifications: XrpcHandler = (ctx, req) => {
  const limit = Math.min(limitParam(req, 50, 100), ctx.knobs.pageSize);
  const cursor = req.params.get('cursor');
  const before = cursor === null ? Infinity : Number(cursor);
  if (Number.isNaN(before)) throw new XrpcFailure(400, 'InvalidRequest', 'malformed cursor');
  const reasons = new Set(req.params.getAll('reasons'));
  const all = ctx.state.notifications;
  const page: FakeNotification[] = [];
  let i = all.length - 1;
  while (i >= 0 && (all[i]?.seq ?? 0) >= before) i--;
  for (; i >= 0 && page.length < limit; i--) {
    const n = all[i]!;
    if (reasons.size > 0 && !reasons.has(n.reason)) continue;
    const author = ctx.state.actors.get(n.authorDid);
    if (author?.status !== 'active') continue; // like lists, gone accounts' notifications vanish
    page.push(n);
  }
  const last = page[page.length - 1];
  const more = i >= 0 && last !== undefined;
  const notifications = page.map((n) => ({
    uri: n.uri,
    cid: fakeCid(n.uri),
    author: profileView(ctx, ctx.state.actors.get(n.authorDid)!),
    reason: n.reason,
    ...(n.reasonSubject ? { reasonSubject: n.reasonSubject } : {}),
    record: recordOf(ctx, n),
    isRead: false,
    indexedAt: n.indexedAt,
    labels: [],
  }));
  return { notifications, ...(more ? { cursor: String(last.seq) } : {}) };
};

export const notificationRoutes: Record<string, XrpcHandler> = {
  'app.bsky.notification.listNotifications': listNotifications,
};
