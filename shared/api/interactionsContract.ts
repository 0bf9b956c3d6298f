// Who engages with you (issue 16): a person's latest interactions, for Review and the profile.
// Counts per kind travel on the card itself (PersonCard.engagement); this reads the rows behind
// them, newest first, within the retention the user chose.
import { z } from 'zod';
import type { PersonInteractions } from '../interactions';
import { method } from './contractMethod';

const id = z.number().int().positive();

export const interactionsContract = {
  /** Newest first; `before` (the previous answer's `next`) pages back to older ones. */
  listInteractions: method<PersonInteractions>()(
    z.strictObject({
      accountId: id,
      personId: id,
      limit: z.number().int().min(1).max(200).optional(),
      before: z.strictObject({ at: z.iso.datetime({ offset: true }), id }).optional(),
    }),
  ),
} as const;
