// Bluesky's part of the contract: sign-in with a handle (or email) and an app password, which
// core uses once and never stores; only the sealed session is kept.
import type { ZodApi } from './zodApi';
import type { AvatarKind } from '../../signals/types';

export const blueskyContract = {
  id: 'bluesky',
  label: 'Bluesky',
  /** Hosts every account of this network links to (profiles, posts, its own pages); main admits them. */
  linkHosts: ['bsky.app'] as readonly string[],
  actions: { canFollow: true, canDm: true },
  /** Bluesky sends no avatar field until the user uploads one. */
  avatarKind: (path: string): AvatarKind => (path === '' ? 'default' : 'custom'),
  /** Built by signInParams.ts with zod: the window, which only reads the fields above, never loads it. */
  signInParams: (z: ZodApi) =>
    z.strictObject({
      network: z.literal('bluesky'),
      identifier: z.string().trim().min(1).max(320),
      appPassword: z.string().trim().min(1).max(256),
      serviceUrl: z.string().trim().min(1).max(2048).optional(),
    }),
} as const;
