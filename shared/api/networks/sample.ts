// The sample network's part of the contract: invented people from a seeded generator, for
// exploring Rapport without an account anywhere. Signing in only picks the generator's sizes.
import { z } from 'zod';
import type { AvatarKind } from '../../signals/types';

export const sampleContract = {
  id: 'sample',
  label: 'Sample data',
  /**
   * Invented people exist only in the generator's memory: a follow would be forgotten at the next
   * start, so the sample board only triages.
   */
  actions: { canFollow: false, canDm: false },
  /** Generated people without a picture have no avatar URL at all. */
  avatarKind: (path: string): AvatarKind => (path === '' ? 'default' : 'custom'),
  signInParams: z.strictObject({
    network: z.literal('sample'),
    followers: z.number().int().min(1).max(1_000_000).optional(),
    following: z.number().int().min(0).max(1_000_000).optional(),
    seed: z.number().int().min(0).max(2 ** 31 - 1).optional(),
  }),
} as const;
