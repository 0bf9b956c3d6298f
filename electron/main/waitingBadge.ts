// The same waiting count on the app's icon: the dock badge on macOS, the launcher badge on Linux
// where the desktop supports it (Unity launcher API; app.setBadgeCount answers false elsewhere),
// and an overlay on the taskbar button on Windows (BrowserWindow.setOverlayIcon, with a
// description screen readers announce).
import { app, type BrowserWindow, type NativeImage } from 'electron';
import { waitingSentence } from './trayIcon';

export interface WaitingBadgeOptions {
  platform: NodeJS.Platform;
  getWindow(): BrowserWindow | null;
  /** The small dot drawn over the taskbar button on Windows. */
  overlayImage(): NativeImage;
}

export function createWaitingBadge({ platform, getWindow, overlayImage }: WaitingBadgeOptions): { show(waiting: number): void } {
  let last = 0;
  const applyOverlay = (): void => {
    const window = getWindow();
    if (window === null || window.isDestroyed()) return;
    window.setOverlayIcon(last > 0 ? overlayImage() : null, last > 0 ? waitingSentence(last) : '');
  };
  return {
    show(waiting) {
      last = waiting;
      if (platform === 'win32') applyOverlay();
      else app.setBadgeCount(waiting);
    },
  };
}
