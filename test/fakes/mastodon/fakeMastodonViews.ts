// Entities as Mastodon's REST API serialises them (snake_case, ids as strings, HTML content).
import type { FakeMastodonAccount, FakeMastodonState, FakeStatus } from './fakeMastodonState';

export interface ViewContext {
  state: FakeMastodonState;
  origin: string;
}

export function accountView(ctx: ViewContext, a: FakeMastodonAccount): Record<string, unknown> {
  const domain = a.acct.includes('@') ? a.acct.split('@')[1] : ctx.state.domain;
  const url = `https://${domain}/@${a.username}`;
  if (a.suspended) {
    // Suspended accounts keep their identity but lose their content.
    return {
      id: a.id, username: a.username, acct: a.acct, display_name: '', locked: false, bot: false, discoverable: null, group: false,
      created_at: a.createdAt, note: '', url, uri: url, avatar: `${ctx.origin}/avatars/original/missing.png`,
      avatar_static: `${ctx.origin}/avatars/original/missing.png`, header: '', header_static: '', followers_count: 0, following_count: 0,
      statuses_count: 0, last_status_at: null, suspended: true, emojis: [], fields: [],
    };
  }
  return {
    id: a.id,
    username: a.username,
    acct: a.acct,
    display_name: a.displayName,
    locked: a.locked,
    bot: a.bot,
    discoverable: true,
    group: false,
    created_at: a.createdAt,
    note: a.note,
    url,
    uri: url,
    avatar: `${ctx.origin}/avatars/${a.id}.png`,
    avatar_static: `${ctx.origin}/avatars/${a.id}.png`,
    header: a.header ? `${ctx.origin}${a.header}` : `${ctx.origin}/headers/original/missing.png`,
    header_static: a.header ? `${ctx.origin}${a.header}` : `${ctx.origin}/headers/original/missing.png`,
    followers_count: a.followersCount,
    following_count: a.followingCount,
    statuses_count: a.statusesCount,
    last_status_at: '2026-01-02',
    emojis: a.emojis,
    fields: a.fields,
    ...movedView(ctx, a),
  };
}

/** `moved`: the account it moved to, as a full account (one level deep, as Mastodon nests it). */
function movedView(ctx: ViewContext, a: FakeMastodonAccount): Record<string, unknown> {
  const target = a.movedTo ? ctx.state.accounts.get(a.movedTo) : undefined;
  return target ? { moved: accountView(ctx, { ...target, movedTo: null }) } : {};
}

export function credentialAccountView(ctx: ViewContext, a: FakeMastodonAccount): Record<string, unknown> {
  return {
    ...accountView(ctx, a),
    source: { privacy: 'public', sensitive: false, language: 'en', note: '', fields: [], follow_requests_count: 0 },
  };
}

export function relationshipView(state: FakeMastodonState, accountId: string): Record<string, unknown> {
  const following = state.isFollowing(accountId);
  return {
    id: accountId,
    following,
    showing_reblogs: following,
    notifying: false,
    languages: null,
    followed_by: state.isFollower(accountId),
    blocking: false,
    blocked_by: false,
    muting: false,
    muting_notifications: false,
    requested: state.pendingRequests.has(accountId),
    requested_by: false,
    domain_blocking: false,
    endorsed: false,
    note: state.notes.get(accountId) ?? '',
  };
}

export function statusView(ctx: ViewContext, s: FakeStatus): Record<string, unknown> {
  const account = ctx.state.accounts.get(s.accountId)!;
  const reblog = s.reblogOf ? { ...statusView(ctx, { ...s, id: s.reblogOf, reblogOf: null, content: '<p>boosted</p>' }) } : null;
  return {
    id: s.id,
    uri: `https://${ctx.state.domain}/users/${account.username}/statuses/${s.id}`,
    url: `https://${ctx.state.domain}/@${account.username}/${s.id}`,
    created_at: s.createdAt,
    account: accountView(ctx, account),
    content: s.content,
    visibility: s.visibility,
    sensitive: false,
    spoiler_text: '',
    media_attachments: [],
    mentions: s.mentions.map((id) => {
      const m = ctx.state.accounts.get(id)!;
      return { id, username: m.username, acct: m.acct, url: `https://${ctx.state.domain}/@${m.username}` };
    }),
    tags: [],
    emojis: [],
    reblogs_count: 0,
    favourites_count: 0,
    replies_count: 0,
    in_reply_to_id: s.inReplyToId,
    in_reply_to_account_id: s.inReplyToId ? account.id : null,
    reblog,
    language: 'en',
    edited_at: null,
  };
}
