// Main process lifecycle. Thin on purpose: everything with a decision in it lives in its own
// module (window options, protocol, guards, IPC bridge, core process) and is tested there.
import { join } from 'node:path';
import { app, BrowserWindow, session } from 'electron';
import { APP_ENTRY_URL, trustedOrigins } from './appOrigin';
import { installAppMenu } from './appMenu';
import { handleAppProtocol, registerAppScheme } from './appProtocol';
import { startCoreProcess } from './coreProcess';
import type { CoreClient } from './coreClient';
import { createMainWindow } from './createMainWindow';
import { userDataDir } from './dataLocation';
import { createElectronLog } from './electronLog';
import { externalHosts, openExternalSafely } from './externalLinks';
import { forwardCoreEvents, registerIpcHandlers } from './ipcHandlers';
import { denyAllPermissions, installNavigationGuards } from './navigationGuards';

// electron-vite sets this for `npm run dev`; a packaged app never trusts it.
const devServerUrl = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined;
const isDev = devServerUrl !== undefined;
// Before anything (the log file included) resolves a path under userData.
app.setPath('userData', userDataDir(app.getPath('appData'), isDev));
const log = createElectronLog(isDev);
const origins = trustedOrigins(devServerUrl);

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

function showMainWindow(): void {
  if (mainWindow === null || mainWindow.isDestroyed()) {
    mainWindow = createMainWindow({
      preloadPath: join(__dirname, '../preload/index.js'),
      entryUrl: devServerUrl ?? APP_ENTRY_URL,
      log,
    });
    mainWindow.on('closed', () => (mainWindow = null));
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
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

  installAppMenu({ isMac: process.platform === 'darwin', isDev });
  showMainWindow();
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
  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) showMainWindow();
  });
  // Let core checkpoint and close the database before the app exits.
  app.on('before-quit', (event) => {
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
