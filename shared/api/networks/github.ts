// GitHub's part of the contract: sign-in with a personal access token (classic or fine-grained),
// checked with GET /user before anything is stored, and kept only sealed. An optional GitHub
// Enterprise Server address for people on a company instance. GitHub has follows, no messages.
import type { ZodApi } from './zodApi';
import type { AvatarKind } from '../../signals/types';

export const githubContract = {
  id: 'github',
  label: 'GitHub',
  /** Hosts every account of this network links to (profiles, posts, its own pages); main admits them. */
  linkHosts: ['github.com'] as readonly string[],
  actions: { canFollow: true, canDm: false },
  /**
   * GitHub serves a generated identicon and an uploaded picture at the same kind of address
   * (avatars.githubusercontent.com/u/<id>), so the URL cannot tell them apart.
   */
  avatarKind: (): AvatarKind => 'unknown',
  /** Built by signInParams.ts with zod: the window, which only reads the fields above, never loads it. */
  signInParams: (z: ZodApi) =>
    z.strictObject({
      network: z.literal('github'),
      /** ghp_… (classic) or github_pat_… (fine-grained); used to sign in, then kept sealed. */
      token: z.string().trim().min(1).max(512),
      /** A GitHub Enterprise Server (https://github.example.com or its …/api/v3); absent: github.com. */
      enterpriseUrl: z.string().trim().min(1).max(2048).optional(),
    }),
} as const;

/** What the sign-in form says about the token's permissions (the same sentence core's errors use). */
export const GITHUB_TOKEN_PERMISSIONS =
  'A classic token needs the read:user and user:follow scopes; a fine-grained token needs the Followers permission (read and write).';
