// Core's internal event bus. The handler that owns a method says what happened (an account is
// being removed, a profile was opened); whoever cares subscribes in its own file (on-demand media,
// the outbox, a network module's reactions). So a method's handler never grows wrappers, and a
// cross-cutting reaction is one new file plus one subscription.
//
// emit: fire and forget; a listener's failure is logged (message and stack only) and never reaches
// the caller. run: awaits every listener in subscription order, and a failure fails the caller:
// for what must be done before the caller goes on (stop a sync before the rows go).
import type { Account, PersonCard, PersonProfile, SyncProgress } from '../../../shared/domain';
import type { RapportEvent } from '../../../shared/api/events';
import { logError } from '../errorLog';

export interface CoreBusEvents {
  /** Run before an account's rows are deleted: stop what uses them, keep what is needed after. */
  accountRemoving: { account: Account };
  /** The account and everything only it referred to are gone. */
  accountRemoved: { account: Account };
  /** Cards were read for the window (board page, people list, search). */
  cardsRead: { accountId: number; cards: readonly PersonCard[] };
  /** A profile was read for the drawer or Review. */
  profileOpened: { accountId: number; profile: PersonProfile };
  /** My private note about a person was saved (or removed). */
  noteSaved: { accountId: number; personId: number };
  /** A sync ended (done, failed or cancelled). */
  syncFinished: { progress: SyncProgress };
  /** Every contract event core publishes to the window, as it leaves. */
  published: RapportEvent;
}

export type CoreBusEvent = keyof CoreBusEvents;
/** A promise a listener returns is awaited by run and watched for failure by emit. */
type Listener<E extends CoreBusEvent> = (payload: CoreBusEvents[E]) => unknown;

function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

export class CoreBus {
  private readonly listeners = new Map<CoreBusEvent, Set<Listener<CoreBusEvent>>>();

  on<E extends CoreBusEvent>(event: E, listener: Listener<E>): () => void {
    let set = this.listeners.get(event);
    if (!set) {
      set = new Set();
      this.listeners.set(event, set);
    }
    set.add(listener as Listener<CoreBusEvent>);
    return () => set.delete(listener as Listener<CoreBusEvent>);
  }

  emit<E extends CoreBusEvent>(event: E, payload: CoreBusEvents[E]): void {
    for (const listener of this.listeners.get(event) ?? []) {
      const report = (error: unknown): void => {
        // Closing core aborts background work; that is not a failure worth a log line.
        if (!isAbort(error)) logError(`[rapport core] a reaction to ${event} failed`, error);
      };
      try {
        const result = listener(payload);
        if (result instanceof Promise) result.catch(report);
      } catch (error) {
        report(error);
      }
    }
  }

  async run<E extends CoreBusEvent>(event: E, payload: CoreBusEvents[E]): Promise<void> {
    for (const listener of [...(this.listeners.get(event) ?? [])]) await listener(payload);
  }

  clear(): void {
    this.listeners.clear();
  }
}
