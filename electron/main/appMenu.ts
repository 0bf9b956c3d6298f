// A minimal application menu built from Electron's roles: the usual edit shortcuts, zoom and
// full screen; developer tools only in development; "Check for updates…" where each platform
// keeps it (the app menu on macOS, Help elsewhere).
import { Menu, type MenuItemConstructorOptions } from 'electron';

export interface AppMenuOptions {
  isMac: boolean;
  isDev: boolean;
  /** Absent: no update item (nothing to update). */
  onCheckForUpdates?: () => void;
}

export function appMenuTemplate({ isMac, isDev, onCheckForUpdates }: AppMenuOptions): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { role: 'reload' },
    ...(isDev ? ([{ role: 'toggleDevTools' }] as const) : []),
    { type: 'separator' },
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  const checkForUpdates: MenuItemConstructorOptions[] = onCheckForUpdates
    ? [{ label: isMac ? 'Check for Updates…' : 'Check for updates…', click: () => onCheckForUpdates() }]
    : [];
  const macAppMenu: MenuItemConstructorOptions = {
    label: 'Rapport',
    submenu: [
      { role: 'about' },
      ...checkForUpdates,
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  };
  return [
    ...(isMac ? [macAppMenu] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    { label: 'View', submenu: view },
    { role: 'windowMenu' },
    ...(!isMac && checkForUpdates.length > 0 ? [{ role: 'help' as const, submenu: checkForUpdates }] : []),
  ];
}

export function installAppMenu(options: AppMenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate(options)));
}
