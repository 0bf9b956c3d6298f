// The public face of core: what createCore() returns. Main (over a utilityProcess), the harness
// bridge and tests (in-process) all drive core through this and nothing else.
import type { Envelope } from '../../shared/api/errors';
import type { EventMap, EventName, RapportEvent } from '../../shared/api/events';
import type { MethodName } from '../../shared/api/contract';
import type { HttpClientOptions } from './net/httpClientOptions';
import type { DataKeySource } from './secrets/dataKeySource';

export interface CreateCoreOptions {
  /** Folder for rapport.db and media/; created if missing. */
  dataDir: string;
  /**
   * Pacing of networks that generate their people locally (the sample data): milliseconds to wait
   * per page, so progress is visible in a demo. 0 (default in tests) for full speed.
   */
  samplePageDelayMs?: number;
  /** Clock for deterministic tests; defaults to Date.now. */
  now?: () => number;
  /** Slow-query threshold in ms for the debug log; undefined disables it. */
  slowQueryMs?: number;
  /**
   * The key that seals network sign-ins (SecretBox). In the app main hands it over (safeStorage);
   * under Node a 0600 key file in the data folder. Absent: network accounts are refused.
   */
  dataKey?: DataKeySource | null;
  /** HTTP settings for real networks; tests shorten retries and timeouts. */
  http?: HttpClientOptions;
  /** Minutes between background syncs of every account while core runs; 0 or absent: off. */
  backgroundSyncMinutes?: number;
  /** Sync every account as core opens (the app does; tests and the harness sync when asked). */
  syncOnStart?: boolean;
  /**
   * Accept servers at http://127.0.0.1:<port> (the fakes in tests and the harness).
   * Never set in the app: real servers are https only.
   */
  allowLoopbackHttp?: boolean;
  /**
   * How sign-ins on a network's own page receive the grant: 'loopback' (default, the browser
   * comes back to 127.0.0.1) or 'oob' (the user pastes the code the server shows; specs of that
   * path).
   */
  signInRedirect?: 'loopback' | 'oob';
  /**
   * Where a network's API lives when not at its public address, by network id (the fakes in tests
   * and the harness: X's API at http://127.0.0.1:<port>). Never set in the app.
   */
  apiOrigins?: Readonly<Record<string, string>>;
  /**
   * The loopback port of sign-ins whose apps register an exact callback (X); tests pick a free one.
   * Default: the network's documented port.
   */
  signInCallbackPort?: number;
}

export type CoreEventListener = (event: RapportEvent) => void;

export interface CoreHandle {
  /**
   * Validates `input` against the contract at core's door and runs the method. Never throws:
   * any failure comes back as `{ ok: false, error: { code, message } }`.
   */
  call(method: MethodName, input: unknown): Promise<Envelope<unknown>>;
  /** Subscribes to every core event; returns the unsubscribe function. */
  onEvent(listener: CoreEventListener): () => void;
  /** Stops running syncs at a safe point and closes the database. */
  close(): Promise<void>;
}

export type { EventMap, EventName };
