import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';

vi.mock('electron', () => ({ Menu: { buildFromTemplate: vi.fn(), setApplicationMenu: vi.fn() } }));
const { appMenuTemplate } = await import('./appMenu');

function find(menu: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions | undefined {
  for (const item of menu) {
    if (item.label === label) return item;
    if (Array.isArray(item.submenu)) {
      const inner = find(item.submenu, label);
      if (inner) return inner;
    }
  }
  return undefined;
}

describe('application menu', () => {
  it('has Check for Updates… in the macOS app menu, running the check', () => {
    const check = vi.fn();
    const menu = appMenuTemplate({ isMac: true, isDev: false, onCheckForUpdates: check });
    const appMenu = menu[0]!;
    expect(appMenu.label).toBe('Rapport');
    const item = (appMenu.submenu as MenuItemConstructorOptions[]).find((i) => i.label === 'Check for Updates…');
    (item?.click as () => void)();
    expect(check).toHaveBeenCalledTimes(1);
    expect(menu.some((i) => i.role === 'help')).toBe(false);
  });

  it('has Check for updates… under Help on Windows and Linux', () => {
    const check = vi.fn();
    const menu = appMenuTemplate({ isMac: false, isDev: false, onCheckForUpdates: check });
    const help = menu.find((i) => i.role === 'help');
    expect((help?.submenu as MenuItemConstructorOptions[]).map((i) => i.label)).toEqual(['Check for updates…']);
    (find(menu, 'Check for updates…')?.click as () => void)();
    expect(check).toHaveBeenCalledTimes(1);
  });

  it('keeps developer tools to development', () => {
    const roles = (menu: MenuItemConstructorOptions[]) => JSON.stringify(menu);
    expect(roles(appMenuTemplate({ isMac: false, isDev: true }))).toContain('toggleDevTools');
    expect(roles(appMenuTemplate({ isMac: false, isDev: false }))).not.toContain('toggleDevTools');
  });
});
