// The bridge renderer -> core: one ipcMain handler per contract method. Each checks the
// sender, validates the input with the contract's zod schema, then forwards to core. Core
// events go back to our window only.
import { ipcMain, type BrowserWindow } from 'electron';
import type { z } from 'zod';
import { contract, METHOD_NAMES, type MethodName } from '../../shared/api/contract';
import type { Envelope } from '../../shared/api/errors';
import type { RapportEvent } from '../../shared/api/events';
import { IPC_EVENT_CHANNEL, methodChannel } from '../preload/ipcChannels';
import type { ExternalHostAllowList } from './externalUrlPolicy';
import { followExternalLinks } from './externalLinkHosts';
import { senderRefusal } from './ipcSender';
import type { MainLog } from './mainLog';

/** What the bridge needs of core (CoreClient in the app). */
export interface CoreCaller {
  call(method: MethodName, input: unknown): Promise<Envelope<unknown>>;
}

export interface CoreEventSource {
  onEvent(listener: (event: RapportEvent) => void): () => void;
}

export interface IpcBridgeOptions {
  core: CoreCaller;
  getMainWindow(): BrowserWindow | null;
  trustedOrigins: ReadonlySet<string>;
  log: MainLog;
}

/** Registers every method's handler; returns a function that removes them. */
export function registerIpcHandlers({ core, getMainWindow, trustedOrigins, log }: IpcBridgeOptions): () => void {
  for (const method of METHOD_NAMES) {
    ipcMain.handle(methodChannel(method), async (event, input: unknown): Promise<Envelope<unknown>> => {
      const refusal = senderRefusal(event, getMainWindow(), trustedOrigins);
      if (refusal !== null) {
        log.warn(`Refused ${method} over IPC:`, refusal);
        return {
          ok: false,
          error: { code: 'INTERNAL', message: 'This request did not come from the Rapport window and was refused.' },
        };
      }
      const parsed = contract[method].input.safeParse(input);
      if (!parsed.success) {
        return { ok: false, error: { code: 'INVALID_INPUT', message: describeInvalidInput(method, parsed.error) } };
      }
      try {
        return await core.call(method, parsed.data);
      } catch (error) {
        log.error(`${method} failed in main:`, error instanceof Error ? error.message : String(error));
        return { ok: false, error: { code: 'INTERNAL', message: 'Rapport could not reach its engine.' } };
      }
    });
  }
  return () => {
    for (const method of METHOD_NAMES) ipcMain.removeHandler(methodChannel(method));
  };
}

/** One line naming the method and the first fields at fault, e.g. for a toast. */
function describeInvalidInput(method: MethodName, error: z.ZodError): string {
  const issues = error.issues.slice(0, 3).map((issue) => {
    const where = issue.path.length > 0 ? issue.path.map(String).join('.') : 'input';
    return `${where}: ${issue.message}`;
  });
  return `Invalid request to ${method}. ${issues.join('; ')}${error.issues.length > 3 ? '; …' : ''}`;
}

/** Pushes core events to the main window (never to any other WebContents); the allow-list follows externalLinks.changed. */
export function forwardCoreEvents(
  core: CoreEventSource,
  getMainWindow: () => BrowserWindow | null,
  externalHosts?: ExternalHostAllowList,
): () => void {
  return core.onEvent(({ event, payload }) => {
    if (externalHosts) followExternalLinks(externalHosts, { event, payload } as RapportEvent);
    const window = getMainWindow();
    if (window === null || window.isDestroyed()) return;
    window.webContents.send(IPC_EVENT_CHANNEL, { event, payload });
  });
}
