// The core process. In the app it runs as an Electron utilityProcess (messages arrive on
// process.parentPort as { data } events); in tests and the harness it runs under plain Node via
// child_process.fork (process.send / process.on('message')). Same messages either way
// (shared/api/wire.ts). This file must not import 'electron': the API it needs is on `process`.
import { join } from 'node:path';
import type { FromCore, ToCore } from '../../shared/api/wire';
import { RapportError } from '../../shared/api/errors';
import type { CoreHandle } from './coreTypes';
import { createCore } from './createCore';
import { parseEntryArgs } from './entryArgs';
import { entryCoreOptions } from './entryCoreOptions';
import { providedDataKey, type DataKeySource } from './secrets/dataKeySource';
import { KeyFileDataKeySource } from './secrets/keyFile';
import { logError } from './errorLog';

/** How long core waits for main's init message before going on without network secrets. */
const INIT_TIMEOUT_MS = 10_000;
export const KEY_FILE_NAME = 'secret.key';

interface ParentPortLike {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

interface Channel {
  send(message: FromCore): void;
  onMessage(listener: (message: unknown) => void): void;
  /** Electron's utilityProcess: main sends the data key first. */
  fromElectron: boolean;
}

function openChannel(): Channel | null {
  const parentPort = (process as NodeJS.Process & { parentPort?: ParentPortLike }).parentPort;
  if (parentPort) {
    return {
      send: (message) => parentPort.postMessage(message),
      onMessage: (listener) => parentPort.on('message', (event) => listener(event.data)),
      fromElectron: true,
    };
  }
  if (typeof process.send === 'function') {
    return {
      send: (message) => {
        // After the parent went away there is nobody to tell; dropping is right.
        if (process.connected) process.send?.(message);
      },
      onMessage: (listener) => process.on('message', listener),
      fromElectron: false,
    };
  }
  return null;
}

type InitMessage = Extract<ToCore, { type: 'init' }>;

function isInit(message: unknown): message is InitMessage {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Record<string, unknown>;
  return m.type === 'init' && (m.dataKey === null || typeof m.dataKey === 'string');
}

function isToCore(message: unknown): message is Exclude<ToCore, InitMessage> {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Record<string, unknown>;
  if (m.type === 'shutdown') return true;
  return m.type === 'call' && typeof m.id === 'number' && Number.isSafeInteger(m.id) && typeof m.method === 'string';
}

async function main(): Promise<void> {
  const channel = openChannel();
  if (!channel) {
    console.error('[rapport core] no parent process to talk to (run me through utilityProcess or child_process.fork)');
    process.exit(2);
  }
  const args = parseEntryArgs(process.argv.slice(2));
  if (!args) {
    channel.send({ type: 'fatal', error: { code: 'INVALID_INPUT', message: 'The core process needs --data-dir <folder>.' } });
    process.exit(2);
  }

  // Listen at once: calls that arrive while the database opens wait here rather than vanish.
  const early: unknown[] = [];
  let deliver: ((message: unknown) => void) | null = null;
  let onInit: ((message: InitMessage | null) => void) | null = null;
  channel.onMessage((message) => {
    if (isInit(message)) {
      onInit?.(message);
      onInit = null;
      return;
    }
    if (deliver) deliver(message);
    else early.push(message);
  });

  let dataKey: DataKeySource | null;
  if (channel.fromElectron) {
    const init = await new Promise<InitMessage | null>((resolve) => {
      onInit = resolve;
      setTimeout(() => resolve(null), INIT_TIMEOUT_MS).unref();
    });
    if (!init) console.error('[rapport core] main sent no data key; network accounts are disabled for this run');
    dataKey = init?.dataKey ? providedDataKey(new Uint8Array(Buffer.from(init.dataKey, 'base64'))) : null;
  } else {
    // Harness and tests run core under plain Node: the key lives beside the database, mode 0600.
    dataKey = new KeyFileDataKeySource(join(args.dataDir, KEY_FILE_NAME));
  }

  let core: CoreHandle;
  try {
    core = await createCore({ ...entryCoreOptions(args, channel.fromElectron), dataKey });
  } catch (error) {
    const shape =
      error instanceof RapportError
        ? error.toShape()
        : { code: 'INTERNAL', message: 'Rapport could not open its data folder. The details are in the log.' };
    if (!(error instanceof RapportError)) logError('[rapport core] startup failed', error);
    channel.send({ type: 'fatal', error: shape });
    // Let the IPC message flush before exiting.
    setTimeout(() => process.exit(1), 50);
    return;
  }

  let shuttingDown = false;
  const shutdown = async (code: number): Promise<void> => {
    if (shuttingDown) return;
    shuttingDown = true;
    try {
      await core.close();
    } finally {
      process.exit(code);
    }
  };

  core.onEvent(({ event, payload }) => channel.send({ type: 'event', event, payload }));
  deliver = (message) => {
    if (!isToCore(message)) {
      console.error('[rapport core] ignored a message that is not a ToCore message');
      return;
    }
    if (message.type === 'shutdown') {
      void shutdown(0);
      return;
    }
    const { id } = message;
    void core.call(message.method, message.input).then((envelope) => channel.send({ type: 'result', id, envelope }));
  };
  for (const message of early.splice(0)) deliver(message);
  // child_process: the parent died or closed the channel; utilityProcess children are ended by Electron.
  process.on('disconnect', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  channel.send({ type: 'ready' });
}

void main();
