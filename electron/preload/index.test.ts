import { beforeAll, describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES } from '../../shared/api/contract';
import { EVENT_NAMES } from '../../shared/api/events';
import type { RapportApi } from '../../shared/api/rapportApi';

type IpcListener = (event: unknown, message: unknown) => void;

const electron = vi.hoisted(() => {
  const exposed = new Map<string, unknown>();
  const ipcListeners = new Map<string, IpcListener[]>();
  return {
    exposed,
    ipcListeners,
    contextBridge: { exposeInMainWorld: vi.fn((key: string, api: unknown) => exposed.set(key, api)) },
    // A file from disk has a path; one made in the page (a Blob turned File) has ''.
    webUtils: { getPathForFile: vi.fn((file: { name: string }) => (file.name === 'made-in-page.zip' ? '' : `/home/me/Downloads/${file.name}`)) },
    ipcRenderer: {
      invoke: vi.fn(async (channel: string, input: unknown) => ({ ok: true, value: { channel, input } })),
      on: vi.fn((channel: string, listener: IpcListener) => {
        ipcListeners.set(channel, [...(ipcListeners.get(channel) ?? []), listener]);
      }),
    },
  };
});
vi.mock('electron', () => electron);

let api: RapportApi;
beforeAll(async () => {
  await import('./index');
  api = electron.exposed.get('rapport') as RapportApi;
});

function deliver(message: unknown): void {
  const ipcEvent = { sender: 'ipcRenderer', senderId: 0, ports: [] };
  for (const listener of electron.ipcListeners.get('rapport:event') ?? []) listener(ipcEvent, message);
}

describe('preload', () => {
  it('names where a dropped or picked file lies, through webUtils, and null for a file not on disk', async () => {
    expect(await api.pathForFile(new File(['zip'], 'twitter.zip'))).toBe('/home/me/Downloads/twitter.zip');
    expect(await api.pathForFile(new File(['zip'], 'made-in-page.zip'))).toBeNull();
    // Nothing crossed to main: the path is the renderer's own knowledge of the file it was handed.
    expect(electron.ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  it('exposes window.rapport and nothing else', () => {
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect([...electron.exposed.keys()]).toEqual(['rapport']);
  });

  it('exposes exactly one function per contract method, plus on and pathForFile', () => {
    expect(Object.keys(api).sort()).toEqual([...METHOD_NAMES, 'on', 'pathForFile'].sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    expect(api).not.toHaveProperty('invoke');
    expect(api).not.toHaveProperty('send');
    expect(api).not.toHaveProperty('ipcRenderer');
  });

  it('forwards each method to its own channel with the input untouched', async () => {
    for (const method of METHOD_NAMES) {
      const call = api[method] as (input: unknown) => Promise<unknown>;
      const input = { probe: method };
      expect(await call(input)).toEqual({ ok: true, value: { channel: `rapport:${method}`, input } });
    }
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledTimes(METHOD_NAMES.length);
  });

  it('delivers only the payload of subscribed events, never the IPC event', () => {
    const seen: unknown[] = [];
    const off = api.on('people.changed', (payload) => seen.push(payload));
    deliver({ event: 'people.changed', payload: { accountId: 1, personIds: null } });
    deliver({ event: 'accounts.changed', payload: { accounts: [] } });
    expect(seen).toEqual([{ accountId: 1, personIds: null }]);
    off();
    deliver({ event: 'people.changed', payload: { accountId: 1, personIds: [2] } });
    expect(seen).toHaveLength(1);
  });

  it('subscribes to every contract event and refuses anything else', () => {
    for (const event of EVENT_NAMES) {
      const listener = vi.fn();
      const off = api.on(event, listener);
      deliver({ event, payload: { probe: event } });
      expect(listener).toHaveBeenCalledWith({ probe: event });
      off();
    }
    const on = api.on as (event: string, listener: () => void) => () => void;
    expect(() => on('ipc-message', () => {})).toThrow(TypeError);
    expect(() => on('__proto__', () => {})).toThrow(TypeError);
  });

  it('ignores malformed messages on the event channel', () => {
    const listener = vi.fn();
    api.on('sync.progress', listener);
    deliver(null);
    deliver({ event: 'not.an.event', payload: {} });
    deliver('sync.progress');
    expect(listener).not.toHaveBeenCalled();
  });
});
