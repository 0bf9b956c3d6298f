// Updates through electron-updater (GitHub releases, see `publish` in electron-builder.yml): a
// quiet check at start, "Check for updates…" in the app menu, and when an update has downloaded,
// a notice offering to restart now or later. Never a forced restart: "Later" installs it the next
// time the user quits (autoInstallOnAppQuit). Only the installed app checks; a development or
// unpackaged run has nothing to update.
import { dialog, type BrowserWindow, type MessageBoxOptions } from 'electron';
import type { MainLog } from './mainLog';

/** What we use of electron-updater's autoUpdater (its AppUpdater), so tests can script it. */
export interface Updater {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  on(event: 'checking-for-update' | 'update-not-available', listener: () => void): unknown;
  on(event: 'update-available' | 'update-downloaded', listener: (info: { version: string }) => void): unknown;
  on(event: 'download-progress', listener: (progress: { percent: number }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  checkForUpdates(): Promise<unknown>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
}

export interface AppUpdatesOptions {
  updater: Updater;
  /** false in development and unpackaged runs. */
  canUpdate: boolean;
  currentVersion: string;
  getWindow(): BrowserWindow | null;
  /** Called just before quitAndInstall, so closing the window quits instead of hiding it. */
  beforeRestart(): void;
  log: MainLog;
}

export interface AppUpdates {
  checkQuietly(): void;
  /** The menu item: says what it found, or offers the restart when an update is ready. */
  checkFromMenu(): Promise<void>;
}

export function createAppUpdates(options: AppUpdatesOptions): AppUpdates {
  const { updater, log } = options;
  let asked = false; // a check the user asked for: answer it, whatever the outcome
  let checking = false;
  let ready: string | null = null;

  const show = async (box: MessageBoxOptions): Promise<number> => {
    const window = options.getWindow();
    const shown = window && !window.isDestroyed() ? await dialog.showMessageBox(window, box) : await dialog.showMessageBox(box);
    return shown.response;
  };
  const progress = (fraction: number): void => {
    const window = options.getWindow();
    if (window && !window.isDestroyed()) window.setProgressBar(fraction);
  };

  const offerRestart = async (version: string): Promise<void> => {
    const response = await show({
      type: 'info',
      buttons: ['Restart now', 'Later'],
      defaultId: 0,
      cancelId: 1,
      message: `Rapport ${version} is ready to install`,
      detail: 'Restart now to use it, or keep working: it is installed the next time you quit Rapport.',
    });
    if (response !== 0) return;
    options.beforeRestart();
    updater.quitAndInstall();
  };

  updater.autoDownload = true;
  updater.autoInstallOnAppQuit = true;
  updater.on('checking-for-update', () => log.info('Checking for updates'));
  updater.on('update-available', ({ version }) => {
    log.info('Update available:', version);
    if (!asked) return;
    asked = false;
    void show({ type: 'info', message: `Rapport ${version} is downloading`, detail: 'Rapport will tell you when it is ready to install.' });
  });
  updater.on('update-not-available', () => {
    checking = false;
    if (!asked) return;
    asked = false;
    void show({ type: 'info', message: 'Rapport is up to date', detail: `You have version ${options.currentVersion}.` });
  });
  updater.on('download-progress', ({ percent }) => progress(Math.max(0, Math.min(1, percent / 100))));
  updater.on('update-downloaded', ({ version }) => {
    checking = false;
    ready = version;
    progress(-1);
    log.info('Update downloaded:', version);
    void offerRestart(version);
  });
  updater.on('error', (error) => {
    checking = false;
    progress(-1);
    log.warn('Update check failed:', error.message);
    if (!asked) return;
    asked = false;
    void show({
      type: 'warning',
      message: 'Rapport could not check for updates',
      detail: 'Check your connection and try again later. Your data is not affected.',
    });
  });

  const check = (): void => {
    if (checking) return;
    checking = true;
    // Failures arrive as the 'error' event too; the promise is only caught so it is not unhandled.
    updater.checkForUpdates().catch(() => {
      checking = false;
    });
  };

  return {
    checkQuietly() {
      if (options.canUpdate) check();
    },
    async checkFromMenu() {
      if (ready !== null) return offerRestart(ready);
      if (!options.canUpdate) {
        await show({ type: 'info', message: 'Updates come with the installed app', detail: 'This copy of Rapport runs from its sources.' });
        return;
      }
      asked = true;
      check();
    },
  };
}
