// "Open at login": app.setLoginItemSettings, which Electron supports on macOS and Windows only.
// Elsewhere the setting is refused quietly (false), so the window can say it is not available.
import { app } from 'electron';

export function loginItemsSupported(platform: NodeJS.Platform): boolean {
  return platform === 'darwin' || platform === 'win32';
}

/** Registers or removes Rapport as a login item; false where the OS has no such API here. */
export function applyOpenAtLogin(openAtLogin: boolean, platform: NodeJS.Platform): boolean {
  if (!loginItemsSupported(platform)) return false;
  app.setLoginItemSettings({ openAtLogin });
  return true;
}
