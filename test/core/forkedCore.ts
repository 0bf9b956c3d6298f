// Test-only: runs core's process entry in a child process under Node (the way the harness
// does) and speaks shared/api/wire.ts to it — a real process boundary, real IPC.
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { inject } from 'vitest';
import type { Envelope } from '../../shared/api/errors';
import type { MethodName, MethodResult } from '../../shared/api/contract';
import type { RapportEvent } from '../../shared/api/events';
import type { FromCore, ToCore } from '../../shared/api/wire';

export const ENTRY = path.resolve(__dirname, '../../electron/core/entry.ts');

/**
 * How to start core: the bundle coreEntryBuild.ts made once for this run (plain Node, fast to
 * start), or entry.ts through tsx when the run has no such setup (a config without it).
 */
export function coreEntryCommand(): { modulePath: string; execArgv: string[] } {
  const bundle = inject('coreEntryBundle');
  return bundle ? { modulePath: bundle, execArgv: [] } : { modulePath: ENTRY, execArgv: ['--import', 'tsx'] };
}

export class ForkedCore {
  readonly child: ChildProcess;
  readonly events: RapportEvent[] = [];
  readonly ready: Promise<void>;
  /** Resolves with the exit code (or signal) once the process is gone. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  fatal: { code: string; message: string } | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, (envelope: Envelope<unknown>) => void>();
  private readonly eventWaiters: { test: (e: RapportEvent) => boolean; resolve: (e: RapportEvent) => void }[] = [];

  constructor(dataDir: string, extraArgs: string[] = []) {
    const entry = coreEntryCommand();
    this.child = fork(entry.modulePath, ['--data-dir', dataDir, ...extraArgs], {
      execArgv: entry.execArgv,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.exited = new Promise((resolve) => this.child.once('exit', (code, signal) => resolve({ code, signal })));
    this.ready = new Promise((resolve, reject) => {
      this.child.on('message', (raw) => {
        const message = raw as FromCore;
        if (message.type === 'ready') resolve();
        else if (message.type === 'fatal') {
          this.fatal = message.error;
          reject(new Error(`core failed to start: ${message.error.code}: ${message.error.message}`));
        } else if (message.type === 'result') {
          this.pending.get(message.id)?.(message.envelope);
          this.pending.delete(message.id);
        } else if (message.type === 'event') {
          const event = { event: message.event, payload: message.payload } as RapportEvent;
          this.events.push(event);
          for (const waiter of [...this.eventWaiters]) {
            if (waiter.test(event)) {
              this.eventWaiters.splice(this.eventWaiters.indexOf(waiter), 1);
              waiter.resolve(event);
            }
          }
        }
      });
      void this.exited.then(() => reject(new Error('core exited before it was ready')));
    });
  }

  send(message: ToCore | Record<string, unknown>): void {
    this.child.send(message);
  }

  call<M extends MethodName>(method: M, input: unknown): Promise<Envelope<MethodResult<M>>> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve as (envelope: Envelope<unknown>) => void);
      this.send({ type: 'call', id, method, input });
    });
  }

  async callOk<M extends MethodName>(method: M, input: unknown): Promise<MethodResult<M>> {
    const envelope = await this.call(method, input);
    if (!envelope.ok) throw new Error(`${method}: ${envelope.error.code}: ${envelope.error.message}`);
    return envelope.value;
  }

  /** The first event (already received or future) that passes `test`. */
  waitForEvent(test: (event: RapportEvent) => boolean): Promise<RapportEvent> {
    const seen = this.events.find(test);
    if (seen) return Promise.resolve(seen);
    return this.nextEvent(test);
  }

  /** The first event from now on that passes `test`. */
  nextEvent(test: (event: RapportEvent) => boolean): Promise<RapportEvent> {
    return new Promise((resolve) => this.eventWaiters.push({ test, resolve }));
  }

  async shutdown(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.send({ type: 'shutdown' });
    await this.exited;
  }

  kill(): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    this.child.kill('SIGKILL');
    return this.exited;
  }
}
