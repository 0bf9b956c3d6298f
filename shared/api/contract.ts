// The single source of truth for what the renderer may ask of core. Each method has a zod
// input schema (checked in main and again at core's door) and a result type. Adding a method
// here is the only way to add one: preload, main and the harness are all built from this map.
import { z } from 'zod';
import { BOARD_SORTS, STAGES } from '../domain';
import { METHOD_NAMES, type MethodNameList } from './methodNames';
import { method } from './contractMethod';
import { signInContract } from './signInContract';
import { desktopContract } from './desktopContract';
import { interactionsContract } from './interactionsContract';
import { syncCostContract } from './syncCostContract';
import { triageContract } from './triageContract';
import type {
  Account,
  ActionBudget,
  ActionSummary,
  BoardSort,
  OutboxAction,
  PersonCard,
  PersonProfile,
  Stage,
  StageCounts,
  SyncProgress,
} from '../domain';

const id = z.number().int().positive();
const stage = z.enum(STAGES);
const sort = z.enum(BOARD_SORTS);


export interface BoardPage {
  items: PersonCard[];
  /** opaque keyset cursor after the last item, or null at the end of the column */
  nextCursor: string | null;
  /** opaque keyset cursor before the first item, or null at the start of the column */
  prevCursor: string | null;
}

export interface MoveResult {
  card: PersonCard;
  counts: StageCounts;
  /** the stage the card left, so the UI can offer undo */
  from: Stage;
  /** the follow or unfollow the move queued, if it queued one */
  action?: ActionSummary;
}

export const contract = {
  listAccounts: method<Account[]>()(z.strictObject({})),
  /** Removes the account and everything only it refers to (people, media) in one step. */
  removeAccount: method<{ removed: true }>()(z.strictObject({ accountId: id })),

  /**
   * Between daily full walks a sync only scans the head of each list for new people; `full`
   * walks everything and re-checks who is gone (how unfollows are found).
   */
  startSync: method<SyncProgress>()(z.strictObject({ accountId: id, full: z.boolean().optional() })),
  cancelSync: method<{ cancelled: boolean }>()(z.strictObject({ accountId: id })),
  /** The current or last sync of the account, or null if it never synced. */
  getSyncStatus: method<SyncProgress | null>()(z.strictObject({ accountId: id })),

  getBoardCounts: method<StageCounts>()(z.strictObject({ accountId: id })),
  getBoardPage: method<BoardPage>()(
    z.strictObject({
      accountId: id,
      stage,
      sort,
      limit: z.number().int().min(1).max(200),
      cursor: z.string().min(1).max(512).optional(),
      direction: z.enum(['forward', 'backward']).optional(),
      /**
       * Without a cursor: rows to skip from the start of the column before the page, so a dragged
       * scrollbar can land deep in a long column in one request; later pages continue by cursor.
       * Ignored when a cursor is given.
       */
      offset: z.number().int().min(0).max(10_000_000).optional(),
    }),
  ),
  /**
   * Moving to Connected someone I do not follow, on a network that can follow, queues one follow.
   * Moving someone I follow out of Connected unfollows only when `unfollow` is true (the UI asks).
   * Moving a card out of Connected while its follow is still queued cancels that follow (undo).
   */
  moveCard: method<MoveResult>()(
    z.strictObject({ accountId: id, personId: id, stage, unfollow: z.boolean().optional() }),
  ),

  /** Profile from the cache only; recent posts included when cached. */
  getProfile: method<PersonProfile>()(z.strictObject({ accountId: id, personId: id })),
  searchPeople: method<PersonCard[]>()(
    z.strictObject({
      accountId: id,
      query: z.string().trim().min(1).max(200),
      limit: z.number().int().min(1).max(200).optional(),
    }),
  ),

  /** Moves every follower still in New to Evaluated (pre-existing followers); never follows anyone. */
  markExistingFollowersEvaluated: method<{ moved: number }>()(z.strictObject({ accountId: id })),

  /** Queues a personal message (text trimmed, 1..1000 characters). Never sent automatically. */
  sendMessage: method<OutboxAction>()(
    z.strictObject({ accountId: id, personId: id, text: z.string().trim().min(1).max(1000) }),
  ),
  /** Newest first; only one person's when personId is given. */
  listActions: method<OutboxAction[]>()(z.strictObject({ accountId: id, personId: id.optional() })),
  /** Queues a failed (or waiting) action again, now. */
  retryAction: method<OutboxAction>()(z.strictObject({ actionId: id })),
  /** Cancels an action that is still queued (CONFLICT once it is being sent). */
  cancelAction: method<{ cancelled: true }>()(z.strictObject({ actionId: id })),
  /**
   * The person did on the network's own page what Rapport opened there (a follow or message on X):
   * the opened action becomes done, and the relationship and timeline say so.
   */
  markActionDone: method<OutboxAction>()(z.strictObject({ actionId: id })),
  getActionBudget: method<ActionBudget>()(z.strictObject({ accountId: id })),
  /** Lowers (or restores) the daily budget; never above the network's default. */
  setActionBudget: method<ActionBudget>()(
    z.strictObject({ accountId: id, limit: z.number().int().min(0).max(10_000) }),
  ),
  ...signInContract,
  ...triageContract,
  ...desktopContract,
  ...interactionsContract,
  ...syncCostContract,
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export { METHOD_NAMES };

// Compile-time proof that methodNames.ts lists exactly the contract's methods.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _namesMatch: Same<MethodName, MethodNameList> = true;
void _namesMatch;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodResult<M extends MethodName> = Contract[M]['_result'];

export function isMethodName(value: unknown): value is MethodName {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(contract, value);
}

export type { BoardSort };
