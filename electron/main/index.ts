// Main process lifecycle. Thin on purpose: everything with a decision in it lives in its own
// module (window options, protocol, guards, IPC bridge, core process) and is tested there.
import { join } from 'node:path';
import { app, BrowserWindow, screen, session } from 'electron';
import { autoUpdater } from 'electron-updater';
import { APP_ENTRY_URL, trustedOrigins } from './appOrigin';
import { installAppMenu } from './appMenu';
import { createAppUpdates } from './appUpdates';
import { hideInsteadOfClosing } from './backgroundOnClose';
import { handleAppProtocol, registerAppScheme } from './appProtocol';
import { startCoreProcess } from './coreProcess';
import type { CoreClient } from './coreClient';
import { createMainWindow } from './createMainWindow';
import { userDataDir } from './dataLocation';
import { createDesktopShell, type DesktopShell } from './desktopShell';
import { createElectronLog } from './electronLog';
import { externalHosts, openExternalSafely } from './externalLinks';
import { forwardCoreEvents, registerIpcHandlers } from './ipcHandlers';
import { denyAllPermissions, installNavigationGuards } from './navigationGuards';
import { trayIconImage } from './trayIcon';
import { DEFAULT_WINDOW_SIZE, placeOnDisplays, rememberWindowState } from './windowPlacement';
import { readWindowState, WINDOW_STATE_FILE } from './windowStateFile';

// electron-vite sets this for `npm run dev`; a packaged app never trusts it.
const devServerUrl = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined;
const isDev = devServerUrl !== undefined;
// Before anything (the log file included) resolves a path under userData.
app.setPath('userData', userDataDir(app.getPath('appData'), isDev));
const log = createElectronLog(isDev);
const origins = trustedOrigins(devServerUrl);

// Windows shows notifications only for the AppUserModelID of the Start-menu shortcut the
// installer made, which electron-builder sets to the appId.
if (process.platform === 'win32') app.setAppUserModelId('app.rapport.desktop');

// Before `ready`: privileges for app://, sandbox for every renderer, guards for every WebContents.
app.enableSandbox();
registerAppScheme();
installNavigationGuards({
  trustedOrigins: origins,
  openExternal: (url) => openExternalSafely(url, externalHosts, log),
  log,
});

let mainWindow: BrowserWindow | null = null;
let core: CoreClient | null = null;
let coreStopped = false;
let shell: DesktopShell | null = null;
// Set once the app is on its way out (Quit, an update restart): closing the window then closes it.
let quitting = false;

/** The one main window: created, or shown and focused. Second launches, notifications and the tray all land here. */
function showMainWindow(): BrowserWindow {
  if (mainWindow === null || mainWindow.isDestroyed()) {
    const stateFile = join(app.getPath('userData'), WINDOW_STATE_FILE);
    const workAreas = screen.getAllDisplays().map((display) => display.workArea);
    const window = createMainWindow({
      preloadPath: join(__dirname, '../preload/index.js'),
      entryUrl: devServerUrl ?? APP_ENTRY_URL,
      log,
      placement: placeOnDisplays(readWindowState(stateFile), workAreas, DEFAULT_WINDOW_SIZE),
    });
    rememberWindowState(window, stateFile, log);
    hideInsteadOfClosing(window, { keepRunning: () => shell?.settings().keepSyncingInBackground === true, quitting: () => quitting });
    window.on('closed', () => (mainWindow = null));
    mainWindow = window;
    return window;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  if (!mainWindow.isVisible()) mainWindow.show();
  mainWindow.focus();
  return mainWindow;
}

async function onReady(): Promise<void> {
  const dataDir = app.getPath('userData');
  log.info('Rapport starting; data in', dataDir);

  denyAllPermissions(session.defaultSession, log);
  handleAppProtocol({ rendererDir: join(__dirname, '../renderer'), mediaDir: join(dataDir, 'media') }, log);

  const client = startCoreProcess({ dataDir, log });
  core = client;
  const getMainWindow = (): BrowserWindow | null => mainWindow;
  registerIpcHandlers({ core: client, getMainWindow, trustedOrigins: origins, log });
  forwardCoreEvents(client, getMainWindow, externalHosts);

  shell = createDesktopShell({
    core: client,
    showWindow: showMainWindow,
    getWindow: getMainWindow,
    platform: process.platform,
    // Packaged: copied beside app.asar by electron-builder's extraResources.
    trayImage: trayIconImage(
      app.isPackaged ? join(process.resourcesPath, 'tray.png') : join(__dirname, '../../resources/icons/32x32.png'),
      process.platform === 'darwin',
    ),
    quit: () => app.quit(),
    log,
  });
  const updates = createAppUpdates({
    updater: autoUpdater,
    canUpdate: app.isPackaged && !isDev,
    currentVersion: app.getVersion(),
    getWindow: getMainWindow,
    beforeRestart: () => (quitting = true),
    log,
  });
  installAppMenu({ isMac: process.platform === 'darwin', isDev, onCheckForUpdates: () => void updates.checkFromMenu() });
  showMainWindow();
  void shell.start();
  updates.checkQuietly();
}

if (!app.requestSingleInstanceLock()) {
  // Two instances would open the same SQLite file from two core processes.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (app.isReady()) showMainWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  // macOS: a click on the dock icon brings back a closed or hidden window.
  app.on('activate', () => {
    if (app.isReady()) showMainWindow();
  });
  // Let core checkpoint and close the database before the app exits.
  app.on('before-quit', (event) => {
    quitting = true;
    if (core === null || coreStopped) return;
    event.preventDefault();
    coreStopped = true;
    void core.stop().finally(() => app.quit());
  });
  app
    .whenReady()
    .then(onReady)
    .catch((error: unknown) => {
      log.error('Rapport failed to start:', error instanceof Error ? error.stack ?? error.message : String(error));
      app.quit();
    });
}
