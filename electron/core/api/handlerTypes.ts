// Handlers are grouped by domain (accounts, sync, board, people); each group implements part of
// the contract. createCore merges the groups, checks that every method has exactly one handler,
// validates input with the contract's zod schema at the door, and wraps results in envelopes.
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { Contract, MethodName, MethodResult } from '../../../shared/api/contract';
import type { EventMap, EventName } from '../../../shared/api/events';
import type { CoreBus } from '../events/coreBus';

export interface CoreContext {
  db: Database.Database;
  dataDir: string;
  /** Folder of the local media cache; files are served to the renderer as `media/<relative path>`. */
  mediaDir: string;
  emit<E extends EventName>(event: E, payload: EventMap[E]): void;
  now(): number;
  /** The outbox worker, told when actions were queued (absent in storage-only tests). */
  outbox?: { kick(accountId: number): void };
  /** Core's internal events: a handler says what happened, reactions elsewhere subscribe. */
  bus: CoreBus;
}

/** The input after zod parsing (defaults applied, strings trimmed). */
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;

export type Handler<M extends MethodName> = (
  input: ParsedInput<M>,
  ctx: CoreContext,
) => MethodResult<M> | Promise<MethodResult<M>>;

export type HandlerGroup = { [M in MethodName]?: Handler<M> };
