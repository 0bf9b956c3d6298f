import { describe, expect, it } from 'vitest';
import { avatarKindFromUrl } from './avatarKind';

describe('avatarKindFromUrl', () => {
  it.each([
    ['bluesky', null, 'default'],
    ['bluesky', 'https://cdn.bsky.app/img/avatar/plain/did:plc:abc/bafk@jpeg', 'custom'],
    ['mastodon', 'https://mastodon.social/avatars/original/missing.png', 'default'],
    ['mastodon', 'https://files.example/avatars/original/missing.png?1700000000', 'default'],
    ['mastodon', 'https://files.mastodon.social/accounts/avatars/000/000/001/original/a.png', 'custom'],
    ['sample', '', 'default'],
  ] as const)('%s %s → %s', (network, url, kind) => {
    expect(avatarKindFromUrl(network, url)).toBe(kind);
  });
});
