// The main window's construction options, kept free of Electron's runtime so the security
// settings are asserted by a plain unit test.
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

/** Matches the renderer's page background per theme, so the window never flashes white. */
export const WINDOW_BACKGROUND = { light: '#f7f7f5', dark: '#16171b' } as const;

export function windowBackground(dark: boolean): string {
  return dark ? WINDOW_BACKGROUND.dark : WINDOW_BACKGROUND.light;
}

/** Electron's security checklist, item by item; nothing here is left to a default. */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    // A file dropped on the window must not replace the app with that file.
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
  };
}

export interface MainWindowOptionsInput {
  preloadPath: string;
  dark: boolean;
}

export function mainWindowOptions({ preloadPath, dark }: MainWindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    title: 'Rapport',
    width: 1280,
    height: 820,
    minWidth: 880,
    minHeight: 560,
    // Shown on ready-to-show, once the first frame is painted.
    show: false,
    backgroundColor: windowBackground(dark),
    webPreferences: secureWebPreferences(preloadPath),
  };
}
