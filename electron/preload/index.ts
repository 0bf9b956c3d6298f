// window.rapport for the sandboxed renderer: one function per contract method and a typed
// event subscription. The page never sees ipcRenderer, IPC events or any other Electron object.
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { METHOD_NAMES } from '../../shared/api/methodNames';
import { isEventName, type EventName, type RapportEvent } from '../../shared/api/events';
import type { RapportApi, RapportMethods } from '../../shared/api/rapportApi';
import { IPC_EVENT_CHANNEL, methodChannel } from './ipcChannels';

const listeners = new Map<EventName, Set<(payload: unknown) => void>>();

// One IPC listener for all core events; the IpcRendererEvent stops here.
ipcRenderer.on(IPC_EVENT_CHANNEL, (_event: IpcRendererEvent, message: RapportEvent) => {
  if (!isEventName(message?.event)) return;
  for (const listener of listeners.get(message.event) ?? []) listener(message.payload);
});

// Main validates every input against the contract; the preload only carries it.
const methods = Object.fromEntries(
  METHOD_NAMES.map((method) => [method, (input: unknown) => ipcRenderer.invoke(methodChannel(method), input)]),
) as RapportMethods;

const api: RapportApi = {
  ...methods,
  on(event, listener) {
    if (!isEventName(event)) throw new TypeError(`Unknown Rapport event: ${String(event)}`);
    if (typeof listener !== 'function') throw new TypeError('The listener must be a function');
    const set = listeners.get(event) ?? new Set();
    listeners.set(event, set);
    // A wrapper per subscription, so subscribing one function twice needs two unsubscribes.
    const entry = (payload: unknown): void => (listener as (payload: unknown) => void)(payload);
    set.add(entry);
    return () => {
      set.delete(entry);
    };
  },
  // Electron ≥ 32 took File.path away; this is its replacement. '' means no file on disk.
  async pathForFile(file) {
    const found = webUtils.getPathForFile(file as File);
    return found === '' ? null : found;
  },
};

contextBridge.exposeInMainWorld('rapport', api);
