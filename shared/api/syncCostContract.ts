// What a sync of an account will read, for networks that bill reads (X bills every user object its
// API returns): the window says it before the sync starts, beside the monthly cap the person set.
// Networks that do not bill reads answer null.
import { z } from 'zod';
import { method } from './contractMethod';

export interface SyncReadEstimate {
  /** Users a full sync reads at most: followers + following + the account itself; null when unknown. */
  users: number | null;
  /** Users read so far this calendar month (UTC). */
  readThisMonth: number;
  /** The monthly cap the person set; null: none. */
  monthlyCap: number | null;
  /** One sentence for the sync button's tooltip and the sign-in form. */
  sentence: string;
}

export const syncCostContract = {
  getSyncReadEstimate: method<SyncReadEstimate | null>()(z.strictObject({ accountId: z.number().int().positive() })),
} as const;
