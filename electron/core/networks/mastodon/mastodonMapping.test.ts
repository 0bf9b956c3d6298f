import { describe, expect, it } from 'vitest';
import { toMastodonProfile, toRemotePost } from './mastodonMapping';
import { localAccountId, mastodonRemoteId } from './mastodonRemoteId';
import type { AccountData } from './mastodonSchemas';

function account(overrides: Partial<AccountData> = {}): AccountData {
  return {
    id: '109302',
    username: 'ada',
    acct: 'ada',
    displayName: 'Ada :verified:',
    note: '<p>Hi <script>x()</script><a href="https://ada.example">site</a></p>',
    url: 'https://mastodon.social/@ada',
    avatar: 'https://files.example/a.gif',
    avatarStatic: 'https://files.example/a.png',
    locked: true,
    bot: false,
    createdAt: '2022-11-05T00:00:00.000Z',
    followersCount: 10,
    followingCount: -1,
    statusesCount: 3,
    emojis: [{ shortcode: 'verified', url: 'https://files.example/v.gif', staticUrl: 'https://files.example/v.png' }],
    fields: [{ name: 'Web <b>site</b>', value: '<a href="javascript:x()">evil</a> <a href="https://ok.example">ok</a>', verifiedAt: null }],
    ...overrides,
  };
}

describe('toMastodonProfile', () => {
  it('keys by instance and id, qualifies local handles, sanitizes bio and fields', () => {
    const p = toMastodonProfile('mastodon.social', account());
    expect(p).toMatchObject({
      remoteId: 'mastodon.social:109302',
      handle: 'ada@mastodon.social',
      displayName: 'Ada :verified:',
      bio: 'Hi site',
      bioHtml: '<p>Hi <a href="https://ada.example" rel="noopener noreferrer" target="_blank">site</a></p>',
      avatarUrl: 'https://files.example/a.png',
      followersCount: 10,
      followingCount: null, // hidden (-1)
      joinedAt: '2022-11-05T00:00:00.000Z',
      profileUrl: 'https://mastodon.social/@ada',
      gone: false,
    });
    expect(p.mastodon.displayNameTokens).toEqual([
      { kind: 'text', text: 'Ada ' },
      { kind: 'emoji', shortcode: 'verified', url: 'https://files.example/v.png' },
    ]);
    expect(p.mastodon.fields).toEqual([
      { name: 'Web <b>site</b>', valueHtml: '<a>evil</a> <a href="https://ok.example" rel="noopener noreferrer" target="_blank">ok</a>', valueText: 'evil ok', verifiedAt: null },
    ]);
    expect(p.mastodon.locked).toBe(true);
  });

  it('drops unsafe avatar and profile URLs, keeps remote handles, marks suspended accounts gone', () => {
    const p = toMastodonProfile('127.0.0.1:4100', account({ acct: 'bob@fosstodon.org', avatar: 'javascript:x', avatarStatic: null, url: 'data:text/html,x', suspended: true }));
    expect(p).toMatchObject({ handle: 'bob@fosstodon.org', avatarUrl: null, profileUrl: null, gone: true, remoteId: '127.0.0.1:4100:109302' });
  });

  it('maps posts with sanitized HTML and reply/boost flags', () => {
    expect(toRemotePost('m.example', { id: '5', createdAt: '2026-01-01T10:00:00Z', content: '<p>a<br>b</p>', inReplyToId: '4', reblog: null })).toEqual({
      remoteId: 'm.example:5',
      text: 'a\nb',
      html: '<p>a<br>b</p>',
      createdAt: '2026-01-01T10:00:00.000Z',
      isReply: true,
      isRepost: false,
    });
  });
});

describe('remote ids', () => {
  it('round-trip on the same instance and refuse another instance', () => {
    expect(localAccountId('m.example', mastodonRemoteId('m.example', '42'))).toBe('42');
    expect(() => localAccountId('m.example', 'other.example:42')).toThrow(/not known through m\.example/);
    expect(() => localAccountId('m.example', 'm.example:../42')).toThrow();
  });
});
