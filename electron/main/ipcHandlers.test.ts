import type { IpcMainInvokeEvent } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES, type MethodName } from '../../shared/api/contract';
import type { Envelope } from '../../shared/api/errors';
import type { RapportEvent } from '../../shared/api/events';

type InvokeHandler = (event: IpcMainInvokeEvent, input: unknown) => Promise<Envelope<unknown>>;

const electron = vi.hoisted(() => {
  const handlers = new Map<string, InvokeHandler>();
  return {
    handlers,
    ipcMain: {
      handle: (channel: string, handler: InvokeHandler) => {
        if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
        handlers.set(channel, handler);
      },
      removeHandler: (channel: string) => handlers.delete(channel),
    },
  };
});
vi.mock('electron', () => electron);

const { forwardCoreEvents, registerIpcHandlers } = await import('./ipcHandlers');
const { checkExternalUrl, ExternalHostAllowList } = await import('./externalUrlPolicy');

/** Stands in for core: records what reached it and answers every call with ok. */
class RecordingCore {
  readonly calls: Array<{ method: MethodName; input: unknown }> = [];
  private listener: ((event: RapportEvent) => void) | null = null;
  async call(method: MethodName, input: unknown): Promise<Envelope<unknown>> {
    this.calls.push({ method, input });
    return { ok: true, value: { answeredBy: 'core' } };
  }
  onEvent(listener: (event: RapportEvent) => void): () => void {
    this.listener = listener;
    return () => (this.listener = null);
  }
  emit(event: RapportEvent): void {
    this.listener?.(event);
  }
}

function fakeWindow(url = 'app://rapport/index.html') {
  const mainFrame = { url, parent: null };
  return { isDestroyed: () => false, webContents: { mainFrame, send: vi.fn() } };
}
type FakeWindow = ReturnType<typeof fakeWindow>;

function eventFrom(window: FakeWindow, frame: { url: string; parent: unknown } | null = window.webContents.mainFrame) {
  return { sender: window.webContents, senderFrame: frame } as unknown as IpcMainInvokeEvent;
}

function invoke(method: MethodName, event: IpcMainInvokeEvent, input: unknown): Promise<Envelope<unknown>> {
  const handler = electron.handlers.get(`rapport:${method}`);
  if (!handler) throw new Error(`no handler for ${method}`);
  return handler(event, input);
}

const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
let core: RecordingCore;
let window: FakeWindow;
let unregister: () => void = () => {};

beforeEach(() => {
  unregister();
  core = new RecordingCore();
  window = fakeWindow();
  log.warn.mockClear();
  unregister = registerIpcHandlers({
    core,
    getMainWindow: () => window as never,
    trustedOrigins: new Set(['app://rapport', 'http://localhost:5173']),
    log,
  });
});

describe('IPC handlers', () => {
  it('registers exactly one channel per contract method', () => {
    expect([...electron.handlers.keys()].sort()).toEqual(METHOD_NAMES.map((m) => `rapport:${m}`).sort());
  });

  it('forwards a valid call from the main window to core and returns its envelope', async () => {
    const result = await invoke('getBoardCounts', eventFrom(window), { accountId: 3 });
    expect(result).toEqual({ ok: true, value: { answeredBy: 'core' } });
    expect(core.calls).toEqual([{ method: 'getBoardCounts', input: { accountId: 3 } }]);
  });

  it('accepts the dev server origin when it is trusted', async () => {
    window = fakeWindow('http://localhost:5173/');
    expect((await invoke('listAccounts', eventFrom(window), {})).ok).toBe(true);
  });

  describe.each(METHOD_NAMES)('%s', (method) => {
    it.each([
      ['an unknown key', { bogus: true }],
      ['null', null],
      ['a string', 'DROP TABLE people'],
      ['an array', [1, 2]],
      ['a wrong-typed id', { accountId: '1 OR 1=1', personId: -1, stage: 'nowhere', sort: 1, limit: 1e9, query: '' }],
    ])('answers INVALID_INPUT for %s without reaching core', async (_label, input) => {
      const result = await invoke(method, eventFrom(window), input);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe('INVALID_INPUT');
      expect(result.error.message).toContain(method);
      expect(core.calls).toEqual([]);
    });
  });

  it.each([
    ['a subframe of the window', (w: FakeWindow) => eventFrom(w, { url: 'app://rapport/index.html', parent: w.webContents.mainFrame })],
    ['a frame on another origin', (w: FakeWindow) => eventFrom(w, { url: 'https://evil.example/', parent: null })],
    ['a file:// page', (w: FakeWindow) => eventFrom(w, { url: 'file:///tmp/x.html', parent: null })],
    ['a frame that is gone', (w: FakeWindow) => eventFrom(w, null)],
    ['another window', () => eventFrom(fakeWindow())],
  ])('refuses a call from %s and logs it', async (_label, makeEvent) => {
    const result = await invoke('listAccounts', makeEvent(window), {});
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).not.toBe('INVALID_INPUT');
    expect(core.calls).toEqual([]);
    expect(log.warn).toHaveBeenCalledWith('Refused listAccounts over IPC:', expect.any(String));
  });

  it('refuses calls when there is no main window', async () => {
    window = { ...fakeWindow(), isDestroyed: () => true };
    expect((await invoke('listAccounts', eventFrom(window), {})).ok).toBe(false);
    expect(core.calls).toEqual([]);
  });

  it('learns no host from what a method answered: a begun sign-in that is never finished leaves nothing behind', async () => {
    unregister();
    const externalHosts = new ExternalHostAllowList();
    const before = externalHosts.list();
    const stop = forwardCoreEvents(core, () => window as never, externalHosts);
    const authorizeUrl = 'https://fosstodon.org/oauth/authorize?client_id=x&state=s';
    const signInCore = {
      call: async (): Promise<Envelope<unknown>> => ({
        ok: true,
        value: { signInId: 'abcdefghij', authorizeUrl, redirect: 'loopback', instanceUrl: 'https://fosstodon.org' },
      }),
    };
    unregister = registerIpcHandlers({ core: signInCore, getMainWindow: () => window as never, trustedOrigins: new Set(['app://rapport']), log });
    expect((await invoke('beginSignIn', eventFrom(window), { network: 'mastodon', instance: 'fosstodon.org' })).ok).toBe(true);
    const finished = { id: 1, network: 'mastodon', remoteId: 'mas.to:1', handle: 'a@mas.to', displayName: '', serverUrl: 'https://mas.to', createdAt: 'x', lastSyncedAt: null };
    core.emit({ event: 'accounts.changed', payload: { accounts: [finished] } } as RapportEvent);
    expect(externalHosts.list()).toEqual(before);
    expect(checkExternalUrl(authorizeUrl, externalHosts).allowed).toBe(false);
    stop();
  });

  it('follows externalLinks.changed from core: account hosts, and a waiting sign-in’s page until it ends', () => {
    const externalHosts = new ExternalHostAllowList();
    const stop = forwardCoreEvents(core, () => window as never, externalHosts);
    const authorizeUrl = 'https://fosstodon.org/oauth/authorize?client_id=x&state=s';
    const payload = { hosts: ['mas.to'], urls: [authorizeUrl] };
    core.emit({ event: 'externalLinks.changed', payload });
    expect(externalHosts.has('mas.to')).toBe(true);
    // window.open of the authorize page reaches main's window-open handler, which checks this.
    expect(checkExternalUrl(authorizeUrl, externalHosts).allowed).toBe(true);
    expect(externalHosts.has('fosstodon.org')).toBe(false);
    expect(window.webContents.send).toHaveBeenCalledWith('rapport:event', { event: 'externalLinks.changed', payload });
    core.emit({ event: 'externalLinks.changed', payload: { hosts: ['mas.to'], urls: [] } });
    expect(checkExternalUrl(authorizeUrl, externalHosts).allowed).toBe(false);
    stop();
  });

  it('sends core events to the main window only, as { event, payload }', () => {
    const stop = forwardCoreEvents(core, () => window as never);
    const payload = { accountId: 1, personIds: [4, 5] };
    core.emit({ event: 'people.changed', payload });
    expect(window.webContents.send).toHaveBeenCalledWith('rapport:event', { event: 'people.changed', payload });
    stop();
    core.emit({ event: 'people.changed', payload });
    expect(window.webContents.send).toHaveBeenCalledTimes(1);
  });
});
