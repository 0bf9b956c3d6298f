// Messages between main (or a test) and the core process. The same shapes travel over
// Electron's utilityProcess parentPort and Node's child_process IPC channel.
import type { Envelope } from './errors';
import type { EventName, EventMap } from './events';
import type { MethodName } from './contract';

export type ToCore =
  | { type: 'call'; id: number; method: MethodName; input: unknown }
  | { type: 'shutdown' };

export type FromCore =
  | { type: 'ready' }
  | { type: 'result'; id: number; envelope: Envelope<unknown> }
  | { type: 'event'; event: EventName; payload: EventMap[EventName] }
  | { type: 'fatal'; error: { code: string; message: string } };
