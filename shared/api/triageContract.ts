// Contract methods for triage beyond the board (issue 4): people lists with filters, bulk moves,
// notes and tags, timelines, snooze, stats, templates, export and forgetting a person.
import { z } from 'zod';
import { STAGES, type ActionSummary, type OutboxAction, type PersonCard, type Stage, type StageCounts } from '../domain';
import { SIGNAL_IDS } from '../signals/types';
import {
  EXPORT_FORMATS,
  PEOPLE_SORTS,
  RELATIONSHIP_FILTERS,
  type AccountStats,
  type ExportFile,
  type MessageTemplate,
  type PersonMatch,
  type SavedFilter,
  type TimelineEntry,
} from '../triageTypes';
import { method } from './contractMethod';

const id = z.number().int().positive();
const stage = z.enum(STAGES);
const isoDate = z.iso.datetime({ offset: true });
/** Tags are short labels; case is kept for display, uniqueness is case-insensitive in core. */
export const tagName = z
  .string()
  .trim()
  .min(1)
  .max(40)
  // `;` separates tags in exports, `,` in the tag field where they are typed.
  .regex(/^[^,;\n\r\t]+$/, 'A tag cannot contain commas, semicolons or line breaks');

export const peopleFilterSchema = z.strictObject({
  query: z.string().trim().max(200).optional(),
  stages: z.array(stage).max(4).optional(),
  tags: z.array(tagName).max(20).optional(),
  signals: z.array(z.enum(SIGNAL_IDS)).max(SIGNAL_IDS.length).optional(),
  relationship: z.enum(RELATIONSHIP_FILTERS).optional(),
  followedMeAfter: isoDate.optional(),
  followedMeBefore: isoDate.optional(),
  snoozed: z.boolean().optional(),
  engages: z.boolean().optional(),
});

export interface PeoplePage {
  items: PersonCard[];
  /** how many people match the filter in all */
  total: number;
  /** offset of the next page, or null at the end */
  nextOffset: number | null;
}

export interface BulkMoveResult {
  moved: number;
  counts: StageCounts;
  /** what each moved person left, so one undo can put them back */
  from: { personId: number; stage: Stage }[];
}

/** Either explicit ids (shift/ctrl-click) or every person matching a filter ("select all matching"). */
const selection = z.union([
  z.strictObject({ personIds: z.array(id).min(1).max(50_000) }),
  z.strictObject({ filter: peopleFilterSchema }),
]);

export const triageContract = {
  /** People matching a filter, one page at a time (lists, search results, not-following-back). */
  queryPeople: method<PeoplePage>()(
    z.strictObject({
      accountId: id,
      filter: peopleFilterSchema,
      sort: z.enum(PEOPLE_SORTS),
      limit: z.number().int().min(1).max(500),
      offset: z.number().int().min(0).max(10_000_000).optional(),
    }),
  ),
  /**
   * Moves every selected person to `stage` in one transaction. Connected is refused (CONFLICT,
   * with the reason): each follow is one deliberate action, so people are followed one at a time.
   */
  bulkMove: method<BulkMoveResult>()(z.strictObject({ accountId: id, selection, stage })),
  /** Puts people back where a bulk move found them (the undo of bulkMove). */
  restoreStages: method<{ restored: number; counts: StageCounts }>()(
    z.strictObject({
      accountId: id,
      entries: z.array(z.strictObject({ personId: id, stage: z.enum(['new', 'evaluated', 'declined']) })).min(1).max(50_000),
    }),
  ),

  /** Sets my private note (empty text removes it). */
  setNote: method<{ note: string; updatedAt: string | null }>()(
    z.strictObject({ accountId: id, personId: id, text: z.string().max(10_000) }),
  ),
  /** Replaces the person's tags with `tags` (created as needed); returns them as stored. */
  setTags: method<string[]>()(z.strictObject({ accountId: id, personId: id, tags: z.array(tagName).max(30) })),
  /** Every tag of the account with how many people carry it, A→Z. */
  listTags: method<{ name: string; count: number }[]>()(z.strictObject({ accountId: id })),

  /** The person's history with me, newest first. */
  getTimeline: method<TimelineEntry[]>()(z.strictObject({ accountId: id, personId: id })),

  /**
   * Snoozes a person off the board for `days` days or until they next post; the card comes back
   * to New with a badge. null ends a snooze now.
   */
  snooze: method<PersonCard>()(
    z.strictObject({
      accountId: id,
      personId: id,
      snooze: z.union([
        z.strictObject({ days: z.number().int().min(1).max(365) }),
        z.strictObject({ untilNextPost: z.literal(true) }),
        z.null(),
      ]),
    }),
  ),

  /** One unfollow, queued through the outbox and its daily budget (the not-following-back view). */
  unfollowPerson: method<ActionSummary>()(z.strictObject({ accountId: id, personId: id })),

  getStats: method<AccountStats>()(z.strictObject({ accountId: id, weeks: z.number().int().min(1).max(520).optional() })),

  listTemplates: method<MessageTemplate[]>()(z.strictObject({})),
  /** Creates (no id) or updates a template. */
  saveTemplate: method<MessageTemplate>()(
    z.strictObject({ id: id.optional(), name: z.string().trim().min(1).max(80), body: z.string().trim().min(1).max(1000) }),
  ),
  deleteTemplate: method<{ deleted: true }>()(z.strictObject({ templateId: id })),

  listSavedFilters: method<SavedFilter[]>()(z.strictObject({ accountId: id })),
  saveFilter: method<SavedFilter>()(
    z.strictObject({ accountId: id, name: z.string().trim().min(1).max(80), filter: peopleFilterSchema }),
  ),
  deleteSavedFilter: method<{ deleted: true }>()(z.strictObject({ filterId: id })),

  /** People (optionally filtered) with stage, tags, notes and dates, as CSV or JSON text. */
  exportPeople: method<ExportFile>()(
    z.strictObject({ accountId: id, format: z.enum(EXPORT_FORMATS), filter: peopleFilterSchema.optional() }),
  ),
  /**
   * The command palette's person search: names and handles despite a typo ("heidenrich" finds
   * Heidenreich), then bio, note and tag words, best first, each with the reason it matched.
   */
  findPeople: method<PersonMatch[]>()(
    z.strictObject({ accountId: id, query: z.string().trim().min(1).max(200), limit: z.number().int().min(1).max(50).optional() }),
  ),
  /**
   * Removes the person from this account: triage, relationship, notes, tags, events, outbox, and,
   * when no other account knows them, the person row, posts, search entry and cached media. A
   * decision (Evaluated, Connected, Declined) is kept as a tombstone of network, remote id and stage,
   * so a later sync brings them back where they were (keptStage); `completely` keeps nothing.
   */
  forgetPerson: method<{ forgotten: true; keptStage: Stage | null }>()(
    z.strictObject({ accountId: id, personId: id, completely: z.boolean().optional() }),
  ),
} as const;

export type { OutboxAction };
