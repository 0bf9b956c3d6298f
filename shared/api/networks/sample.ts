// The sample network's part of the contract: invented people from a seeded generator, for
// exploring Rapport without an account anywhere. Signing in only picks the generator's sizes.
import type { ZodApi } from './zodApi';
import type { AvatarKind } from '../../signals/types';

export const sampleContract = {
  id: 'sample',
  label: 'Sample data',
  /** Hosts every account of this network links to (profiles, posts, its own pages); main admits them. */
  linkHosts: [] as readonly string[],
  /**
   * Follows and messages go through the outbox like a real network's, simulated: nothing leaves
   * the machine. The sample module remembers sent follows from the outbox, so a restart keeps them.
   */
  actions: { canFollow: true, canDm: true },
  /** Generated people without a picture have no avatar URL at all. */
  avatarKind: (path: string): AvatarKind => (path === '' ? 'default' : 'custom'),
  /** Built by signInParams.ts with zod: the window, which only reads the fields above, never loads it. */
  signInParams: (z: ZodApi) =>
    z.strictObject({
      network: z.literal('sample'),
      followers: z.number().int().min(1).max(1_000_000).optional(),
      following: z.number().int().min(0).max(1_000_000).optional(),
      seed: z.number().int().min(0).max(2 ** 31 - 1).optional(),
    }),
} as const;
