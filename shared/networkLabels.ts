// How each network is named to the user: in the window, and in notifications main shows.
import type { Network } from './domain';

export const NETWORK_LABELS: Readonly<Record<Network, string>> = {
  sample: 'Sample data',
  bluesky: 'Bluesky',
  mastodon: 'Mastodon',
  x: 'X',
  github: 'GitHub',
};
