// Messages between main (or a test) and the core process. The same shapes travel over
// Electron's utilityProcess parentPort and Node's child_process IPC channel.
import type { Envelope } from './errors';
import type { EventName, EventMap } from './events';
import type { MethodName } from './contract';

export type ToCore =
  | { type: 'call'; id: number; method: MethodName; input: unknown }
  | { type: 'shutdown' }
  /**
   * Sent first by main in the app: the data key (32 bytes, base64) that seals network secrets,
   * decrypted with safeStorage. null when the OS offers no secret storage: core then refuses to
   * store network sign-ins rather than keep them in the clear.
   */
  | { type: 'init'; dataKey: string | null };

export type FromCore =
  | { type: 'ready' }
  | { type: 'result'; id: number; envelope: Envelope<unknown> }
  | { type: 'event'; event: EventName; payload: EventMap[EventName] }
  | { type: 'fatal'; error: { code: string; message: string } };
