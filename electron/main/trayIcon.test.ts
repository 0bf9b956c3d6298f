// The tray against a scripted Electron Tray and Menu: the count in tooltip, menu-bar title and
// menu, and each menu item doing what it says.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';

const electron = vi.hoisted(() => ({ trays: [] as unknown[] }));
vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  class Tray extends EventEmitter {
    toolTip = '';
    title = '';
    menu: MenuItemConstructorOptions[] = [];
    destroyed = false;
    constructor(readonly image: unknown) {
      super();
      electron.trays.push(this);
    }
    setToolTip(text: string): void {
      this.toolTip = text;
    }
    setTitle(text: string): void {
      this.title = text;
    }
    setContextMenu(menu: MenuItemConstructorOptions[]): void {
      this.menu = menu;
    }
    destroy(): void {
      this.destroyed = true;
    }
  }
  return { Tray, Menu: { buildFromTemplate: (template: unknown) => template } };
});

const { createTrayIcon } = await import('./trayIcon');

interface FakeTray {
  toolTip: string;
  title: string;
  menu: MenuItemConstructorOptions[];
  emit(event: string): void;
}
const actions = { open: vi.fn(), reviewNew: vi.fn(), syncNow: vi.fn(), quit: vi.fn() };
const labels = (tray: FakeTray) => tray.menu.filter((item) => item.type !== 'separator').map((item) => item.label);
const item = (tray: FakeTray, label: string) => tray.menu.find((i) => i.label === label)!;
const click = (tray: FakeTray, label: string) => (item(tray, label).click as () => void)();

beforeEach(() => {
  electron.trays.length = 0;
  vi.clearAllMocks();
});

describe('tray icon', () => {
  it('offers Open Rapport, Review new followers, Sync now and Quit under the waiting count', () => {
    createTrayIcon({ image: '/icons/tray.png', actions, isMac: false });
    const tray = electron.trays[0] as FakeTray;
    expect(labels(tray)).toEqual(['Nobody waiting in New', 'Open Rapport', 'Review new followers', 'Sync now', 'Quit Rapport']);
    click(tray, 'Open Rapport');
    click(tray, 'Sync now');
    click(tray, 'Quit Rapport');
    expect(actions.open).toHaveBeenCalledTimes(1);
    expect(actions.syncNow).toHaveBeenCalledTimes(1);
    expect(actions.quit).toHaveBeenCalledTimes(1);
  });

  it('follows the waiting count in the tooltip and the menu; Review is there only when someone waits', () => {
    const icon = createTrayIcon({ image: '/icons/tray.png', actions, isMac: false });
    const tray = electron.trays[0] as FakeTray;
    expect(tray.toolTip).toBe('Rapport — Nobody waiting in New');
    expect(item(tray, 'Review new followers').enabled).toBe(false);
    icon.setWaiting(1_204);
    expect(tray.toolTip).toBe('Rapport — 1,204 people waiting in New');
    expect(labels(tray)[0]).toBe('1,204 people waiting in New');
    expect(item(tray, 'Review new followers').enabled).toBe(true);
    click(tray, 'Review new followers');
    expect(actions.reviewNew).toHaveBeenCalledTimes(1);
    icon.setWaiting(1);
    expect(tray.toolTip).toBe('Rapport — 1 person waiting in New');
    // Titles beside the icon are a macOS menu-bar thing only.
    expect(tray.title).toBe('');
  });

  it('shows the count beside the macOS menu-bar icon, nothing when nobody waits', () => {
    const icon = createTrayIcon({ image: '/icons/tray.png', actions, isMac: true });
    const tray = electron.trays[0] as FakeTray;
    icon.setWaiting(7);
    expect(tray.title).toBe('7');
    icon.setWaiting(0);
    expect(tray.title).toBe('');
  });

  it('opens the window on a click on Windows and Linux; on macOS a click opens the menu instead', () => {
    createTrayIcon({ image: '/icons/tray.png', actions, isMac: false });
    (electron.trays[0] as FakeTray).emit('click');
    expect(actions.open).toHaveBeenCalledTimes(1);
    createTrayIcon({ image: '/icons/tray.png', actions, isMac: true });
    (electron.trays[1] as FakeTray).emit('click');
    expect(actions.open).toHaveBeenCalledTimes(1);
  });
});
