// Mastodon's part of the contract: sign-in on the instance's own page (OAuth with PKCE). The
// window opens the authorize URL beginSignIn returns; core waits for the grant on a loopback
// redirect, or takes the code the user pastes when the server only offers the out-of-band flow.
import type { ZodApi } from './zodApi';
import type { AvatarKind } from '../../signals/types';

export const mastodonContract = {
  id: 'mastodon',
  label: 'Mastodon',
  /** Hosts every account of this network links to (profiles, posts, its own pages); main admits them. */
  linkHosts: [] as readonly string[],
  actions: { canFollow: true, canDm: true },
  /** My notes can be mirrored to the server's private account note (the account's noteSync). */
  mirrorsNotes: true,
  /** Mastodon serves /avatars/original/missing.png (the path varies by instance and CDN). */
  avatarKind: (path: string): AvatarKind => (path === '' || /\/missing\.png$/i.test(path) ? 'default' : 'custom'),
  /** Built by signInParams.ts with zod: the window, which only reads the fields above, never loads it. */
  signInParams: (z: ZodApi) =>
    z.strictObject({
      network: z.literal('mastodon'),
      /** an instance (mastodon.social, https://…) or an address (@user@instance) */
      instance: z.string().trim().min(1).max(320),
      /** asks for write:accounts too, to mirror my notes to Mastodon's private account note */
      noteSync: z.boolean().optional(),
    }),
} as const;
