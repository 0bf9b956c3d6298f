// Bluesky's part of the contract: sign-in with a handle (or email) and an app password, which
// core uses once and never stores; only the sealed session is kept.
import { z } from 'zod';

export const blueskyContract = {
  id: 'bluesky',
  label: 'Bluesky',
  actions: { canFollow: true, canDm: true },
  signInParams: z.strictObject({
    network: z.literal('bluesky'),
    identifier: z.string().trim().min(1).max(320),
    appPassword: z.string().trim().min(1).max(256),
    serviceUrl: z.string().trim().min(1).max(2048).optional(),
  }),
} as const;
