// Who engages with you (issue 16): a person's latest interactions, for Review and the profile, and
// the new followers Review shows first because they spoke to me before following.
// Counts per kind travel on the card itself (PersonCard.engagement); this reads the rows behind
// them, newest first, within the retention the user chose.
import { z } from 'zod';
import type { PersonCard } from '../domain';
import {
  INTERACTION_RETENTION_MAX_DAYS,
  INTERACTION_RETENTION_MIN_DAYS,
  type InteractionRetention,
  type PersonInteractions,
} from '../interactions';
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
  /**
   * Review's first cards: new followers (not snoozed) who replied to, mentioned or quoted me before
   * they followed, most recent follow first. Review shows them before the rest of New.
   */
  getReviewFirst: method<PersonCard[]>()(
    z.strictObject({ accountId: id, limit: z.number().int().min(1).max(100).optional() }),
  ),
  getInteractionRetention: method<InteractionRetention>()(z.strictObject({})),
  /**
   * How many days interaction rows are kept (every account). Rows already older go at once; the
   * counts on cards stay as they were.
   */
  setInteractionRetention: method<InteractionRetention>()(
    z.strictObject({ days: z.number().int().min(INTERACTION_RETENTION_MIN_DAYS).max(INTERACTION_RETENTION_MAX_DAYS) }),
  ),
} as const;
