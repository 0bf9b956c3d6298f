// Followers a Mastodon-compatible server can send that once failed a whole page: a bio and
// profile fields made of <frameset> markup, and an account whose count is text (servers that
// hide counts sometimes do). Added on demand, so tests that do not ask keep their counts.
import type { FakeMastodonAccount, FakeMastodonState } from './fakeMastodonState';

/** A new (newest) follower with <frameset> in the bio and in a profile field. */
export function addFollowerWithFramesetBio(state: FakeMastodonState): FakeMastodonAccount {
  const account = state.createAccount({
    username: 'frameset',
    displayName: 'Frame Set',
    note: '<frameset><frame src="https://evil.example/"></frameset><p>Hello from frames</p>',
    fields: [{ name: 'Site', value: '<frameset onload="__xss(1)"><frame src="javascript:__xss(2)">', verified_at: null }],
  });
  state.addFollower(account.id);
  return account;
}

/** A new (newest) follower whose followers_count arrives as the string "many". */
export function addFollowerWithTextCount(state: FakeMastodonState): FakeMastodonAccount {
  const account = state.createAccount({ username: 'textcount', displayName: 'Text Count' });
  // The fake's views copy the field as it is; the API would never type it so.
  (account as { followersCount: unknown }).followersCount = 'many';
  state.addFollower(account.id);
  return account;
}

/** A new (newest) follower with statuses, the first of which the server sent without date or account. */
export function addFollowerWithBrokenStatus(state: FakeMastodonState): FakeMastodonAccount {
  const account = state.createAccount({ username: 'brokenpost', displayName: 'Broken Post', statusesCount: 4 });
  state.brokenFirstStatus.add(account.id);
  state.addFollower(account.id);
  return account;
}
