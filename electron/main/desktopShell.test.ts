// The desktop shell wired to a scripted core and a scripted Electron: core's events reach the
// notification, tray and badge; clicks reach the one window with "open Review for account X";
// settings changed in the window are applied (notifications off, open at login).
import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import type { RapportEvent } from '../../shared/api/events';

const electron = vi.hoisted(() => ({
  notifications: [] as Array<{ options: { title: string; body: string }; emit(event: string): boolean }>,
  trays: [] as Array<{ toolTip: string; menu: MenuItemConstructorOptions[] }>,
  app: { setBadgeCount: vi.fn(), setLoginItemSettings: vi.fn() },
}));
vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  class Notification extends Emitter {
    static isSupported = () => true;
    constructor(readonly options: { title: string; body: string }) {
      super();
    }
    show() {
      electron.notifications.push(this);
    }
  }
  class Tray extends Emitter {
    toolTip = '';
    menu: MenuItemConstructorOptions[] = [];
    constructor(_image: unknown) {
      super();
      electron.trays.push(this);
    }
    setToolTip(text: string) {
      this.toolTip = text;
    }
    setTitle() {}
    setContextMenu(menu: MenuItemConstructorOptions[]) {
      this.menu = menu;
    }
    destroy() {}
  }
  return {
    app: electron.app,
    Notification,
    Tray,
    Menu: { buildFromTemplate: (template: unknown) => template },
    nativeImage: { createFromBitmap: () => ({ overlay: true }) },
  };
});

const { createDesktopShell } = await import('./desktopShell');

class FakeCore {
  private readonly emitter = new EventEmitter();
  readonly calls: Array<{ method: string; input: unknown }> = [];
  settings = { newFollowerNotifications: true, keepSyncingInBackground: false, openAtLogin: false };
  async call(method: string, input: unknown) {
    this.calls.push({ method, input });
    if (method === 'getDesktopSettings') return { ok: true as const, value: this.settings };
    if (method === 'getWaitingCount') return { ok: true as const, value: { total: 5, byAccount: [{ accountId: 1, waiting: 5 }] } };
    if (method === 'listAccounts') return { ok: true as const, value: [{ id: 1 }, { id: 2 }] };
    if (method === 'startSync' && (input as { accountId: number }).accountId === 2) {
      return { ok: false as const, error: { code: 'CONFLICT' as const, message: 'running' } };
    }
    return { ok: true as const, value: {} };
  }
  onEvent(listener: (event: RapportEvent) => void) {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }
  emit(event: RapportEvent['event'], payload: unknown) {
    this.emitter.emit('event', { event, payload });
  }
}

function fakeWindow() {
  return {
    focused: false,
    visible: true,
    loading: false,
    isDestroyed: () => false,
    isFocused() {
      return this.focused;
    },
    isVisible() {
      return this.visible;
    },
    setOverlayIcon: vi.fn(),
    webContents: Object.assign(new EventEmitter(), {
      send: vi.fn(),
      isLoading: (): boolean => false,
    }),
  };
}

let core: FakeCore;
let window: ReturnType<typeof fakeWindow>;
let shown: number;
const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
async function startShell(platform: NodeJS.Platform = 'linux') {
  const shell = createDesktopShell({
    core,
    showWindow: () => {
      shown++;
      return window as never;
    },
    getWindow: () => window as never,
    platform,
    trayImage: '/tray.png',
    quit: vi.fn(),
    log,
  });
  await shell.start();
  return shell;
}
const arrived = { accountId: 2, runId: 9, network: 'mastodon', networkLabel: 'Mastodon', count: 12, promising: 3 };
const trayItem = (label: string) => electron.trays.at(-1)!.menu.find((i) => i.label === label)!;

beforeEach(() => {
  vi.clearAllMocks();
  electron.notifications.length = 0;
  electron.trays.length = 0;
  core = new FakeCore();
  window = fakeWindow();
  shown = 0;
});

describe('desktop shell', () => {
  it('starts with the stored settings and the waiting count on tray and badge', async () => {
    const shell = await startShell();
    expect(shell.settings()).toEqual(core.settings);
    expect(electron.trays[0]!.toolTip).toBe('Rapport — 5 people waiting in New');
    expect(electron.app.setBadgeCount).toHaveBeenLastCalledWith(5);
  });

  it('follows waiting.changed on tray and badge', async () => {
    await startShell();
    core.emit('waiting.changed', { total: 0, byAccount: [{ accountId: 1, waiting: 0 }] });
    expect(electron.trays[0]!.toolTip).toBe('Rapport — Nobody waiting in New');
    expect(electron.app.setBadgeCount).toHaveBeenLastCalledWith(0);
  });

  it('turns a sync that found followers into one notification whose click opens Review in the same window', async () => {
    await startShell();
    core.emit('followers.arrived', arrived);
    expect(electron.notifications.map((n) => n.options)).toEqual([{ title: '12 new followers on Mastodon', body: '3 look promising' }]);
    electron.notifications[0]!.emit('click');
    expect(shown).toBe(1);
    expect(window.webContents.send).toHaveBeenCalledWith('rapport:event', { event: 'desktop.openReview', payload: { accountId: 2 } });
  });

  it('shows no notification once the setting is turned off from the window', async () => {
    await startShell();
    core.emit('desktopSettings.changed', { ...core.settings, newFollowerNotifications: false });
    core.emit('followers.arrived', arrived);
    expect(electron.notifications).toHaveLength(0);
  });

  it('shows no notification while the window has focus, and one when it is hidden', async () => {
    await startShell();
    window.focused = true;
    core.emit('followers.arrived', arrived);
    expect(electron.notifications).toHaveLength(0);
    window.visible = false;
    core.emit('followers.arrived', arrived);
    expect(electron.notifications).toHaveLength(1);
  });

  it('registers the login item when open at login is turned on, and only then', async () => {
    await startShell('darwin');
    expect(electron.app.setLoginItemSettings).not.toHaveBeenCalled();
    core.emit('desktopSettings.changed', { ...core.settings, openAtLogin: true });
    core.emit('desktopSettings.changed', { ...core.settings, openAtLogin: true, keepSyncingInBackground: true });
    expect(electron.app.setLoginItemSettings.mock.calls).toEqual([[{ openAtLogin: true }]]);
  });

  it("tray: Review new followers opens the busiest account's Review; Sync now syncs every account", async () => {
    await startShell();
    core.emit('waiting.changed', { total: 9, byAccount: [{ accountId: 1, waiting: 2 }, { accountId: 2, waiting: 7 }] });
    (trayItem('Review new followers').click as () => void)();
    expect(window.webContents.send).toHaveBeenCalledWith('rapport:event', { event: 'desktop.openReview', payload: { accountId: 2 } });

    (trayItem('Sync now').click as () => void)();
    await vi.waitFor(() => expect(core.calls.filter((c) => c.method === 'startSync')).toHaveLength(2));
    expect(core.calls.filter((c) => c.method === 'startSync').map((c) => c.input)).toEqual([{ accountId: 1 }, { accountId: 2 }]);
    expect(log.warn).not.toHaveBeenCalled();
  });

  it('waits for a window that is still loading before asking it to open Review', async () => {
    const shell = await startShell();
    window.webContents.isLoading = () => true;
    shell.openReview(1);
    expect(window.webContents.send).not.toHaveBeenCalled();
    window.webContents.emit('did-finish-load');
    expect(window.webContents.send).toHaveBeenCalledWith('rapport:event', { event: 'desktop.openReview', payload: { accountId: 1 } });
  });
});
