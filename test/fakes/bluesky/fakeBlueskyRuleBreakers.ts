// Followers a custom PDS can produce but the lexicon forbids (app.bsky.actor.defs: a display name
// of at most 64 graphemes). Added on demand, so tests that do not ask keep their counts.
import type { FakeActor, FakeBlueskyState } from './fakeBlueskyState';

/** A new (newest) follower whose display name is 300 characters long. */
export function addFollowerWithOverlongName(state: FakeBlueskyState): FakeActor {
  const actor = state.createActor({ displayName: `Very long name ${'x'.repeat(285)}` });
  state.addFollowerEdge(actor.did);
  return actor;
}

/** A new (newest) follower with posts, the first of which the server sent without uri, cid or date. */
export function addFollowerWithBrokenPost(state: FakeBlueskyState): FakeActor {
  const actor = state.createActor({ displayName: 'Broken Post', postsCount: 4 });
  state.brokenFirstPost.add(actor.did);
  state.addFollowerEdge(actor.did);
  return actor;
}
