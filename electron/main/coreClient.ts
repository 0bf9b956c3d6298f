// Main's side of the core process: correlates calls with results, surfaces events, and keeps
// the renderer's promises honest when the process dies. Electron-free: the process itself
// comes from a CoreChannel factory (a utilityProcess in the app, a Node child in tests).
import type { MethodName } from '../../shared/api/contract';
import { isErrorCode, type Envelope, type RapportErrorShape } from '../../shared/api/errors';
import { isEventName, type RapportEvent } from '../../shared/api/events';
import type { FromCore, ToCore } from '../../shared/api/wire';
import type { MainLog } from './mainLog';

/** One running core process, seen through the wire protocol of shared/api/wire.ts. */
export interface CoreChannel {
  send(message: ToCore): void;
  onMessage(listener: (message: unknown) => void): void;
  onExit(listener: (code: number | null) => void): void;
  kill(): void;
}

export interface CoreClientOptions {
  spawn(): CoreChannel;
  log: MainLog;
  /** Unexpected exits survived by starting a new process; default 1. */
  maxRestarts?: number;
  /** How long `stop()` waits for a clean exit before killing; default 5000 ms. */
  shutdownTimeoutMs?: number;
}

interface PendingCall {
  method: MethodName;
  input: unknown;
  resolve(envelope: Envelope<unknown>): void;
}

const STOPPED_UNEXPECTEDLY: RapportErrorShape = {
  code: 'INTERNAL',
  message: 'The Rapport engine stopped unexpectedly while handling this request. Please try again.',
};
const GONE: RapportErrorShape = {
  code: 'INTERNAL',
  message: 'The Rapport engine stopped and could not be restarted. Please restart Rapport.',
};
const SHUTTING_DOWN: RapportErrorShape = { code: 'INTERNAL', message: 'Rapport is shutting down.' };

type State = 'starting' | 'ready' | 'stopping' | 'stopped' | 'dead';

export class CoreClient {
  private readonly options: Required<Omit<CoreClientOptions, 'log'>> & { log: MainLog };
  private channel: CoreChannel | null = null;
  private state: State = 'starting';
  private restarts = 0;
  private nextId = 1;
  /** Calls waiting for the process to say `ready`; safe to send to a restarted process. */
  private queued: PendingCall[] = [];
  /** Calls the current process received; lost if it dies, since they may have had effects. */
  private readonly inFlight = new Map<number, PendingCall>();
  private readonly listeners = new Set<(event: RapportEvent) => void>();
  private fatal: RapportErrorShape | null = null;
  private readonly readyWaiters: Array<() => void> = [];
  private exitWaiter: (() => void) | null = null;

  constructor(options: CoreClientOptions) {
    this.options = { maxRestarts: 1, shutdownTimeoutMs: 5000, ...options };
    this.start();
  }

  call(method: MethodName, input: unknown): Promise<Envelope<unknown>> {
    const finalError = this.finalError();
    if (finalError) return Promise.resolve({ ok: false, error: finalError });
    return new Promise((resolve) => {
      const pending: PendingCall = { method, input, resolve };
      if (this.state === 'ready') this.send(pending);
      else this.queued.push(pending);
    });
  }

  onEvent(listener: (event: RapportEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves once the current process is ready (never, if it cannot start). */
  whenReady(): Promise<void> {
    if (this.state === 'ready') return Promise.resolve();
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  /** Asks core to close its database and exit; kills it if it does not in time. */
  async stop(): Promise<void> {
    const channel = this.channel;
    if (channel === null || this.state === 'stopped' || this.state === 'dead') {
      this.state = 'stopped';
      return;
    }
    this.state = 'stopping';
    this.failAll(SHUTTING_DOWN);
    const exited = new Promise<void>((resolve) => (this.exitWaiter = resolve));
    try {
      channel.send({ type: 'shutdown' });
    } catch {
      channel.kill();
    }
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), this.options.shutdownTimeoutMs);
    });
    if ((await Promise.race([exited, timedOut])) === 'timeout') {
      this.options.log.warn('The core process did not exit in time; killing it');
      channel.kill();
      await exited;
    }
    clearTimeout(timer);
  }

  private start(): void {
    this.state = 'starting';
    const channel = this.options.spawn();
    this.channel = channel;
    channel.onMessage((message) => {
      if (this.channel === channel) this.receive(message);
    });
    channel.onExit((code) => {
      if (this.channel === channel) this.exited(code);
    });
  }

  private receive(raw: unknown): void {
    const message = raw as FromCore;
    if (typeof message !== 'object' || message === null || typeof message.type !== 'string') return;
    switch (message.type) {
      case 'ready': {
        if (this.state !== 'starting') return;
        this.state = 'ready';
        const queued = this.queued;
        this.queued = [];
        for (const pending of queued) this.send(pending);
        for (const wake of this.readyWaiters.splice(0)) wake();
        return;
      }
      case 'result': {
        const pending = this.inFlight.get(message.id);
        if (!pending) return;
        this.inFlight.delete(message.id);
        pending.resolve(message.envelope);
        return;
      }
      case 'event': {
        if (!isEventName(message.event)) return;
        const event = { event: message.event, payload: message.payload } as RapportEvent;
        for (const listener of this.listeners) listener(event);
        return;
      }
      case 'fatal': {
        const code = isErrorCode(message.error.code) ? message.error.code : 'INTERNAL';
        this.fatal = { code, message: message.error.message };
        this.options.log.error('The core process reported a fatal error:', code, message.error.message);
        return;
      }
    }
  }

  private send(pending: PendingCall): void {
    const id = this.nextId++;
    this.inFlight.set(id, pending);
    try {
      this.channel?.send({ type: 'call', id, method: pending.method, input: pending.input });
    } catch (error) {
      this.inFlight.delete(id);
      this.options.log.error('Could not send a call to core:', error instanceof Error ? error.message : String(error));
      pending.resolve({ ok: false, error: STOPPED_UNEXPECTEDLY });
    }
  }

  private exited(code: number | null): void {
    this.channel = null;
    if (this.state === 'stopping') {
      this.state = 'stopped';
      this.exitWaiter?.();
      return;
    }
    this.options.log.error('The core process exited unexpectedly with code', code);
    for (const pending of this.inFlight.values()) pending.resolve({ ok: false, error: this.fatal ?? STOPPED_UNEXPECTEDLY });
    this.inFlight.clear();

    // A fatal error (e.g. a database from a newer Rapport) would only repeat on restart.
    if (this.fatal === null && this.restarts < this.options.maxRestarts) {
      this.restarts += 1;
      this.options.log.warn(`Restarting the core process (${this.restarts}/${this.options.maxRestarts})`);
      this.start();
      return;
    }
    this.state = 'dead';
    this.failAll(this.finalError() ?? GONE);
  }

  private finalError(): RapportErrorShape | null {
    if (this.state === 'dead') return this.fatal ?? GONE;
    if (this.state === 'stopping' || this.state === 'stopped') return SHUTTING_DOWN;
    return null;
  }

  private failAll(error: RapportErrorShape): void {
    for (const pending of this.queued) pending.resolve({ ok: false, error });
    this.queued = [];
    for (const pending of this.inFlight.values()) pending.resolve({ ok: false, error });
    this.inFlight.clear();
  }
}
