// The shape of window.rapport: one function per contract method, plus event subscription.
// Implemented by the preload (Electron) and by the harness bridge (browser tests).
import type { Envelope } from './errors';
import type { EventMap, EventName } from './events';
import type { MethodInput, MethodName, MethodResult } from './contract';

export type RapportMethods = {
  [M in MethodName]: (input: MethodInput<M>) => Promise<Envelope<MethodResult<M>>>;
};

export interface RapportApi extends RapportMethods {
  /** Subscribes to a core event; returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): () => void;
}
