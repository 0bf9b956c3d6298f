// The board window: secure options, shown once painted, background following the OS theme.
import { BrowserWindow, nativeTheme } from 'electron';
import type { MainLog } from './mainLog';
import type { Placement } from './windowPlacement';
import { mainWindowOptions, windowBackground } from './windowOptions';

export interface CreateMainWindowOptions {
  preloadPath: string;
  /** app://rapport/index.html, or electron-vite's dev server URL in development. */
  entryUrl: string;
  log: MainLog;
  /** Where and how large, from the saved window state fitted to today's displays. */
  placement?: Placement;
}

export function createMainWindow({ preloadPath, entryUrl, log, placement }: CreateMainWindowOptions): BrowserWindow {
  const { maximized = false, ...bounds } = placement ?? {};
  const window = new BrowserWindow({ ...mainWindowOptions({ preloadPath, dark: nativeTheme.shouldUseDarkColors }), ...bounds });
  window.once('ready-to-show', () => {
    if (maximized) window.maximize();
    window.show();
  });

  const followTheme = (): void => {
    if (!window.isDestroyed()) window.setBackgroundColor(windowBackground(nativeTheme.shouldUseDarkColors));
  };
  nativeTheme.on('updated', followTheme);
  window.once('closed', () => nativeTheme.off('updated', followTheme));

  window.loadURL(entryUrl).catch((error: unknown) => {
    log.error('The main window failed to load:', error instanceof Error ? error.message : String(error));
  });
  return window;
}
