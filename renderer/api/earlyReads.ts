// Contract reads started before the window's code has loaded (firstBoardReads.ts), handed to the
// first caller asking for exactly the same thing. The board's first paint used to wait for the
// whole bundle to evaluate and only then ask core for accounts, counts and cards; started early,
// core answers while the bundle is still evaluating. Each answer is handed out once, and only
// while fresh, so nothing later reads an old page from here.
import type { MethodInput, MethodName, MethodResult } from '../../shared/api/contract';

/** An early answer older than this is not handed out: the caller reads afresh. */
const FRESH_MS = 10_000;

interface EarlyRead {
  startedAt: number;
  answer: Promise<unknown>;
}

const started = new Map<string, EarlyRead>();

function keyOf(method: MethodName, input: object): string {
  // Sorted keys: `{ accountId, stage }` and `{ stage, accountId }` are the same request.
  return `${method} ${JSON.stringify(input, Object.keys(input).sort())}`;
}

/** Keeps a read already on its way, for the first caller of the same method with the same input. */
export function rememberEarlyRead<M extends MethodName>(method: M, input: MethodInput<M>, answer: Promise<MethodResult<M>>): void {
  // Whoever takes it sees its failure; until then it must not count as unhandled.
  answer.catch(() => undefined);
  started.set(keyOf(method, input), { startedAt: Date.now(), answer });
}

/** The early answer to this exact call, once; null when there is none (or it is too old). */
export function takeEarlyRead<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodResult<M>> | null {
  if (started.size === 0) return null;
  const key = keyOf(method, input);
  const early = started.get(key);
  if (!early) return null;
  started.delete(key);
  if (Date.now() - early.startedAt > FRESH_MS) return null;
  return early.answer as Promise<MethodResult<M>>;
}

/** For tests: forget every early read. */
export function forgetEarlyReads(): void {
  started.clear();
}
