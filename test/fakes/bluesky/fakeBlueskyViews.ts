// Response shapes as the AppView sends them (app.bsky.actor.defs, app.bsky.graph.defs,
// app.bsky.feed.defs), built from the fake's state.
import type { FakeActor, FakeBlueskyState } from './fakeBlueskyState';

export interface ViewContext {
  state: FakeBlueskyState;
  /** Origin of the fake, for avatar URLs. */
  origin: string;
}

function viewerOf(ctx: ViewContext, actor: FakeActor): { following?: string; followedBy?: string } {
  const viewer: { following?: string; followedBy?: string } = {};
  const mine = ctx.state.followRecordsOf(actor.did)[0];
  if (mine) viewer.following = ctx.state.followUri(mine);
  const theirs = ctx.state.followerEdge(actor.did);
  if (theirs) viewer.followedBy = ctx.state.followerUri(theirs);
  return viewer;
}

export function avatarUrl(ctx: ViewContext, actor: FakeActor): string {
  return `${ctx.origin}/img/avatar/plain/${actor.did}/avatar@jpeg`;
}

/** app.bsky.actor.defs#profileView: what follower lists carry (no counts). */
export function profileView(ctx: ViewContext, actor: FakeActor): Record<string, unknown> {
  return {
    did: actor.did,
    handle: actor.handle,
    displayName: actor.displayName,
    description: actor.description,
    avatar: avatarUrl(ctx, actor),
    createdAt: actor.createdAt,
    indexedAt: actor.createdAt,
    viewer: viewerOf(ctx, actor),
    labels: [],
  };
}

/** The AppView names at most this many of the viewer's follows who follow someone. */
const KNOWN_FOLLOWERS_NAMED = 5;

/**
 * app.bsky.actor.defs#profileViewDetailed: getProfile(s), with counts and, for people some of my
 * follows follow, viewer.knownFollowers (list views never carry it, like the real AppView).
 */
export function profileViewDetailed(ctx: ViewContext, actor: FakeActor): Record<string, unknown> {
  const view = profileView(ctx, actor);
  const known = ctx.state.knownFollowersOf(actor.did);
  if (known.length > 0) {
    const followers = known
      .slice(0, KNOWN_FOLLOWERS_NAMED)
      .map((did) => ctx.state.actors.get(did))
      .filter((a): a is FakeActor => a !== undefined)
      .map((a) => profileViewBasic(ctx, a));
    view.viewer = { ...(view.viewer as Record<string, unknown>), knownFollowers: { count: known.length, followers } };
  }
  return {
    ...view,
    followersCount: actor.followersCount,
    followsCount: actor.followsCount,
    postsCount: actor.postsCount,
  };
}

export function profileViewBasic(ctx: ViewContext, actor: FakeActor): Record<string, unknown> {
  return { did: actor.did, handle: actor.handle, displayName: actor.displayName, avatar: avatarUrl(ctx, actor) };
}

/**
 * Like the AppView (getProfileViewerStatesNaive): the follow records decide, whatever the account's
 * status, so a deactivated or deleted follower still reads as following. Only a DID the network has
 * never seen is notFoundActor.
 */
export function relationshipView(ctx: ViewContext, identifier: string): Record<string, unknown> {
  const actor = ctx.state.resolve(identifier);
  if (!actor) {
    return { $type: 'app.bsky.graph.defs#notFoundActor', actor: identifier, notFound: true };
  }
  return { $type: 'app.bsky.graph.defs#relationship', did: actor.did, ...viewerOf(ctx, actor) };
}
