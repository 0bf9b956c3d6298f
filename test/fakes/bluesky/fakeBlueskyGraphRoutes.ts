// Lists, profiles, feeds, relationships and follow records: the AppView and repo methods a sync
// and a follow-back use.
import type { FakeEdge } from './fakeBlueskyState';
import { profileView, profileViewDetailed, relationshipView } from './fakeBlueskyViews';
import { limitParam, requireParam, XrpcFailure, type RouteContext, type XrpcHandler, type XrpcRequest } from './fakeBlueskyXrpc';
import { fakeCid } from './fakeBlueskyIds';

const CURSOR_PAST_END = 'end';

/** Newest-first page over `edges` (oldest first in memory); the cursor is the last seq served. */
function pageOf(ctx: RouteContext, req: XrpcRequest, edges: FakeEdge[]): { page: FakeEdge[]; cursor: string | undefined } {
  const limit = Math.min(limitParam(req, 50, 100), ctx.knobs.pageSize);
  const cursor = req.params.get('cursor');
  if (cursor === CURSOR_PAST_END) return { page: [], cursor: ctx.knobs.emptyLastPageWithCursor ? CURSOR_PAST_END : undefined };
  const before = cursor === null ? Infinity : Number(cursor);
  if (Number.isNaN(before)) throw new XrpcFailure(400, 'InvalidRequest', 'malformed cursor');
  // Visible edges only: deactivated, taken-down and deleted accounts vanish from lists.
  const end = firstAtOrAfter(edges, before);
  const page: FakeEdge[] = [];
  let i = end - 1;
  for (; i >= 0 && page.length < limit; i--) {
    const edge = edges[i];
    if (edge && ctx.state.actors.get(edge.did)?.status === 'active') page.push(edge);
  }
  while (i >= 0 && ctx.state.actors.get(edges[i]?.did ?? '')?.status !== 'active') i--;
  const more = i >= 0;
  const last = page[page.length - 1];
  if (more && last) return { page, cursor: String(last.seq) };
  return { page, cursor: ctx.knobs.emptyLastPageWithCursor && page.length > 0 ? CURSOR_PAST_END : undefined };
}

/** Index of the first edge with seq ≥ `seq` (edges are sorted by seq). */
function firstAtOrAfter(edges: FakeEdge[], seq: number): number {
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((edges[mid]?.seq ?? 0) < seq) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function requireSelf(ctx: RouteContext, req: XrpcRequest): void {
  const actor = ctx.state.resolve(requireParam(req, 'actor'));
  if (!actor) throw new XrpcFailure(400, 'InvalidRequest', 'Profile not found');
  if (actor.did !== ctx.state.self.did) throw new XrpcFailure(400, 'InvalidRequest', 'the fake only lists the signed-in account');
}

const getFollowers: XrpcHandler = (ctx, req) => {
  requireSelf(ctx, req);
  const { page, cursor } = pageOf(ctx, req, ctx.state.followers);
  const followers = page.map((e) => profileView(ctx, ctx.state.actors.get(e.did)!));
  if (ctx.knobs.malformed === 'follower-without-did' && followers[0]) {
    ctx.knobs.malformed = null;
    delete followers[0].did;
  }
  return { subject: profileView(ctx, ctx.state.self), followers, ...(cursor ? { cursor } : {}) };
};

const getFollows: XrpcHandler = (ctx, req) => {
  requireSelf(ctx, req);
  const { page, cursor } = pageOf(ctx, req, ctx.state.follows);
  const follows = page.map((e) => profileView(ctx, ctx.state.actors.get(e.did)!));
  return { subject: profileView(ctx, ctx.state.self), follows, ...(cursor ? { cursor } : {}) };
};

const getProfile: XrpcHandler = (ctx, req) => {
  const actor = ctx.state.resolve(requireParam(req, 'actor'));
  if (!actor) throw new XrpcFailure(400, 'InvalidRequest', 'Profile not found');
  if (actor.status === 'deactivated') throw new XrpcFailure(400, 'AccountDeactivated', 'Account is deactivated');
  if (actor.status === 'takendown') throw new XrpcFailure(400, 'AccountTakedown', 'Account has been suspended');
  if (actor.status === 'deleted') throw new XrpcFailure(400, 'InvalidRequest', 'Profile not found');
  return profileViewDetailed(ctx, actor);
};

const getProfiles: XrpcHandler = (ctx, req) => {
  const actors = req.params.getAll('actors');
  if (actors.length === 0) throw new XrpcFailure(400, 'InvalidRequest', 'Error: Params must have the property "actors"');
  if (actors.length > 25) throw new XrpcFailure(400, 'InvalidRequest', 'Error: actors must not have more than 25 elements');
  // Like the AppView: unknown, deactivated, taken-down and deleted accounts are silently left out.
  const profiles = actors
    .map((id) => ctx.state.resolve(id))
    .filter((a) => a !== null && a.status === 'active')
    .map((a) => profileViewDetailed(ctx, a!));
  if (ctx.knobs.malformed === 'profile-bad-count' && profiles[0]) {
    ctx.knobs.malformed = null;
    profiles[0].followersCount = 'many';
  }
  return { profiles };
};

const getAuthorFeed: XrpcHandler = (ctx, req) => {
  const actor = ctx.state.resolve(requireParam(req, 'actor'));
  if (!actor || actor.status !== 'active') throw new XrpcFailure(400, 'InvalidRequest', 'Profile not found');
  const limit = limitParam(req, 50, 100);
  const noReplies = req.params.get('filter') === 'posts_no_replies';
  const author = profileView(ctx, actor);
  const feed = ctx.state
    .postsOf(actor, limit * 2)
    .filter((p) => !(noReplies && p.isReply))
    .slice(0, limit)
    .map((p) => ({
      post: {
        uri: p.uri,
        cid: p.cid,
        author: { did: author.did, handle: author.handle, displayName: author.displayName },
        record: {
          $type: 'app.bsky.feed.post',
          text: p.text,
          createdAt: p.createdAt,
          ...(p.isReply ? { reply: { root: { uri: p.uri, cid: p.cid }, parent: { uri: p.uri, cid: p.cid } } } : {}),
        },
        indexedAt: p.createdAt,
      },
    }));
  if (ctx.state.brokenFirstPost.has(actor.did)) {
    feed.unshift({ post: { author, record: { $type: 'app.bsky.feed.post', text: 'A post without uri, cid or date' } } } as unknown as (typeof feed)[number]);
  }
  return { feed };
};

const getRelationships: XrpcHandler = (ctx, req) => {
  const actor = ctx.state.resolve(requireParam(req, 'actor'));
  if (!actor) throw new XrpcFailure(400, 'ActorNotFound', 'Actor not found');
  const others = req.params.getAll('others');
  if (others.length > 30) throw new XrpcFailure(400, 'InvalidRequest', 'Error: others must not have more than 30 elements');
  if (actor.did !== ctx.state.self.did) throw new XrpcFailure(400, 'InvalidRequest', 'the fake relates the signed-in account only');
  return { actor: actor.did, relationships: others.map((o) => relationshipView(ctx, o)) };
};

const resolveHandle: XrpcHandler = (ctx, req) => {
  const actor = ctx.state.resolve(requireParam(req, 'handle'));
  if (!actor) throw new XrpcFailure(400, 'HandleNotFound', 'Unable to resolve handle');
  return { did: actor.did };
};

function requireOwnRepo(ctx: RouteContext, req: XrpcRequest): void {
  const repo = typeof req.body.repo === 'string' ? ctx.state.resolve(req.body.repo) : null;
  if (!repo || repo.did !== req.viewerDid) throw new XrpcFailure(400, 'InvalidRequest', 'Invalid repo');
  if (req.body.collection !== 'app.bsky.graph.follow') throw new XrpcFailure(400, 'InvalidRequest', 'the fake stores follow records only');
}

const createRecord: XrpcHandler = (ctx, req) => {
  requireOwnRepo(ctx, req);
  const record = req.body.record as { subject?: unknown; $type?: unknown } | undefined;
  if (!record || record.$type !== 'app.bsky.graph.follow' || typeof record.subject !== 'string' || !record.subject.startsWith('did:')) {
    throw new XrpcFailure(400, 'InvalidRequest', 'Invalid app.bsky.graph.follow record');
  }
  if (typeof req.body.rkey === 'string' && ctx.state.follows.some((e) => e.rkey === req.body.rkey)) {
    throw new XrpcFailure(400, 'InvalidRequest', 'Record already exists');
  }
  // Like the real PDS, a second follow of the same subject is another record, not an error.
  const edge = ctx.state.addFollowEdge(record.subject);
  if (typeof req.body.rkey === 'string') edge.rkey = req.body.rkey;
  const uri = ctx.state.followUri(edge);
  return { uri, cid: fakeCid(uri), validationStatus: 'valid' };
};

const deleteRecord: XrpcHandler = (ctx, req) => {
  requireOwnRepo(ctx, req);
  if (typeof req.body.rkey !== 'string') throw new XrpcFailure(400, 'InvalidRequest', 'Input must have the property "rkey"');
  // Deleting a record that is already gone succeeds, as on the real PDS.
  ctx.state.removeFollowRecord(req.body.rkey);
  return {};
};

export const graphRoutes: Record<string, XrpcHandler> = {
  'app.bsky.graph.getFollowers': getFollowers,
  'app.bsky.graph.getFollows': getFollows,
  'app.bsky.actor.getProfile': getProfile,
  'app.bsky.actor.getProfiles': getProfiles,
  'app.bsky.feed.getAuthorFeed': getAuthorFeed,
  'app.bsky.graph.getRelationships': getRelationships,
  'com.atproto.identity.resolveHandle': resolveHandle,
  'com.atproto.repo.createRecord': createRecord,
  'com.atproto.repo.deleteRecord': deleteRecord,
};
