// Core's door: every call is checked against the contract before a handler sees it, and every
// outcome leaves as an envelope. Handlers throw RapportError for failures a user can act on;
// anything else is a bug, logged here in full and reported to the caller as a short INTERNAL.
import type { z } from 'zod';
import { contract, isMethodName, METHOD_NAMES, type MethodName } from '../../shared/api/contract';
import { RapportError, type Envelope } from '../../shared/api/errors';
import type { CoreContext, Handler, HandlerGroup, ParsedInput } from './api/handlerTypes';
import { logError } from './errorLog';

export type HandlerTable = { [M in MethodName]: Handler<M> };

/** Merges handler groups; refuses to start unless every method has exactly one handler. */
export function buildHandlerTable(groups: readonly HandlerGroup[]): HandlerTable {
  const table: Partial<Record<MethodName, unknown>> = {};
  const duplicated: string[] = [];
  for (const group of groups) {
    for (const name of Object.keys(group) as MethodName[]) {
      if (!isMethodName(name)) throw new Error(`handler for a method not in the contract: ${String(name)}`);
      if (table[name]) duplicated.push(name);
      table[name] = group[name];
    }
  }
  const missing = METHOD_NAMES.filter((name) => !table[name]);
  if (missing.length > 0 || duplicated.length > 0) {
    throw new Error(
      `core handler table is wrong: missing [${missing.join(', ')}], more than one handler for [${duplicated.join(', ')}]`,
    );
  }
  return table as HandlerTable;
}

/** "accountId: Invalid input: expected number, received string" — names the field at fault. */
export function describeZodError(error: z.ZodError): string {
  const issues = error.issues.slice(0, 3).map((issue) => {
    const where = issue.path.length > 0 ? issue.path.map(String).join('.') : 'input';
    return `${where}: ${issue.message}`;
  });
  return `Invalid request. ${issues.join('; ')}${error.issues.length > 3 ? '; …' : ''}`;
}

export function invalidInput(message: string): Envelope<never> {
  return { ok: false, error: { code: 'INVALID_INPUT', message } };
}

export interface DispatchOptions {
  /** Calls slower than this (ms) are logged to stderr with their method name; undefined: off. */
  slowCallMs?: number;
}

export async function dispatch(
  table: HandlerTable,
  ctx: CoreContext,
  method: unknown,
  input: unknown,
  options: DispatchOptions = {},
): Promise<Envelope<unknown>> {
  if (!isMethodName(method)) {
    return invalidInput(`Unknown method ${JSON.stringify(typeof method === 'string' ? method.slice(0, 80) : typeof method)}.`);
  }
  const parsed = contract[method].input.safeParse(input);
  if (!parsed.success) return invalidInput(describeZodError(parsed.error));
  const started = performance.now();
  try {
    const handler = table[method] as Handler<typeof method>;
    const value = await handler(parsed.data as ParsedInput<typeof method>, ctx);
    return { ok: true, value };
  } catch (error) {
    if (error instanceof RapportError) return { ok: false, error: error.toShape() };
    // Inputs are not logged: they may carry user text; the stack says where it broke.
    logError(`[rapport core] ${method} failed`, error);
    return { ok: false, error: { code: 'INTERNAL', message: 'Something went wrong inside Rapport. The details are in the log.' } };
  } finally {
    const elapsed = performance.now() - started;
    if (options.slowCallMs !== undefined && elapsed > options.slowCallMs) {
      console.error(`[rapport core] slow call ${method}: ${elapsed.toFixed(1)} ms`);
    }
  }
}
