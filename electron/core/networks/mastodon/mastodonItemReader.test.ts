// One account or status a server sent broken costs that item (or its broken field), never the list.
import { describe, expect, it } from 'vitest';
import { readAccountList, readStatusList } from './mastodonItemReader';
import { toMastodonProfile } from './mastodonMapping';

const HOST = 'fake.mastodon.test';
const ENDPOINT = 'GET /api/v1/accounts/:id/followers';

function account(id: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    username: `u${id}`,
    acct: `u${id}`,
    displayName: `User ${id}`,
    note: '<p>hi</p>',
    createdAt: '2024-01-01T00:00:00.000Z',
    followersCount: 1,
    followingCount: 2,
    statusesCount: 3,
    ...overrides,
  };
}

const read = (list: unknown) => readAccountList(list, ENDPOINT, HOST, (a) => toMastodonProfile(HOST, a));

describe('readAccountList', () => {
  it('keeps an account with a broken count, the count unknown, and says which field', () => {
    const out = read([account('1'), account('2', { followersCount: 'many' }), account('3')]);
    expect(out.profiles.map((p) => p.followersCount)).toEqual([1, null, 1]);
    expect(out.unreadable).toEqual([{ kind: 'profile', remoteId: `${HOST}:2`, outcome: 'cut', fields: ['followersCount'] }]);
    expect(out.profiles[1]?.unreadable).toEqual(out.unreadable[0]);
  });

  it('leaves out an account without a usable id or username, keeping the rest', () => {
    const out = read([account('1'), account('2', { username: 42 }), { acct: 'no-id' }]);
    expect(out.profiles.map((p) => p.remoteId)).toEqual([`${HOST}:1`]);
    expect(out.unreadable).toEqual([
      { kind: 'profile', remoteId: `${HOST}:2`, outcome: 'skipped', fields: [] },
      { kind: 'profile', remoteId: null, outcome: 'skipped', fields: [] },
    ]);
    expect(out.sent).toBe(3);
  });

  it('stores a <frameset> bio and field sanitized, reporting nothing', () => {
    const out = read([account('1', { note: '<frameset><frame src="x">', fields: [{ name: 'a', value: '<frameset>', verifiedAt: null }] })]);
    expect(out.unreadable).toEqual([]);
    expect(out.profiles[0]).toMatchObject({ bio: '', bioHtml: '' });
  });

  it('still refuses an answer that is not a list at all', () => {
    expect(() => read({ error: 'nope' })).toThrow(/malformed answer/);
  });
});

describe('readStatusList', () => {
  it('leaves out a broken status and keeps the others', () => {
    const status = (id: string, extra: Record<string, unknown> = {}) => ({ id, createdAt: '2025-01-01T00:00:00.000Z', content: `<p>post ${id}</p>`, visibility: 'public', ...extra });
    const posts = readStatusList([status('1'), status('2', { content: 7 }), status('3')], 'GET /api/v1/accounts/:id/statuses', HOST);
    expect(posts.map((p) => p.text)).toEqual(['post 1', 'post 3']);
  });
});
