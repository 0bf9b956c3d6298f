// Test-only: window.rapport over a real core (createCore on a temp folder, real SQLite), the way
// the preload carries it in the app: every contract method forwarded to core.call, every event
// from core.onEvent. Renderer tests render against this, so what they see is what core answers.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore } from '../../electron/core/createCore';
import type { CoreHandle, CreateCoreOptions } from '../../electron/core/coreTypes';
import { METHOD_NAMES, type MethodName, type MethodResult } from '../../shared/api/contract';
import type { Envelope } from '../../shared/api/errors';
import type { EventMap, EventName } from '../../shared/api/events';
import type { RapportApi } from '../../shared/api/rapportApi';

export interface RecordedCall {
  method: MethodName;
  input: unknown;
}

export interface CoreApi extends RapportApi {
  readonly core: CoreHandle;
  readonly dataDir: string;
  /** Every call the renderer made, in order. */
  readonly calls: RecordedCall[];
  callsOf(method: MethodName): unknown[];
  /**
   * Delivers an event to the renderer's subscribers as if core had sent it, for causes a test's
   * core does not run (an avatar cached by a background fetch, another window's move).
   */
  emit<E extends EventName>(event: E, payload: EventMap[E]): void;
  /** Closes core and removes its folder. */
  close(): Promise<void>;
}

type AnyListener = (payload: never) => void;

/** A RapportApi over a fresh core on a temp folder. Close it after the test (closeAll below). */
export async function openCoreApi(options: Omit<Partial<CreateCoreOptions>, 'dataDir'> = {}): Promise<CoreApi> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-renderer-'));
  const core = await createCore({ samplePageDelayMs: 0, ...options, dataDir });
  const calls: RecordedCall[] = [];
  const listeners = new Map<EventName, Set<AnyListener>>();
  const deliver = (event: EventName, payload: unknown): void => {
    for (const listener of listeners.get(event) ?? []) (listener as (p: unknown) => void)(payload);
  };
  const stopEvents = core.onEvent(({ event, payload }) => deliver(event, payload));

  const api = {
    core,
    dataDir,
    calls,
    callsOf: (method: MethodName) => calls.filter((c) => c.method === method).map((c) => c.input),
    emit: (event: EventName, payload: unknown) => deliver(event, payload),
    on(event: EventName, listener: AnyListener) {
      const set = listeners.get(event) ?? new Set<AnyListener>();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
    // As the harness does: the file's bytes saved in the core's folder, answered by path.
    async pathForFile(file: Blob & { readonly name: string }) {
      const saved = path.join(dataDir, `picked-${calls.length}-${path.basename(file.name)}`);
      // jsdom's File has no arrayBuffer(); FileReader is what it offers.
      const bytes = await new Promise<ArrayBuffer>((resolve, reject) => {
        const reader = new FileReader();
        reader.onload = () => resolve(reader.result as ArrayBuffer);
        reader.onerror = () => reject(reader.error ?? new Error('could not read the file'));
        reader.readAsArrayBuffer(file);
      });
      fs.writeFileSync(saved, Buffer.from(bytes));
      return saved;
    },
    async close() {
      stopEvents();
      open.delete(api);
      await core.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  } as unknown as CoreApi;
  for (const method of METHOD_NAMES) {
    (api as unknown as Record<string, (input: unknown) => Promise<Envelope<unknown>>>)[method] = (input) => {
      calls.push({ method, input });
      return core.call(method, input);
    };
  }
  open.add(api);
  return api;
}

const open = new Set<CoreApi>();

/** Closes every core this file opened; call it from afterEach. */
export async function closeAllCoreApis(): Promise<void> {
  await Promise.all([...open].map((api) => api.close()));
}

/**
 * A thin proxy over the real API: the next call of `method` answers what `answer` resolves to
 * instead of reaching core (an error, or figures core would need months of data for); later
 * calls reach core again. The call is still recorded.
 */
export function answerNext<M extends MethodName>(api: CoreApi, method: M, answer: (input: unknown) => Promise<Envelope<MethodResult<M>>>): void {
  const methods = api as unknown as Record<string, (input: unknown) => Promise<Envelope<unknown>>>;
  const real = methods[method];
  if (!real) throw new Error(`no method ${method}`);
  methods[method] = (input) => {
    methods[method] = real;
    api.calls.push({ method, input });
    return answer(input);
  };
}

/** Failure injection: the next call of `method` fails with this error; later calls reach core. */
export function failNext(api: CoreApi, method: MethodName, answer: (input: unknown) => Promise<Envelope<never>>): void {
  answerNext(api, method, answer);
}
