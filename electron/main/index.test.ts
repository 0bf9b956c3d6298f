// The lifecycle in index.ts, against a scripted Electron: what must happen before `ready`,
// what happens at `ready`, and how windows, quitting and a second instance are handled.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const fakes = await vi.hoisted(async () => {
  const { EventEmitter } = await import('node:events');

  function createElectron({ gotLock, isPackaged = true }: { gotLock: boolean; isPackaged?: boolean }) {
    const order: string[] = [];
    let isReady = false;
    let markReady: () => void = () => {};
    const ready = new Promise<void>((resolve) => (markReady = resolve));

    class FakeBrowserWindow extends EventEmitter {
      static all: FakeBrowserWindow[] = [];
      static getAllWindows = (): FakeBrowserWindow[] => FakeBrowserWindow.all;
      destroyed = false;
      readonly webContents = Object.assign(new EventEmitter(), {
        send: vi.fn(),
        isLoading: () => false,
        mainFrame: { url: 'app://rapport/index.html', parent: null },
      });
      visible = true;
      focused = false;
      readonly loadURL = vi.fn(async (_url: string) => undefined);
      readonly show = vi.fn(() => (this.visible = true));
      readonly focus = vi.fn();
      readonly restore = vi.fn();
      readonly hide = vi.fn(() => (this.visible = false));
      readonly maximize = vi.fn();
      readonly setOverlayIcon = vi.fn();
      readonly setProgressBar = vi.fn();
      isVisible = (): boolean => this.visible;
      isFocused = (): boolean => this.focused;
      isMaximized = (): boolean => false;
      getNormalBounds = () => ({ x: 0, y: 0, width: 1280, height: 820 });
      readonly setBackgroundColor = vi.fn();
      constructor(readonly options: { webPreferences?: { preload?: string; sandbox?: boolean } }) {
        super();
        order.push('new BrowserWindow');
        FakeBrowserWindow.all.push(this);
      }
      isDestroyed = (): boolean => this.destroyed;
      isMinimized = (): boolean => false;
      close(): void {
        const event = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
        this.emit('close', event);
        if (event.defaultPrevented) return;
        this.destroyed = true;
        FakeBrowserWindow.all = FakeBrowserWindow.all.filter((w) => w !== this);
        this.emit('closed');
        if (FakeBrowserWindow.all.length === 0) app.emit('window-all-closed');
      }
    }

    class FakeUtilityProcess extends EventEmitter {
      readonly posted: Array<{ type: string; id?: number; method?: string }> = [];
      constructor() {
        super();
        setImmediate(() => this.emit('message', { type: 'ready' }));
      }
      postMessage(message: { type: string; id?: number; method?: string }): void {
        this.posted.push(message);
        if (message.type === 'shutdown') setImmediate(() => this.emit('exit', 0));
      }
      /** Answers the call main made of `method`, as core would. */
      answer(method: string, value: unknown): void {
        const call = this.posted.find((m) => m.type === 'call' && m.method === method);
        if (!call) throw new Error(`main never called ${method}`);
        this.emit('message', { type: 'result', id: call.id, envelope: { ok: true, value } });
      }
      kill(): boolean {
        return true;
      }
    }
    const forked: Array<{ modulePath: string; args?: string[]; child: FakeUtilityProcess }> = [];
    const notifications: Array<{ options: { title: string; body: string }; emit(event: string): boolean }> = [];

    const app = Object.assign(new EventEmitter(), {
      isPackaged,
      getVersion: () => '0.1.0',
      setBadgeCount: vi.fn(),
      setLoginItemSettings: vi.fn(),
      enableSandbox: vi.fn(() => order.push('enableSandbox')),
      requestSingleInstanceLock: vi.fn(() => gotLock),
      whenReady: () => ready,
      isReady: () => isReady,
      paths: new Map<string, string>([['appData', '/home/ada/.config']]),
      getPath: vi.fn((name: string) => {
        const path = app.paths.get(name);
        if (path === undefined) throw new Error(`no ${name} path yet`);
        return path;
      }),
      setPath: vi.fn((name: string, path: string) => {
        if (isReady) throw new Error('userData must be set before ready');
        app.paths.set(name, path);
      }),
      quit: vi.fn(() => {
        const event = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
        app.emit('before-quit', event);
        if (!event.defaultPrevented) order.push('quit');
      }),
    });
    const originalOn = app.on.bind(app);
    app.on = ((event: string, listener: (...args: unknown[]) => void) => {
      order.push(`app.on ${event}`);
      return originalOn(event, listener);
    }) as typeof app.on;

    const electron = {
      app,
      BrowserWindow: FakeBrowserWindow,
      nativeTheme: Object.assign(new EventEmitter(), { shouldUseDarkColors: false }),
      protocol: {
        registerSchemesAsPrivileged: vi.fn(() => order.push('registerSchemesAsPrivileged')),
        handle: vi.fn((_scheme: string, _handler: unknown) => order.push('protocol.handle')),
      },
      session: { defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() } },
      ipcMain: { handle: vi.fn(), removeHandler: vi.fn() },
      utilityProcess: {
        fork: vi.fn((modulePath: string, args?: string[]) => {
          const child = new FakeUtilityProcess();
          forked.push({ modulePath, args, child });
          return child;
        }),
      },
      Menu: { buildFromTemplate: vi.fn((template: unknown) => template), setApplicationMenu: vi.fn() },
      screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
      nativeImage: { createFromPath: (path: string) => ({ path, resize: () => ({ path }) }), createFromBitmap: () => ({}) },
      Tray: class extends EventEmitter {
        setToolTip = vi.fn();
        setTitle = vi.fn();
        setContextMenu = vi.fn();
      },
      Notification: Object.assign(
        class extends EventEmitter {
          constructor(readonly options: { title: string; body: string }) {
            super();
          }
          show(): void {
            notifications.push(this);
          }
        },
        { isSupported: () => true },
      ),
      dialog: { showMessageBox: vi.fn(async () => ({ response: 1 })) },
      shell: { openExternal: vi.fn(async () => undefined) },
    };
    const becomeReady = async (): Promise<void> => {
      order.push('ready');
      isReady = true;
      markReady();
      // Let onReady run to completion.
      await new Promise((resolve) => setImmediate(resolve));
    };
    return { electron, order, forked, becomeReady, notifications };
  }

  const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
  const state = { current: createElectron({ gotLock: true }), createElectron };
  const electronLog = {
    transports: { file: { level: 'info' }, console: { level: 'info' } },
    errorHandler: { startCatching: vi.fn() },
    scope: () => logger,
  };
  const autoUpdater = Object.assign(new EventEmitter(), {
    autoDownload: false,
    autoInstallOnAppQuit: false,
    checkForUpdates: vi.fn(async () => null),
    quitAndInstall: vi.fn(),
  });
  return { state, electronLog, autoUpdater };
});

vi.mock('electron', () => fakes.state.current.electron);
vi.mock('electron-log/main', () => ({ default: fakes.electronLog }));
vi.mock('electron-updater', () => ({ autoUpdater: fakes.autoUpdater }));

const platform = Object.getOwnPropertyDescriptor(process, 'platform');
function setPlatform(value: NodeJS.Platform): void {
  Object.defineProperty(process, 'platform', { ...platform, value });
}

async function startMain(options: { gotLock: boolean; isPackaged?: boolean } = { gotLock: true }) {
  fakes.state.current = fakes.state.createElectron(options);
  // A fresh main module against a fresh Electron for each start.
  vi.resetModules();
  const electron = fakes.state.current.electron;
  vi.doMock('electron', () => electron);
  await import('./index');
  return fakes.state.current;
}

beforeEach(() => {
  setPlatform('linux');
  // Electron defines it in a packaged app: the folder beside app.asar (the tray icon lives there).
  Object.defineProperty(process, 'resourcesPath', { value: '/opt/Rapport/resources', configurable: true });
});
afterEach(() => {
  if (platform) Object.defineProperty(process, 'platform', platform);
  vi.unstubAllEnvs();
});

describe('main process lifecycle', () => {
  it('before ready: sandboxes every renderer, registers app:// privileges and installs the guards', async () => {
    const { order, electron } = await startMain();
    expect(order).toContain('enableSandbox');
    expect(order).toContain('registerSchemesAsPrivileged');
    expect(order).toContain('app.on web-contents-created');
    expect(order).not.toContain('ready');
    expect(electron.app.setPath).toHaveBeenCalledWith('userData', '/home/ada/.config/Rapport');
    expect(electron.utilityProcess.fork).not.toHaveBeenCalled();
    expect(electron.BrowserWindow.all).toHaveLength(0);
  });

  it('at ready: serves app://, starts core with the user data dir, bridges IPC and opens the window', async () => {
    const { order, electron, forked, becomeReady } = await startMain();
    await becomeReady();

    expect(electron.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(electron.session.defaultSession.setPermissionCheckHandler).toHaveBeenCalled();
    expect(electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(electron.app.getPath).toHaveBeenCalledWith('userData');
    expect(forked[0]?.modulePath).toMatch(/core\.js$/);
    expect(forked[0]?.args).toEqual(['--data-dir', '/home/ada/.config/Rapport', '--sample-page-delay-ms', '40']);
    expect(electron.ipcMain.handle).toHaveBeenCalledWith('rapport:listAccounts', expect.any(Function));
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalled();

    const [window] = electron.BrowserWindow.all;
    expect(window?.loadURL).toHaveBeenCalledWith('app://rapport/index.html');
    expect(window?.options.webPreferences?.sandbox).toBe(true);
    expect(window?.options.webPreferences?.preload).toMatch(/preload[\\/]index\.js$/);
    expect(order.indexOf('registerSchemesAsPrivileged')).toBeLessThan(order.indexOf('ready'));
    expect(order.indexOf('protocol.handle')).toBeLessThan(order.indexOf('new BrowserWindow'));
  });

  it("in development, loads electron-vite's dev server and keeps its own data folder", async () => {
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173');
    const { electron, forked, becomeReady } = await startMain({ gotLock: true, isPackaged: false });
    await becomeReady();
    expect(electron.app.setPath).toHaveBeenCalledWith('userData', '/home/ada/.config/Rapport Dev');
    expect(forked[0]?.args).toEqual(['--data-dir', '/home/ada/.config/Rapport Dev', '--sample-page-delay-ms', '40']);
    expect(electron.BrowserWindow.all[0]?.loadURL).toHaveBeenCalledWith('http://localhost:5173');
  });

  it('a packaged app ignores ELECTRON_RENDERER_URL', async () => {
    vi.stubEnv('ELECTRON_RENDERER_URL', 'https://evil.example/');
    const { electron, becomeReady } = await startMain({ gotLock: true, isPackaged: true });
    await becomeReady();
    expect(electron.BrowserWindow.all[0]?.loadURL).toHaveBeenCalledWith('app://rapport/index.html');
  });

  it('quits when the last window closes, except on macOS where activate reopens it', async () => {
    const linux = await startMain();
    await linux.becomeReady();
    linux.electron.BrowserWindow.all[0]?.close();
    expect(linux.electron.app.quit).toHaveBeenCalled();

    setPlatform('darwin');
    const mac = await startMain();
    await mac.becomeReady();
    mac.electron.BrowserWindow.all[0]?.close();
    expect(mac.electron.app.quit).not.toHaveBeenCalled();
    mac.electron.app.emit('activate');
    expect(mac.electron.BrowserWindow.all).toHaveLength(1);
  });

  it('shuts core down cleanly before quitting', async () => {
    const { electron, forked, order, becomeReady } = await startMain();
    await becomeReady();
    electron.app.quit();
    expect(order).not.toContain('quit');
    await vi.waitFor(() => expect(order).toContain('quit'));
    expect(forked[0]?.child.posted.at(-1)).toEqual({ type: 'shutdown' });
  });

  it('a second instance focuses the existing window instead of opening another', async () => {
    const { electron, becomeReady } = await startMain();
    await becomeReady();
    electron.app.emit('second-instance');
    expect(electron.BrowserWindow.all).toHaveLength(1);
    expect(electron.BrowserWindow.all[0]?.focus).toHaveBeenCalled();
  });

  it('without the single-instance lock, quits without starting core or a window', async () => {
    const { electron, forked, becomeReady } = await startMain({ gotLock: false });
    expect(electron.app.quit).toHaveBeenCalled();
    await becomeReady();
    expect(forked).toHaveLength(0);
    expect(electron.BrowserWindow.all).toHaveLength(0);
  });

  it('a notification click reaches the same window, asking it to open Review for that account', async () => {
    const { electron, forked, notifications, becomeReady } = await startMain();
    await becomeReady();
    const child = forked[0]!.child;
    child.emit('message', {
      type: 'event',
      event: 'followers.arrived',
      payload: { accountId: 3, runId: 8, network: 'bluesky', networkLabel: 'Bluesky', count: 12, promising: 3 },
    });
    expect(notifications.map((n) => n.options)).toEqual([{ title: '12 new followers on Bluesky', body: '3 look promising' }]);
    notifications[0]!.emit('click');
    expect(electron.BrowserWindow.all).toHaveLength(1);
    const [window] = electron.BrowserWindow.all;
    expect(window?.focus).toHaveBeenCalled();
    expect(window?.webContents.send).toHaveBeenCalledWith('rapport:event', { event: 'desktop.openReview', payload: { accountId: 3 } });
  });

  it('keeping sync in the background: closing hides the window, a second launch shows it, Quit quits', async () => {
    const { electron, forked, becomeReady } = await startMain();
    await becomeReady();
    const child = forked[0]!.child;
    await vi.waitFor(() => expect(child.posted.some((m) => m.method === 'getDesktopSettings')).toBe(true));
    child.answer('getDesktopSettings', { newFollowerNotifications: true, keepSyncingInBackground: true, openAtLogin: false });
    await new Promise((resolve) => setImmediate(resolve));

    const [window] = electron.BrowserWindow.all;
    window?.close();
    expect(window?.hide).toHaveBeenCalled();
    expect(window?.isDestroyed()).toBe(false);
    expect(electron.app.quit).not.toHaveBeenCalled();

    electron.app.emit('second-instance');
    expect(window?.isVisible()).toBe(true);
    expect(electron.BrowserWindow.all).toHaveLength(1);

    electron.app.quit();
    window?.close();
    expect(window?.isDestroyed()).toBe(true);
  });

  it('checks for updates quietly in the installed app, never in an unpackaged run', async () => {
    const packaged = await startMain({ gotLock: true, isPackaged: true });
    fakes.autoUpdater.checkForUpdates.mockClear();
    await packaged.becomeReady();
    expect(fakes.autoUpdater.checkForUpdates).toHaveBeenCalledTimes(1);

    fakes.autoUpdater.checkForUpdates.mockClear();
    const unpackaged = await startMain({ gotLock: true, isPackaged: false });
    await unpackaged.becomeReady();
    expect(fakes.autoUpdater.checkForUpdates).not.toHaveBeenCalled();
  });
});
