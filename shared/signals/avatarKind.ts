// Tells a network's default avatar from a chosen one by the remote URL, for providers that
// fill SignalInput.avatar. Each network marks its default differently; where it does not
// mark it at all (GitHub's identicons live at the same URL as photos) we answer 'unknown'.
import type { Network } from '../domain';
import type { AvatarKind } from './types';

export function avatarKindFromUrl(network: Network, url: string | null): AvatarKind {
  const path = (url ?? '').trim().split(/[?#]/, 1)[0] ?? '';
  switch (network) {
    case 'bluesky':
    case 'sample':
      // Bluesky sends no avatar field until the user uploads one.
      return path === '' ? 'default' : 'custom';
    case 'mastodon':
      // Mastodon serves /avatars/original/missing.png (path varies by instance and CDN).
      if (path === '') return 'default';
      return /\/missing\.png$/i.test(path) ? 'default' : 'custom';
    case 'x':
      if (path === '') return 'default';
      return path.includes('/default_profile_images/') ? 'default' : 'custom';
    case 'github':
      return 'unknown';
  }
}
